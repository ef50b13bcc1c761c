/** Seeded synthetic SEN2 persons for benchmarks (invented identities; not a model of real prevalence). */
import { Rng } from '../../src/util/rng.ts';

/** Uniform numbers in [0, 1) from the tool's one seeded generator (src/util/rng.ts). */
export function rng(seed: number): () => number {
  const g = new Rng(seed);
  return () => g.uniform();
}

const NEEDS = ['ASD', 'SEMH', 'SLCN', 'MLD', 'SLD', 'PMLD', 'SPLD', 'HI', 'VI', 'MSI', 'PD', 'OTH'];
const SETTINGS = ['OLA', 'OPA', 'EHE', 'EYP', 'OTH', 'NEET'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface SynthPerson {
  upn: string;
  birth: [number, number, number];
  sex: string;
  received: [number, number, number];
  start: [number, number, number];
  urn?: string;
  setting?: string;
  needs: string[];
  ceased?: [number, number, number];
}

export function synthPerson(r: () => number, i: number, censusYear: number): SynthPerson {
  const age = Math.floor(r() * 22) + 3;
  const birth: [number, number, number] = [censusYear - 1 - age, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)];
  const startY = Math.max(birth[0] + 2, censusYear - 1 - Math.floor(r() * 6));
  const p: SynthPerson = {
    upn: `Z${String(i).padStart(12, '0')}`,
    birth,
    sex: r() < 0.7 ? 'M' : 'F',
    received: [startY - 1, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)],
    start: [startY, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)],
    needs: r() < 0.4 ? [NEEDS[Math.floor(r() * NEEDS.length)]!, NEEDS[Math.floor(r() * NEEDS.length)]!] : [NEEDS[Math.floor(r() * NEEDS.length)]!],
  };
  if (r() < 0.8) p.urn = String(100000 + Math.floor(r() * 30000));
  else p.setting = SETTINGS[Math.floor(r() * SETTINGS.length)]!;
  if (r() < 0.05) p.ceased = [censusYear - 1, 1 + Math.floor(r() * 10), 1 + Math.floor(r() * 28)];
  // a plan ceases on or after its start (a cease before it is an error of the return)
  if (p.ceased && isoDate(p.ceased) < isoDate(p.start)) p.ceased = [...p.start];
  return p;
}

export function isoDate([y, m, d]: [number, number, number]): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export function bladeDate([y, m, d]: [number, number, number]): string {
  return `${y}-${MON[m - 1]}-${String(d).padStart(2, '0')} 00:00:00`;
}
