/**
 * Hostile scenario files: a bad `extends:` names the scenario that asked for it, alias bombs are bounded, and ids
 * that cannot name an output folder (`..`, `.`, `compare`, duplicates in one run) are refused.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HighneedsError } from '../../src/errors.ts';
import { checkScenarioIds, badIdReason } from '../../src/scenario/ids.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { withTempDir } from '../temp.ts';

async function loadError(file: string): Promise<HighneedsError> {
  const e = await loadScenario(file).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(HighneedsError);
  expect((e as HighneedsError).exitCode).toBe(1);
  return e as HighneedsError;
}

/** Each scenario text, written to a file of `dir`, is refused with a message naming the file and matching its pattern. */
async function expectRefused(dir: string, cases: ReadonlyArray<readonly [string, RegExp]>): Promise<void> {
  for (const [i, [yaml, re]] of cases.entries()) {
    const f = join(dir, `s${i}.yaml`);
    await writeFile(f, `${yaml}\n`);
    const e = await loadError(f);
    expect(e.message).toContain(f);
    expect(e.message).toMatch(re);
  }
}

describe('extends', () => {
  it('a number, an empty value, a folder, a CSV or a system file: the message names the scenario that asked', async () => {
    await withTempDir(async (d) => {
      await mkdir(join(d, 'folder'));
      await writeFile(join(d, 'data.csv'), 'a,b\n1,2\n');
      const cases: Array<[string, RegExp]> = [
        ['5', /expected the path of another scenario file/],
        ["''", /expected the path of another scenario file/],
        ['[a, b]', /expected the path of another scenario file/],
        ['folder', /folder/],
        ['data.csv', /mapping/],
        ['/etc/passwd', /extends/],
        ['/proc/self/status', /system path/],
      ];
      for (const [i, [target, re]] of cases.entries()) {
        const f = join(d, `s${i}.yaml`);
        await writeFile(f, `extends: ${target}\n`);
        const e = await loadError(f);
        expect(e.message.startsWith(`${f}: `), e.message).toBe(true);
        expect(e.message).toMatch(re);
      }
    });
  });

  it('a file missing further down the chain is named where it is missing, not at the first extends', async () => {
    await withTempDir(async (d) => {
      // before: "a.yaml: 'extends: b.yaml' names a file that does not exist", though b.yaml is there
      await writeFile(join(d, 'a.yaml'), 'extends: b.yaml\nid: a\n');
      await writeFile(join(d, 'b.yaml'), 'extends: gone.yaml\nid: b\n');
      const e = await loadError(join(d, 'a.yaml'));
      expect(e.message).toBe(`${join(d, 'a.yaml')}: 'extends: b.yaml' cannot be used: ${join(d, 'b.yaml')}: 'extends: gone.yaml' names a file that does not exist`);
      expect(e.message).not.toMatch(/'extends: b\.yaml' names a file that does not exist/);
    });
  });

  it('a loop, and a chain of more than 32 files, are refused once, naming the scenario and the chain, in a few hundred bytes', async () => {
    await withTempDir(async (d) => {
      // a chain of 1,000 files whose last extends the first: before, read whole and, refused at its end, every file's
      // refusal wrapped in the next (59 KB on stderr, 29.7 MB with --json)
      for (let i = 0; i < 1000; i++) await writeFile(join(d, `c${i}.yaml`), `extends: c${(i + 1) % 1000}.yaml\nid: c${i}\n`);
      const long = await loadError(join(d, 'c0.yaml'));
      expect(long.message).toMatch(new RegExp(`^${join(d, 'c0.yaml')}: its 'extends' chain holds more than 32 files \\(.*c0\\.yaml → .*c1\\.yaml → … → .*c31\\.yaml → .*c32\\.yaml\\)`));
      expect(long.message.length).toBeLessThan(1000);
      expect(long.problems).toHaveLength(1);
      // 32 files are read
      await writeFile(join(d, 'c31.yaml'), `extends: ${JSON.stringify(join(process.cwd(), 'scenarios/baseline.yaml'))}\nid: c31\n`);
      expect((await loadScenario(join(d, 'c1.yaml'))).id).toBe('c1');
      await loadError(join(d, 'c0.yaml'));
      // a loop of two, and of one
      await writeFile(join(d, 'a.yaml'), 'extends: b.yaml\nid: a\n');
      await writeFile(join(d, 'b.yaml'), 'extends: a.yaml\nid: b\n');
      await writeFile(join(d, 'self.yaml'), 'extends: self.yaml\n');
      expect((await loadError(join(d, 'a.yaml'))).message).toBe(`${join(d, 'a.yaml')}: its 'extends' chain loops: ${join(d, 'a.yaml')} → ${join(d, 'b.yaml')} → ${join(d, 'a.yaml')}; a scenario cannot extend itself, even through others`);
      expect((await loadError(join(d, 'self.yaml'))).message).toMatch(/self\.yaml: its 'extends' chain loops: .*self\.yaml → .*self\.yaml;/);
    });
  }, 60_000);

  it('a YAML alias bomb is refused, not expanded', async () => {
    await withTempDir(async (d) => {
      const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
      const f = join(d, 'bomb.yaml');
      await writeFile(f, `${lines.join('\n')}\n`);
      const e = await loadError(f);
      expect(e.message).toContain(f);
      expect(e.message).toMatch(/alias/i);
    });
  });
});

