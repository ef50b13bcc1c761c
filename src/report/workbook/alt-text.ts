/**
 * exceljs 4 has no alt-text API for images, so the drawing parts are post-processed: each picture's
 * `<xdr:cNvPr>` gets a `name` (the chart title) and a `descr` (the alt text Excel and screen readers use).
 */
import JSZip from 'jszip';

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\r\n\t]+/g, ' ');
}

/**
 * Adds alt text to the pictures of each sheet (sheet order = workbook order; pictures in the order added) and
 * compresses the package: XML deflated, PNG media stored as they are.
 * @param alt per sheet, per picture: name and description
 */
export async function finishXlsx(xlsx: Buffer, alt: Array<Array<{ name: string; descr: string }>>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (name.startsWith('xl/media/') && !entry.dir) zip.file(name, await entry.async('nodebuffer'), { compression: 'STORE' });
  }
  for (let i = 0; i < alt.length; i++) {
    const pics = alt[i]!;
    if (pics.length === 0) continue;
    const rels = await zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`)?.async('string');
    const m = rels ? /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(rels) : null;
    if (!m) continue;
    const path = `xl/drawings/${m[1]}`;
    const xml = await zip.file(path)!.async('string');
    let k = 0;
    const out = xml.replace(/<xdr:cNvPr id="(\d+)" name="[^"]*"/g, (whole, id: string) => {
      const a = pics[k++];
      return a ? `<xdr:cNvPr id="${id}" name="${xmlAttr(a.name)}" descr="${xmlAttr(a.descr)}"` : whole;
    });
    zip.file(path, out);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
