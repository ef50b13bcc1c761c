/**
 * The architecture's import rules (docs/architecture.md): no module of src/ imports itself back through others (the
 * engine, the levers and the Monte Carlo share contract modules instead), and the model never reads files.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(f) ? [resolve(p)] : [];
  });
}

/** Each source file's relative imports and re-exports (type-only ones too: a cycle of shapes is still a cycle). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((f) => {
      const text = readFileSync(f, 'utf8');
      const deps = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => resolve(dirname(f), m[1]!));
      return [f, deps.filter((d) => known.has(d))];
    }),
  );
}

/** Strongly connected components with more than one file (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.map((f) => relative('src', f)).sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('imports', () => {
  const files = sources('src');
  const graph = importGraph(files);

  it('have no cycle anywhere in src/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const a = resolve('src/a.ts');
    const b = resolve('src/b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('keep the model free of I/O: nothing in src/model imports the ETL, node:fs or DuckDB', () => {
    const offenders = files
      .filter((f) => relative('src', f).startsWith('model/'))
      .filter((f) => /from '(?:node:fs|node:fs\/promises|@duckdb\/node-api|(?:\.\.\/)+etl\/[^']*)'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative('src', f));
    expect(offenders).toEqual([]);
  });
});