describe('scenario ids', () => {
  it('ids that cannot name a folder are refused naming the file', async () => {
    await withTempDir(async (d) => {
      for (const id of ['..', '.', 'compare', 'a/b', 'a\\b', '-x', 'x'.repeat(65)]) {
        const f = join(d, 's.yaml');
        await writeFile(f, `id: ${JSON.stringify(id)}\n`);
        const e = await loadError(f);
        expect(e.message).toContain(f);
        expect(e.message).toMatch(/cannot name its output folder|must match pattern/);
      }
      // the default id comes from the file name, and is checked as well
      await writeFile(join(d, '..yaml'), 'horizon_years: 5\n');
      expect((await loadError(join(d, '..yaml'))).message).toMatch(/cannot name/);
    });
  });

  it('accepts ordinary ids', () => {
    for (const id of ['baseline', 'dbv-plan_2026', 'v1.2', 'Covid-Surge']) expect(badIdReason(id)).toBeUndefined();
  });

  it('two scenarios of one run with one id (in any case) are refused naming both files', () => {
    const run = () => checkScenarioIds([{ id: 'plan', file: 'a.yaml' }, { id: 'x', file: 'x.yaml' }, { id: 'PLAN', file: 'b.yaml' }]);
    expect(run).toThrow(/b\.yaml: scenario id 'PLAN' is already used by a\.yaml/);
  });
});

describe('amounts of money', () => {
  it('an amount beyond the ceiling of any input (£1e12) is refused naming the key, not run into Infinity', async () => {
    await withTempDir(async (d) => {
      const cases = [
        'mitigations: [{ name: m, kind: fewer_requests, effect: 0.1, start_year: 2026, cost_gbp_per_year: 1e308 }]',
        'capacity: { changes: [{ placement: SSA, year: 2028, places: 10, capital_cost_gbp: 1e13 }] }',
        'capacity: { changes: [{ placement: SSA, year: 2028, places: 10, place_rate_gbp: 1e308 }] }',
        'funding: { schools_block_transfer_gbp: -1e308 }',
      ];
      for (const [i, yaml] of cases.entries()) {
        const f = join(d, `s${i}.yaml`);
        await writeFile(f, `${yaml}\n`);
        const e = await loadError(f);
        expect(e.message).toContain(f);
        expect(e.message).toMatch(/cost_gbp_per_year|capital_cost_gbp|place_rate_gbp|schools_block_transfer_gbp/);
        expect(e.message).toMatch(/at (most|least) -?1000000000000/);
      }
    });
  });
});

