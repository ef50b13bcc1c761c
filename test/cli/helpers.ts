import { cpSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stderrIsTTY: false };
  const code = await main(['node', 'highneeds', ...args], io);
  return { code, stdout, stderr };
}

/**
 * Copies data-samples/ to `dest` without its person-level SEN2 returns (sen2_YYYY.xml, 13 MB): the published
 * tables, ONS figures and money tables only. For tests about money tables, fallbacks and wording, where reading the
 * returns again (the load cache is keyed on the whole set of files, so every edited copy is a new load) was most of
 * their time and none of what they check.
 */
export function copySampleTables(dest: string): void {
  cpSync('data-samples', dest, { recursive: true, filter: (src) => !/sen2_\d{4}\.xml$/.test(src) });
}
