import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
const only = process.argv[3];
for (const ws of wb.worksheets) {
  if (only && ws.name !== only) continue;
  console.log(`=== ${ws.name} rows=${ws.rowCount} cols=${ws.columnCount} tables=${Object.keys(ws.tables ?? {}).length}`);
  const max = Number(process.argv[4] ?? 14);
  for (let r = 1; r <= Math.min(ws.rowCount, max); r++) {
    const row = ws.getRow(r);
    const cells = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (col > 9) return;
      let v = c.value; if (v && typeof v === 'object') v = JSON.stringify(v).slice(0, 60);
      cells.push(`${typeof c.value === 'number' ? 'N' : 'T'}:${String(v).slice(0, 38)}${c.numFmt ? ' ['+c.numFmt+']' : ''}`);
    });
    console.log(r, cells.join(' | '));
  }
}