describe('inflation by placement or year', () => {
  it('a key that is no placement, financial year or default is refused naming it, not left at the default rate', async () => {
    await withTempDir(async (d) => {
      const cases: Array<[string, RegExp]> = [
        ['{ ISSS: 8% }', /at 'costs\.inflation\.ISSS': expected a key that is a placement code \(ISS\), a financial year \(2026-27\) or 'default' \(did you mean 'ISS'\?\)/],
        ['{ 2026-28: 0.02 }', /at 'costs\.inflation\.2026-28': expected a key that is a placement code/],
        ['{ defualt: 0.02, ISS: 0.05 }', /at 'costs\.inflation\.defualt': .*did you mean 'default'/],
      ];
      await expectRefused(d, cases.map(([yaml, re]) => [`costs:\n  inflation: ${yaml}`, re]));
      // the keys budget.md lists are taken, in any case
      const ok = join(d, 'ok.yaml');
      await writeFile(ok, 'costs:\n  inflation: { iss: 5%, 2026-27: 0.02, Default: 0.03 }\n');
      await expect(loadScenario(ok)).resolves.toBeDefined();
    });
  });
});

describe('compounding rates', () => {
  it('a growth or inflation of -100% is refused naming the key: deflating by (1 + rate) would divide by 0', async () => {
    await withTempDir(async (d) => {
      for (const [i, yaml] of ['funding: { growth: -1 }', 'costs: { inflation: -100% }', 'costs: { inflation: { ISS: -1 } }', 'costs: { complexity_drift: { ISS: -1 } }'].entries()) {
        const f = join(d, `s${i}.yaml`);
        await writeFile(f, `${yaml}\n`);
        const e = await loadError(f);
        expect(e.message).toContain(f);
        expect(e.message).toMatch(/(funding\.growth|costs\.inflation|complexity_drift).*more than -1/);
      }
    });
  });
});

describe('levers that cannot be told apart or move nothing', () => {
  const lever = (name: string, extra = '') => `  - { name: ${JSON.stringify(name)}, kind: fewer_requests, effect: 0.1, start_year: 2026${extra} }`;

  it('two levers of one name (in any case), or a lever without a name, are refused naming the key', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 's.yaml');
      await writeFile(f, `mitigations:\n${lever('Early help')}\n${lever('Other')}\n${lever('early help ')}\n${lever('')}\n`);
      const e = await loadError(f);
      expect(e.message).toContain(`${f}: at 'mitigations[2].name': expected a name of its own: mitigations[0] is already called 'Early help'`);
      expect(e.message).toContain(`at 'mitigations[3].name': expected a name for the lever`);
    });
  });

  it('a placement_shift without from or to, or to its own placement, is refused naming the key', async () => {
    await withTempDir(async (d) => {
      const cases: Array<[string, RegExp]> = [
        ['', /at 'mitigations\[0\]\.from': expected a placement code: a placement_shift moves plans from a placement/],
        [', from: ISS', /at 'mitigations\[0\]\.to': expected a placement code: a placement_shift moves plans to a placement/],
        [', from: ISS, to: ISS', /at 'mitigations\[0\]\.to': expected a placement other than 'from' \(ISS\)/],
      ];
      for (const [i, [extra, re]] of cases.entries()) {
        const f = join(d, `s${i}.yaml`);
        await writeFile(f, `mitigations:\n${lever('Shift', extra).replace('fewer_requests', 'placement_shift')}\n`);
        expect((await loadError(f)).message).toMatch(re);
      }
    });
  });
});

