import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioYaml } from '../../src/explorer/scenario-yaml.ts';
import { scenario } from '../model/fixtures.ts';
import { reproduceWith } from '../../src/messages/explorer.ts';

describe('the scenario YAML the explorer writes', () => {
  it('keeps every header line a comment, whatever line breaks a name holds', () => {
    // a scenario's name (or an LA's, or a lever's) with line breaks in it. It is put on a scenario made without it,
    // not through the scenario schema, whose rules on control characters (util/bounded-text.ts) are not what this
    // checks: the writer must keep the header a comment whatever name it is given
    const name = 'Plan A\nextends: other.yaml\r\nfunding_x: 1\rsurges_x: 2\u2028x\u0085y';
    const text = scenarioYaml({ ...scenario(), name }, { id: 'a-explorer', name: `${name} (explorer variant)`, baseYear: 2025, header: [`Starting point: ${name} (a.yaml)`, 'Changed:', `  - Recovery plan: ${name} — effect: 10% → 20%`] });
    const doc = parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).not.toContain('extends');
    expect(Object.keys(doc).filter((k) => k.endsWith('_x'))).toEqual([]);
    expect(doc.name).toBe(`${name} (explorer variant)`);
    const head = text.slice(0, text.indexOf('\nid: '));
    for (const line of head.split(/\r\n|\r|\n/)) expect(line.startsWith('#'), line).toBe(true);
  });
});

describe("the downloaded scenario's 'Reproduce with' line", () => {
  // it said 'highneeds run ID.yaml --data <the same data folder> --draws 0' on every page: run so on a release's folder
  // (156 LAs) it stopped with exit 2 ('choose one with --la'), and a demand-only page's file on a folder without
  // money tables with exit 1 naming them
  it("names the page's LA, so that it runs on a folder of several LAs", () => {
    expect(reproduceWith('baseline-explorer', '886', false)).toBe('Reproduce with: highneeds run baseline-explorer.yaml --data <the same data folder> --la 886 --draws 0');
  });

  it('keeps --demand-only for a page of a demand-only run, whose figures need it', () => {
    expect(reproduceWith('baseline-explorer', '420', true)).toBe('Reproduce with: highneeds run baseline-explorer.yaml --data <the same data folder> --la 420 --demand-only --draws 0');
  });
});
