/**
 * Opening a ZIP file from disk with yauzl, read lazily (the central directory first, an entry's bytes only when
 * asked), names left undecoded so the caller checks them itself. The one place the ETL opens ZIP packages.
 */
import type Yauzl from 'yauzl';
import { lazyPackage } from '../util/lazy-package.ts';

const yauzl = lazyPackage<typeof Yauzl>('yauzl');

/**
 * Opens a ZIP file for reading; close it with `zip.close()` when done.
 * @example const zip = await openZip('release.zip'); try { for await (const e of zip.eachEntry()) … } finally { zip.close(); }
 */
export function openZip(path: string): Promise<Yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl().open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('no archive'));
      else resolve(zip);
    });
  });
}

/** An entry's name as stored, with backslashes kept (so names escaping their folder with `\` can be seen). */
export function entryName(entry: Yauzl.Entry): string {
  return yauzl().getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw as unknown as Buffer, entry.extraFields, true);
}

/**
 * What a ZIP file holds: 'document' for an Office package (XLSX, DOCX: it holds `[Content_Types].xml`), 'archive'
 * for an archive of files, undefined when it cannot be read as a ZIP at all (a workbook cut short: its reader says so).
 * @example await zipPackageKind('unit_costs.xlsx') // 'document'
 */
export async function zipPackageKind(path: string): Promise<'document' | 'archive' | undefined> {
  let zip: Yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return undefined;
  }
  try {
    for await (const entry of zip.eachEntry()) if (entryName(entry) === '[Content_Types].xml') return 'document';
    return 'archive';
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}
