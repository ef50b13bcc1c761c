/** shellWord: what `goal-seek` prints to run the scenario it wrote reads back, through a real shell, as the word. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/util/shell-word.ts';

describe('shellWord', () => {
  it('leaves safe words alone and quotes the rest so that sh reads each back as one word', () => {
    expect(shellWord('data-samples/goal.yaml')).toBe('data-samples/goal.yaml');
    const words = ["goal's file.yaml", 'a b', '$HOME', '`x`', 'x;y', '"q"', "''", 'é', '*', ''];
    const script = `for w in ${words.map(shellWord).join(' ')}; do printf '%s\\n' "$w"; done`;
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\n').slice(0, -1)).toEqual(words);
  });
});
