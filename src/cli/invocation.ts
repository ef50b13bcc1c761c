/**
 * How the user started highneeds, as the words to type again: `npx highneeds` through npx (or `npm exec`),
 * `node bin/highneeds.js` (the script as a path from where it runs, else in full) through node or `npm start`, and
 * `highneeds` for a link of that name on the PATH (an installed package) or a caller that gives no script.
 * @example invokedAs('/home/me/highneeds/bin/highneeds.js', {}, '/home/me/highneeds') // 'node bin/highneeds.js'
 * @example invokedAs('/home/me/highneeds/bin/highneeds.js', { npm_command: 'exec' }, '/home/me/highneeds') // 'npx highneeds'
 */
import { isAbsolute, relative } from 'node:path';
import { shellWord } from '../util/shell-word.ts';

export function invokedAs(script: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (script === undefined || !/\.[cm]?[jt]s$/.test(script)) return 'highneeds';
  if (env.npm_command === 'exec') return 'npx highneeds';
  const rel = relative(cwd, script);
  return `node ${shellWord(rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : script)}`;
}