describe('values no run can mean', () => {
  it('a goal_seek record, a capacity change or quantiles out of range are refused naming the key (not exit 70, not £1e19)', async () => {
    await withTempDir(async (d) => {
      const cases: Array<[string, RegExp]> = [
        ['goal_seek: { lever: x, target: y, effect: 1e308, achieved_gbp: 0 }', /at 'goal_seek\.effect': expected a value of at most 1, found number 1e\+308/],
        ['goal_seek: { lever: x, target: y, effect: 0.5, achieved_gbp: -1e308 }', /at 'goal_seek\.achieved_gbp': expected a value of at least -1000000000000/],
        ['capacity: { changes: [{ placement: SSA, year: 2028, places: 1e15 }] }', /at 'capacity\.changes\[0\]\.places': expected a value of at most 100000/],
        ['capacity: { changes: [{ placement: SSA, year: 2028, places: -1e15 }] }', /at 'capacity\.changes\[0\]\.places': expected a value of at least -100000/],
        ['uncertainty: { quantiles: [0.9, 0.5, 0.1] }', /at 'uncertainty\.quantiles': expected three shares in increasing order, such as \[0\.1, 0\.5, 0\.9\], found a list/],
        ['uncertainty: { quantiles: [0.5, 0.5, 0.5] }', /at 'uncertainty\.quantiles': expected three shares in increasing order/],
        // the 5th and 95th percentiles were written under every 'P10' and 'P90' label and JSON key
        ['uncertainty: { quantiles: [0.05, 0.5, 0.95] }', /at 'uncertainty\.quantiles': expected \[0\.1, 0\.5, 0\.9\] \(or leave the key out\): the range is published as P10, P50 and P90/],
      ];
      await expectRefused(d, cases);
      const ok = join(d, 'ok.yaml');
      await writeFile(ok, 'uncertainty: { quantiles: [10%, 50%, 90%] }\ncapacity: { changes: [{ placement: SSA, year: 2028, places: -40 }] }\n');
      await expect(loadScenario(ok)).resolves.toBeDefined();
    });
  });
});

describe('numbers YAML has words for', () => {
  // '.nan' and '.inf' were echoed as 'found number NaN' and 'found number Infinity' on stderr
  it('.nan and .inf are refused in the spelling the file used, never as NaN or Infinity', async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['costs: { inflation: .nan }', /at 'costs\.inflation': expected .*, found number \.nan \(not a number\)$/],
        ['funding: { growth: .inf }', /at 'funding\.growth': expected .*, found number \.inf \(infinity\)$/],
        ['horizon_years: -.inf', /at 'horizon_years': expected .*, found number -\.inf \(infinity\)$/],
      ]);
    });
  });
});

describe('huge lists', () => {
  // each lever is projected on its own to find what it saves: 800 levers took 13 s to project the sample, 5,000 did
  // not finish within two minutes (a run that looked hung)
  it('more recovery-plan levers than a run can attribute is refused when the scenario is read, saying how many', async () => {
    await withTempDir(async (d) => {
      const levers = (n: number): string => Array.from({ length: n }, (_, i) => `  - { name: L${i}, kind: fewer_requests, effect: 0.001, start_year: 2026 }`).join('\n');
      await expectRefused(d, [[`mitigations:\n${levers(5000)}`, /at 'mitigations': expected at most 50 recovery-plan levers .*, found a list of 5000/]]);
      const ok = join(d, 'ok.yaml');
      await writeFile(ok, `mitigations:\n${levers(50)}\n`);
      await expect(loadScenario(ok)).resolves.toBeDefined();
    });
  });
});

describe('encodings', () => {
  it('a scenario saved as Windows-1252 is read as such (Café, £), not with replacement characters', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 'w.yaml');
      // 'Caf\xe9' and '\xa3400,000': an é and a £ as Notepad saves them on an English Windows machine
      await writeFile(f, Buffer.from('name: Caf\xe9 plan\nmitigations:\n  - { name: Caf\xe9 lever, kind: fewer_requests, effect: 0.1, start_year: 2026, cost_gbp_per_year: "\xa3400,000" }\n', 'latin1'));
      const s = await loadScenario(f);
      expect(s.name).toBe('Café plan');
      expect(s.mitigations[0]).toMatchObject({ name: 'Café lever', cost_gbp_per_year: 400000 });
    });
  });

  it('a UTF-8 byte-order mark followed by a byte that is not UTF-8 is refused; a UTF-8 file with a mark is read', async () => {
    await withTempDir(async (d) => {
      const bad = join(d, 'bad.yaml');
      await writeFile(bad, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: Caf\xe9\n', 'latin1')]));
      expect((await loadError(bad)).message).toMatch(/byte-order mark but holds bytes that are not UTF-8/);
      const good = join(d, 'good.yaml');
      await writeFile(good, '\ufeffname: Café\n');
      expect((await loadScenario(good)).name).toBe('Café');
    });
  });
});

