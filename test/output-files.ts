/** A run's output folder as comparable content: every file's bytes, a workbook's entry by entry (its zip carries times). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import JSZip from 'jszip';

/** Every file under `dir`, with its path. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

/**
 * A file's content for comparison: the bytes, or for a workbook each zip entry's bytes (zip entries carry times), as
 * base64 (Node's own encoder: JSZip's base64 output, in JavaScript, was about 1.5 s of a test file's CPU).
 */
export async function content(file: string): Promise<unknown> {
  const bytes = readFileSync(file);
  // the manifest names the run's output switch (report/write-atomic.ts), an id of its own each run
  if (basename(file) === '.highneeds-outputs.json') {
    const manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    delete manifest.switch;
    return manifest;
  }
  if (!file.endsWith('.xlsx')) return bytes.toString('base64');
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, e] of Object.entries(zip.files)) if (!e.dir) out[name] = (await e.async('nodebuffer')).toString('base64');
  return out;
}

/** The content of every file under `dir`, by its path from `dir`, in path order. */
export async function outputsOf(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of filesUnder(dir).map((f) => relative(dir, f)).sort()) out[f] = await content(join(dir, f));
  return out;
}
