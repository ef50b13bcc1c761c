import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlacement } from '../../src/domain/index.ts';
import { academicAge } from '../../src/sample/calendar.ts';
import { generateSample, type Sample } from '../../src/sample/generate.ts';
import { flowsIn, stockAt } from '../../src/sample/summary.ts';

const COMMITTED = join(import.meta.dirname, '../../data-samples');

let sample: Sample;
let files: Map<string, string>;

beforeAll(() => {
  sample = generateSample();
  files = new Map(sample.files);
});

function activeUpns(xml: string): Set<string> {
  const out = new Set<string>();
  for (const person of xml.split('<Person>').slice(1)) {
    if (!person.includes('<ActivePlans>')) continue;
    out.add(/<UPN>([^<]+)<\/UPN>/.exec(person)![1]!);
  }
  return out;
}

describe('sample generation', () => {
  it('is byte-identical when regenerated with the same seed', () => {
    const again = generateSample();
    expect(again.files.map(([n]) => n)).toEqual(sample.files.map(([n]) => n));
    for (const [name, text] of again.files) expect(text === files.get(name), name).toBe(true);
  });

  it('matches the committed data-samples/ byte for byte', () => {
    if (!existsSync(join(COMMITTED, 'README.md'))) return;
    for (const [name, text] of sample.files) {
      const committed = readFileSync(join(COMMITTED, name), 'utf8');
      expect(committed === text, `${name} differs from a fresh \`npm run sample\``).toBe(true);
    }
  });

  it('is at most 25 MB in all', () => {
    const bytes = sample.files.reduce((s, [, t]) => s + Buffer.byteLength(t), 0);
    expect(bytes).toBeLessThanOrEqual(25 * 1024 * 1024);
  });
});

describe('sample shape (calibration.md at LA scale)', () => {
  it('holds 2,500–3,500 plans in January 2025 and about 1,000–1,300 in 2015', () => {
    expect(stockAt(sample.simulation, 2025).length).toBeGreaterThanOrEqual(2500);
    expect(stockAt(sample.simulation, 2025).length).toBeLessThanOrEqual(3500);
    expect(stockAt(sample.simulation, 2015).length).toBeGreaterThanOrEqual(950);
    expect(stockAt(sample.simulation, 2015).length).toBeLessThanOrEqual(1350);
  });

  it('grows 7–13% a year on average, every year after 2015', () => {
    const s = (y: number): number => stockAt(sample.simulation, y).length;
    const growth = (s(2025) / s(2015)) ** (1 / 10) - 1;
    expect(growth).toBeGreaterThan(0.07);
    expect(growth).toBeLessThan(0.13);
    for (let y = 2016; y <= 2025; y++) expect(s(y)).toBeGreaterThan(s(y - 1));
  });

  it('peaks at ages 11–14 in January 2025', () => {
    const byAge = new Array<number>(26).fill(0);
    for (const r of stockAt(sample.simulation, 2025)) byAge[r.age]!++;
    const peak = byAge.indexOf(Math.max(...byAge));
    expect(peak).toBeGreaterThanOrEqual(11);
    expect(peak).toBeLessThanOrEqual(14);
    expect(byAge[25]!).toBeLessThan(byAge[20]! / 4);
  });

  it('concentrates ceasing (other than transfers) after 16', () => {
    let total = 0;
    let after16 = 0;
    for (const p of sample.simulation.persons) {
      const plan = p.plan;
      if (plan?.end === undefined || plan.reason === 5 || plan.end < Date.UTC(2019, 0, 1) / 86_400_000) continue;
      total++;
      if (academicAge(p.birth, plan.end) >= 16) after16++;
    }
    expect(total).toBeGreaterThan(300);
    expect(after16 / total).toBeGreaterThan(0.8);
  });

  it('shows the 2020 dip in requests and the rebound, ~65% assessed, ~94% of assessments to a plan, ~50% in 20 weeks', () => {
    const f = (y: number) => flowsIn(sample.simulation, y);
    expect(f(2020).requests).toBeLessThan(f(2019).requests);
    expect(f(2021).requests).toBeGreaterThan(f(2020).requests * 1.1);
    const assessed = sample.simulation.persons.filter((p) => p.plan?.transferFrom === undefined && new Date(p.request.received * 86_400_000).getUTCFullYear() === 2023);
    const toAssess = assessed.filter((p) => p.request.outcome === 'A');
    const issued = toAssess.filter((p) => p.request.assessment?.outcome === 'Y');
    expect(toAssess.length / assessed.length).toBeGreaterThan(0.6);
    expect(toAssess.length / assessed.length).toBeLessThan(0.75);
    expect(issued.length / toAssess.length).toBeGreaterThan(0.9);
    for (const y of [2022, 2023, 2024]) {
      const share = f(y).within20Weeks / f(y).newPlans;
      expect(share).toBeGreaterThan(0.35);
      expect(share).toBeLessThan(0.65);
    }
  });
});

describe('files agree with each other', () => {
  it('links persons across the SEN2 returns by UPN, and each return counts the census stock', () => {
    const [a23, a24, a25] = ['sen2_2023.xml', 'sen2_2024.xml', 'sen2_2025.xml'].map((n) => activeUpns(files.get(n)!));
    expect(a25!.size).toBe(stockAt(sample.simulation, 2025).length);
    expect(a23!.size).toBe(stockAt(sample.simulation, 2023).length);
    const kept = [...a24!].filter((u) => a25!.has(u)).length;
    expect(kept / a24!.size).toBeGreaterThan(0.85);
    expect([...a23!].filter((u) => a24!.has(u) && a25!.has(u)).length).toBeGreaterThan(1500);
  });

  it('uses fake, well-formed identities only', () => {
    const xml = files.get('sen2_2025.xml')!;
    for (const m of xml.matchAll(/<UPN>([^<]*)<\/UPN>/g)) expect(m[1]).toMatch(/^A999\d{9}$/);
    for (const m of xml.matchAll(/<PostCode>([^<]*)<\/PostCode>/g)) expect(m[1]).toMatch(/^ZZ99 \dZZ$/);
  });

  it('names only establishments in establishments.csv, each with a known placement', () => {
    const rows = files.get('establishments.csv')!.trim().split('\n').slice(1).map((l) => l.split(','));
    const ids = new Set(rows.map((r) => r[0]));
    for (const r of rows) expect(isPlacement(r[r.length - 1])).toBe(true);
    for (const name of ['sen2_2023.xml', 'sen2_2024.xml', 'sen2_2025.xml']) {
      for (const m of files.get(name)!.matchAll(/<(?:URN|UKPRN)>([^<]*)</g)) expect(ids.has(m[1]!), m[1]).toBe(true);
    }
  });

  it('gives the same EES totals by age band and by establishment, equal to the simulated stock', () => {
    const total = (csv: string, col: number): Map<string, string> => {
      const out = new Map<string, string>();
      for (const line of csv.trim().split('\n').slice(1)) {
        const f = line.split(',');
        if (f[10] === 'Total' && (col === 10 || f[11] === 'Total')) out.set(f[0]!, f[f.length - 2]!);
      }
      return out;
    };
    const byAge = total(files.get('sen2_age_caseload.csv')!, 10);
    const byEstab = total(files.get('sen2_estab_caseload.csv')!, 11);
    for (let y = 2015; y <= 2022; y++) {
      expect(byAge.get(String(y))).toBe(String(stockAt(sample.simulation, y).length));
      expect(byEstab.get(String(y))).toBe(byAge.get(String(y)));
    }
  });
});