describe('line breaks', () => {
  // a scenario saved with old Mac line breaks (CR only) was 'holds no keys (it is empty, or comments only)' when it
  // began with a comment, and 'line 1: not valid YAML: Nested mappings …' otherwise: YAML's parser breaks lines at LF
  it('CR-only and mixed line breaks are read as the same keys as LF', async () => {
    await withTempDir(async (d) => {
      const lines = ['# My plan: shorter horizon', 'name: My plan', 'horizon_years: 5', 'costs:', '  inflation: 0.02'];
      for (const [i, eol] of ['\r', '\r\n', '\n'].entries()) {
        const f = join(d, `cr${i}.yaml`);
        await writeFile(f, lines.join(eol) + eol);
        const s = await loadScenario(f);
        expect(s).toMatchObject({ name: 'My plan', horizon_years: 5, costs: { inflation: 0.02 } });
      }
      const mixed = join(d, 'mixed.yaml');
      await writeFile(mixed, `${lines[0]}\r${lines[1]}\n${lines[2]}\r\n${lines[3]}\r${lines[4]}\n`);
      expect(await loadScenario(mixed)).toMatchObject({ name: 'My plan', horizon_years: 5, costs: { inflation: 0.02 } });
    });
  });
});

describe('an empty scenario', () => {
  it('a file with no keys (empty, blank or comments only) is refused, not run on the defaults under its name', async () => {
    await withTempDir(async (d) => {
      for (const [i, text] of ['', '\n\n', '# to do\n', '---\n'].entries()) {
        const f = join(d, `e${i}.yaml`);
        await writeFile(f, text);
        const e = await loadError(f);
        expect(e.message).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the scenario file holds no keys`));
      }
      // and as the file another extends
      await writeFile(join(d, 'child.yaml'), 'extends: e0.yaml\nid: child\n');
      expect((await loadError(join(d, 'child.yaml'))).message).toMatch(/holds no keys/);
    });
  });
});

describe("YAML the parser's own words did not explain", () => {
  it('deep nesting, two documents, an id with a space and too many aliases are told in words a reader can act on', async () => {
    await withTempDir(async (d) => {
      const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
      const aliases = ['a: &a [x, x, x, x, x, x, x, x, x, x]', `b: [${Array(101).fill('*a').join(', ')}]`].join('\n');
      const cases: Array<[string, RegExp]> = [
        [`id: deep\ncosts: ${deep}`, /:2: not valid YAML: its lists or mappings are nested too deeply/],
        [`id: deep\nx: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`, /nested too deeply/],
        ['id: one\n---\nid: two', /:2: not valid YAML: the file holds more than one YAML document/],
        ['id: "a b"', /scenario id "a b" cannot name its output folder \(only letters, digits/],
        ["id: '<b>'", /cannot name its output folder/],
        [aliases, /more than 100 uses of aliases/],
      ];
      await expectRefused(d, cases);
      for (const [i] of cases.entries()) {
        const e = await loadError(join(d, `s${i}.yaml`));
        expect(e.message).not.toMatch(/call stack|parseAllDocuments|must match pattern|Invalid string|resource exhaustion/i);
      }
    });
  });

  it("a key '__proto__' is refused naming its line, not merged out of sight (its horizon_years was dropped, exit 0)", async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: p\n__proto__:\n  horizon_years: 3', /:2: the key "__proto__" cannot be a scenario key/],
        ['id: p\ncosts:\n  __proto__: {inflation: 5}', /:3: the key "__proto__" cannot be a scenario key/],
      ]);
    });
  });

  it('a key that is a list is refused naming its line, without a warning of Node on stderr', async () => {
    await withTempDir(async (d) => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        await expectRefused(d, [['id: k\n? [a, b]\n: 1', /:2: the key .* cannot be a scenario key/]]);
        await new Promise((r) => setTimeout(r, 10));
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings).toEqual([]);
    });
  });
});

describe('a value of a megabyte', () => {
  it('is quoted by its start and length, not whole', async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [[`id: big\ncosts:\n  inflation: "${'9%'.repeat(250_000)}"`, /found the text "(9%){39}9… \(500,00\d characters without a space\)$/]]);
      expect((await loadError(join(d, 's0.yaml'))).message.length).toBeLessThan(400);
    });
  });
});

describe('names and descriptions of 40,000 characters', () => {
  // were written into workbook cells, which hold at most 32,767 characters: Excel repaired the workbook to open it
  it('are refused naming the key, quoted by their start', async () => {
    await withTempDir(async (d) => {
      const lever = (name: string) => `id: l\nmitigations:\n  - name: ${name}\n    kind: fewer_requests\n    effect: 0.1\n    start_year: 2026\n    ramp_years: 1\n    delivery: 0.8\n    cost_gbp_per_year: 1`;
      await expectRefused(d, [
        [`id: n\nname: ${'N'.repeat(40_000)}`, /at 'name': expected a name of at most 200 characters .*, found the text "N{79}… \(40,002 characters without a space\)/],
        [`id: n\ndescription: ${'D '.repeat(20_000)}`, /at 'description': expected a description of at most 5000 characters/],
        [lever('L'.repeat(201)), /at 'mitigations\[0\]\.name': expected a name of at most 200 characters/],
        [`id: g\ngoal_seek: {lever: ${'L'.repeat(40_000)}, target: t, effect: 0.5, achieved_gbp: 0}`, /at 'goal_seek\.lever': expected a name of at most 200 characters/],
        [`id: g\ngoal_seek: {lever: l, target: t, effect: 0.5, achieved_gbp: 0, from_scenario: ${'p'.repeat(5000)}}`, /at 'goal_seek\.from_scenario': expected a file path of at most 4096 characters/],
      ]);
      await writeFile(join(d, 'ok.yaml'), `${lever('L'.repeat(200))}\n`);
      expect((await loadScenario(join(d, 'ok.yaml'))).mitigations[0]!.name).toHaveLength(200);
    });
  });
});

describe('names and descriptions holding a control character', () => {
  // ran with exit 0: a name "Base\u0007line" went raw into the workbook's chart titles (drawing XML that XML forbids
  // it in: Excel repaired the file, dropping the charts), the report and every CSV
  it('are refused naming the key and the character; a line break or tab is not one', async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: n\nname: "Base\\u0007line"', /at 'name': expected a name without control characters \('\\x07' at character 5 is one: invisible on screen/],
        ['id: n\ndescription: "a\\u001b[2Jb"', /at 'description': expected a description without control characters \('\\x1b' at character 2/],
        ['id: n\nmitigations:\n  - { name: "a\\bb", kind: fewer_requests, effect: 0.1, start_year: 2026 }', /at 'mitigations\[0\]\.name': expected a name without control characters \('\\x08'/],
      ]);
      // a line break, carriage return or tab every output shows (a name written as a folded block ends with one)
      await writeFile(join(d, 'ok.yaml'), 'id: n\nname: >\n  My plan\ndescription: "line one\\nline two\\tand a tab"\n');
      expect(await loadScenario(join(d, 'ok.yaml'))).toMatchObject({ name: 'My plan\n', description: 'line one\nline two\tand a tab' });
    });
  });
});

describe('numbers in hexadecimal or octal', () => {
  // `horizon_years: 0x10` ran 16 years with exit 0 and `costs.inflation: 0o3` at 300% (YAML's core schema reads both),
  // where every table refuses '0x10': a scenario's numbers are written in decimal
  it('are refused at their line, naming the key and what was written', async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: h\nhorizon_years: 0x10', /:2: at 'horizon_years': the number 0x10 is written in hexadecimal \(16\)/],
        ['id: h\ncosts:\n  inflation: 0o3', /:3: at 'costs\.inflation': the number 0o3 is written in octal \(3\)/],
        ['id: h\nmitigations:\n  - { name: m, kind: fewer_requests, effect: 0x1, start_year: 2026 }', /:3: at 'mitigations\[0\]\.effect': the number 0x1 is written in hexadecimal/],
      ]);
      await writeFile(join(d, 'ok.yaml'), 'id: h\nhorizon_years: 010\nname: "0x10"\n');
      expect(await loadScenario(join(d, 'ok.yaml'))).toMatchObject({ horizon_years: 10, name: '0x10' });
    });
  });
});

describe('numbers too large for the key, or for a number', () => {
  // 'horizon_years: 99999999999999999999' said zod's 'expected a value <=9007199254740991' of a key that takes 1 to 30,
  // and 'horizon_years: 1e400' (infinity to YAML) 'expected a number, found number .inf'
  it("give the key's own bound, or say the number is not finite", async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: h\nhorizon_years: 99999999999999999999', /at 'horizon_years': expected a value of at most 30, found number 100000000000000000000$/],
        ['id: h\nhorizon_years: 1e400', /at 'horizon_years': expected a number that is finite, found number \.inf \(infinity\)$/],
        ['id: h\nbase_year: -1e400', /at 'base_year': expected a number that is finite, found number -\.inf \(infinity\)$/],
      ]);
    });
  });
});

describe('a byte-order mark saved twice', () => {
  // made the first line's key '\ufeff# Baseline' ('unknown key'), where the input tables read past both marks
  it('is read past, as one is', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'twice.yaml'), '\ufeff\ufeff# a comment\nid: twice\nhorizon_years: 5\n');
      expect(await loadScenario(join(d, 'twice.yaml'))).toMatchObject({ id: 'twice', horizon_years: 5 });
    });
  });
});

describe('a year with a fraction', () => {
  it("says 'a whole number', not zod's 'int'", async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: y\nbase_year: 2025.5', /at 'base_year': expected a whole number, found number 2025\.5/],
        ['id: y\nhorizon_years: 2.5', /at 'horizon_years': expected a whole number, found number 2\.5/],
      ]);
    });
  });
});

describe('YAML tags other than text, numbers, true/false, lists and mappings', () => {
  // `costs: !!omap [inflation: 0.2]` ran at the default 3% inflation with exit 0 (an ordered map is no mapping to the
  // schema, so its keys were left out), a `!!set` of funding keys was dropped, and `name: !!binary …` or
  // `base_year: !!timestamp 2025-01-01` were called 'a mapping'
  it('are refused at their line, naming the key and the tag', async () => {
    await withTempDir(async (d) => {
      await expectRefused(d, [
        ['id: t\ncosts: !!omap\n  - inflation: 0.2', /:2: at 'costs': the YAML tag '!!omap' makes an ordered map, which a scenario does not read/],
        ['id: t\nfunding: !!set\n  ? growth', /:2: at 'funding': the YAML tag '!!set' makes a set/],
        ['id: t\nname: !!binary aGVsbG8=', /:2: at 'name': the YAML tag '!!binary' makes binary data/],
        ['id: t\nbase_year: !!timestamp 2025-01-01', /:2: at 'base_year': the YAML tag '!!timestamp' makes a date/],
        ['id: t\ncosts:\n  inflation: !custom 0.2', /:3: at 'costs\.inflation': the YAML tag '!custom' is not one a scenario reads/],
        ['id: t\nmitigations:\n  - !lever\n    name: x', /:4: at 'mitigations\[0\]': the YAML tag '!lever' is not one a scenario reads/],
      ]);
    });
  });

  it('the plain tags are read as the values they name', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'ok.yaml'), "id: t\nname: !!str 2025\nhorizon_years: !!int '5'\ncosts: !!map\n  inflation: !!float 0.02\n");
      const s = await loadScenario(join(d, 'ok.yaml'));
      expect([s.name, s.horizon_years, s.costs.inflation]).toEqual(['2025', 5, 0.02]);
    });
  });
});
