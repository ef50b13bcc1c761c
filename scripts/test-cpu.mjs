// Sums what test/cpu-record.ts wrote (HIGHNEEDS_TEST_CPU=<file> npm test): CPU seconds (user + system, the test
// process and its waited-for children) by test folder and for the files that took most, largest first.
// Usage: node scripts/test-cpu.mjs <file> [how many files, default 30]
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/test-cpu.mjs <file written with HIGHNEEDS_TEST_CPU> [files to list]');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cpu = (r) => (r.user + r.sys + r.childUser + r.childSys) / 1000;
const sum = (rs, f) => rs.reduce((a, r) => a + f(r), 0);
const s = (x) => x.toFixed(1).padStart(7);
console.log(`${rows.length} files: ${s(sum(rows, cpu))} s CPU (user ${sum(rows, (r) => r.user / 1000).toFixed(1)}, system ${sum(rows, (r) => r.sys / 1000).toFixed(1)}, children ${sum(rows, (r) => (r.childUser + r.childSys) / 1000).toFixed(1)}), ${Math.round(sum(rows, (r) => r.minorFaults))} minor faults`);
const folders = new Map();
for (const r of rows) {
  const parts = r.file.split('/');
  const folder = parts.slice(0, Math.min(parts.length - 1, 3)).join('/');
  folders.set(folder, [...(folders.get(folder) ?? []), r]);
}
console.log('\nfolder                              files   CPU s  system s');
for (const [f, rs] of [...folders].sort((a, b) => sum(b[1], cpu) - sum(a[1], cpu))) console.log(`${f.padEnd(36)}${String(rs.length).padStart(5)}${s(sum(rs, cpu))}${s(sum(rs, (r) => (r.sys + r.childSys) / 1000))}`);
console.log('\nfile                                                  CPU s  system s  wall s');
for (const r of [...rows].sort((a, b) => cpu(b) - cpu(a)).slice(0, Number(top))) console.log(`${r.file.padEnd(52)}${s(cpu(r))}${s((r.sys + r.childSys) / 1000)}${s(r.wall / 1000)}`);
