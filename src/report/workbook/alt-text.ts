/**
 * exceljs 4 has no alt-text API for images, so the drawing parts are post-processed: each picture's
 * `<xdr:cNvPr>` gets a `name` (the chart title) and a `descr` (the alt text Excel and screen readers use).
 * Nor can it write a print area of several ranges (it writes one defined name per range, which Excel rejects), so
 * each sheet's `_xlnm.Print_Area` is rewritten here with all its ranges: the tables, then each chart on its own page.
 * Nor can it set the default font (Calibri 11, whose column widths LibreOffice draws a quarter wider with its
 * substitute): the first font of styles.xml, the Normal style's, is made `font` here.
 * And a chart still being drawn while the workbook is written goes in as a short stand-in, replaced here by its PNG.
 */
import { escapeHtml } from '../safe-text.ts';
import { readZipParts, writeZipParts } from './zip-parts.ts';

/** An XML attribute value on one line. */
function xmlAttr(s: string): string {
  return escapeHtml(s.replace(/[\r\n\t]+/g, ' '));
}

/**
 * Adds alt text to the pictures of each sheet (sheet order = workbook order; pictures in the order added) and
 * compresses the package: XML deflated, PNG media stored as they are.
 * @param alt per sheet, per picture: name and description
 */
export async function finishXlsx(
  xlsx: Buffer,
  alt: Array<Array<{ name: string; descr: string }>>,
  printRanges: string[][] = [],
  font?: { name: string; size: number },
  /** Media to put in: the bytes of a stand-in (as latin1 text) → the bytes that replace them. */
  media: ReadonlyMap<string, Buffer> = new Map(),
): Promise<Buffer> {
  const parts = readZipParts(xlsx);
  const byName = new Map(parts.map((p) => [p.name, p]));
  const text = (name: string): string | undefined => byName.get(name)?.data.toString('utf8');
  const setText = (name: string, s: string): void => {
    byName.get(name)!.data = Buffer.from(s, 'utf8');
  };
  if (font) {
    const styles = text('xl/styles.xml')!;
    // the Normal style's font, without the theme scheme (which would make Excel use the theme's Calibri instead)
    const out = styles.replace(/<fonts([^>]*)><font>(.*?)<\/font>/, (_w, attrs: string, inner: string) => {
      const rest = inner.replace(/<scheme [^>]*\/>|<sz [^>]*\/>|<name [^>]*\/>/g, '');
      return `<fonts${attrs}><font>${rest}<sz val="${font.size}"/><name val="${xmlAttr(font.name)}"/></font>`;
    });
    setText('xl/styles.xml', out);
  }
  if (printRanges.some((r) => r.length > 1)) {
    const book = text('xl/workbook.xml')!;
    const names = [...book.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]!);
    const out = book.replace(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">[^<]*<\/definedName>/g, (whole, id: string) => {
      const i = Number(id);
      const ranges = printRanges[i];
      if (!ranges || ranges.length < 2) return whole;
      const sheet = `'${names[i]!.replace(/'/g, "''")}'`;
      const abs = (r: string) => r.split(':').map((c) => c.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')).join(':');
      return `<definedName name="_xlnm.Print_Area" localSheetId="${id}">${ranges.map((r) => `${sheet}!${abs(r)}`).join(',')}</definedName>`;
    });
    setText('xl/workbook.xml', out);
  }
  for (const part of parts) {
    if (!part.name.startsWith('xl/media/')) continue;
    part.store = true;
    const real = media.size > 0 && part.data.length < 128 ? media.get(part.data.toString('latin1')) : undefined;
    if (real) part.data = real;
  }
  for (let i = 0; i < alt.length; i++) {
    const pics = alt[i]!;
    if (pics.length === 0) continue;
    const rels = text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`);
    const m = rels ? /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(rels) : null;
    if (!m) continue;
    const path = `xl/drawings/${m[1]}`;
    const xml = text(path)!;
    let k = 0;
    const out = xml.replace(/<xdr:cNvPr id="(\d+)" name="[^"]*"/g, (whole, id: string) => {
      const a = pics[k++];
      return a ? `<xdr:cNvPr id="${id}" name="${xmlAttr(a.name)}" descr="${xmlAttr(a.descr)}"` : whole;
    });
    setText(path, out);
  }
  return writeZipParts(parts);
}
