/**
 * The explorer page's controller: holds the loaded scenario, the current variant, the undo history and up to three
 * kept variants; recomputes the deterministic result at once on every lever move (compute.ts), asks the Web Worker
 * for the Monte Carlo range when a move is finished, and draws headline, charts and tables.
 */
import { STATUTORY_OVERRIDE_END_FY, financialYearLabel } from '../../domain/index.ts';
import { fmtCount } from '../../report/format.ts';
import { seriesColour } from '../../report/palette.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { computeVariant, figuresProblem, outcomeFigures, type ExplorerResult, type VariantOutcome, type VariantProblem } from '../compute.ts';
import { downloadRefused, reproduceWith, sourcesNote, variantRefused, yamlMarkedUnbelievable } from '../../messages/explorer.ts';
import { describeValue, getAt, leverNotes, leverProblem, leversOf, setAt, type Lever, type LeverContext } from '../levers.ts';
import type { ExplorerPayload } from '../payload.ts';
import { scenarioYaml, variantId } from '../scenario-yaml.ts';
import { expenditureStacks, groupsDrawn, headlineOf, headlineSentence, variantCsv } from '../view-model.ts';
import { headlineCards } from './cards.ts';
import { Charts, type ChartsModel } from './charts.ts';
import { Controls } from './controls.ts';
import { download, h, morph, toNode, v } from './dom.ts';
import { pageLayout, type PageLayout } from './layout.ts';
import type { RangeSummary } from './protocol.ts';
import { RangeRunner } from './range.ts';
import { compareTable, moneyTable, plansTable } from './tables.ts';

const MAX_KEPT = 3;
const KEPT_COLOURS = [seriesColour(1), seriesColour(2), seriesColour(3)];

/** The first of `run`'s sanity gates a variant's central figures fail (compute.ts figuresProblem). */
function problemOf(o: VariantOutcome): { p: VariantProblem; inRange: boolean } | undefined {
  const p = figuresProblem(outcomeFigures(o));
  return p && { p, inRange: false };
}

/** A lever named as the page's "changes" name it: its group and its label. */
const leverName = (l: Lever): string => `${l.group} — ${l.label}`;

interface Kept {
  name: string;
  scenario: Scenario;
  outcome: VariantOutcome;
  colour: string;
}

export class App {
  readonly loaded: Scenario;
  private current: Scenario;
  private outcome: VariantOutcome;
  private readonly loadedOutcome: VariantOutcome;
  private undoStack: Scenario[] = [];
  private kept: Kept[] = [];
  private range?: RangeSummary;
  /**
   * Why the current variant's figures cannot be believed (the first of `run`'s sanity gates they fail, on the central
   * path or, once drawn, the range): the page then shows no number, chart or download for it.
   */
  private problem?: { p: VariantProblem; inRange: boolean };
  /** The lever the last typed value or slider move set (the refusal names it); undefined after undo, reset or a kept variant. */
  private moved?: string;
  private readonly ctx: LeverContext;
  private readonly baseLevers: Lever[];
  private readonly ui: PageLayout;
  private readonly charts: Charts;
  private readonly controls: Controls;
  private readonly runner: RangeRunner;
  private lastCommitted: Scenario;
  /** Milliseconds of the last deterministic recompute and draw. */
  lastRecomputeMs = 0;
  /** The last Monte Carlo range computed (draws and milliseconds), for benchmarks. */
  lastRange?: { draws: number; ms: number };

  constructor(readonly payload: ExplorerPayload, root: HTMLElement) {
    this.loaded = payload.scenario;
    this.current = this.loaded;
    this.lastCommitted = this.loaded;
    const lastFunding = payload.tables.funding.reduce<number | undefined>((m, r) => (m === undefined || r.fy > m ? r.fy : m), undefined);
    this.ctx = { trend: payload.input.rates.trend, baseYear: payload.input.baseYear, horizon: payload.input.horizon, lastFundingFy: lastFunding, fundingFys: payload.tables.funding.map((r) => r.fy), demandOnly: payload.demandOnly };
    this.baseLevers = leversOf(this.loaded, this.ctx);
    this.outcome = computeVariant(payload, this.current);
    this.loadedOutcome = this.outcome;
    this.problem = problemOf(this.outcome);
    const file = variantId(this.loaded.id, 'explorer');
    this.ui = pageLayout(root, {
      undo: () => this.undo(),
      reset: () => this.reset(),
      keep: () => this.keep(),
      yaml: () => this.offer('scenario', `${file}.yaml`, () => this.scenarioYaml(), 'application/yaml'),
      csv: () => this.offer('tables', `${file}.csv`, () => this.csv(), 'text/csv'),
    }, !payload.demandOnly);
    this.charts = new Charts(this.ui.canvases, this.payload.suppression?.threshold);
    this.controls = new Controls(this.ui.controls, this.baseLevers, new Map(this.baseLevers.map((l) => [l.path, l.value])), {
      onChange: (path, value, commit) => {
        const err = this.trySet(path, value, commit);
        if (err) this.controls.refuse(path, err);
      },
    }, this.groupNotes());
    this.runner = new RangeRunner(payload, {
      progress: (done, total) => {
        this.ui.progress.max = total;
        this.ui.progress.value = done;
        this.ui.rangeText.textContent = `Computing the range: ${fmtCount(done)} of ${fmtCount(total)} draws…`;
      },
      done: (r) => {
        const o = this.outcome;
        const p = figuresProblem({ years: o.projection.years, plans: r.plans, population: o.population, uncosted: r.uncosted, financialYears: o.budget.financialYears, expenditure: r.expenditure, inYear: r.inYear, cumulative: r.cumulative, opening: r.opening });
        this.ui.progress.hidden = true;
        if (p) {
          // as `run --draws N` would stop: the central path alone is not shown either
          this.problem = { p, inRange: true };
          this.ui.rangeText.textContent = '';
          this.draw();
          this.announce();
          return;
        }
        this.range = r;
        this.lastRange = { draws: r.draws, ms: r.ms };
        this.ui.progress.hidden = true;
        this.ui.rangeText.textContent = `Range (P10 to P90) from ${fmtCount(r.draws)} Monte Carlo draws, seed ${r.seed}, in ${(r.ms / 1000).toFixed(1)} s.`;
        this.draw();
      },
      failed: (m) => {
        this.ui.progress.hidden = true;
        this.ui.rangeText.textContent = `The range could not be computed: ${m}. The central path is shown.`;
      },
    });
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !(e.target instanceof HTMLInputElement && e.target.type === 'number')) {
        e.preventDefault();
        this.undo();
      }
    });
    window.addEventListener('beforeprint', () => this.charts.resize());
    this.draw();
    this.announce();
    this.startRange();
  }

  private groupNotes(): Record<string, string> {
    const notes = leverNotes(this.loaded, this.ctx);
    if (!this.payload.input.rates.trend.path) return notes;
    return {
      ...notes,
      'New plans':
        'This run follows the calibrated forecast of total plans. The first three levers describe the trend of new plans behind it: growth in the first projected year, the long-run rate and how fast growth settles towards it (at 0 it does not settle, and the long-run rate has no effect). Moving one changes the forecast’s growth in each year by the change it makes to that trend (as setting it in a scenario file does); the other levers act on the forecast.',
    };
  }

  /** The levers with their current values (in the scenario's units). */
  levers(): Lever[] {
    return this.baseLevers.map((l) => {
      const v = getAt(this.current, l.path);
      const value = typeof v === 'number' ? v : l.value;
      return { ...l, value, min: Math.min(l.min, value), max: Math.max(l.max, value) };
    });
  }

  /** The current result; throws, saying why, for a variant whose figures cannot be believed (none is shown). */
  result(): ExplorerResult {
    const refusal = this.refusal();
    if (refusal) throw new Error(`${refusal.title}: ${refusal.text}`);
    return this.outcome.result;
  }

  /** Sets a lever; returns a problem in words when the value cannot be taken. */
  trySet(path: string, value: number, commit = true): string | undefined {
    const l = this.baseLevers.find((x) => x.path === path);
    if (!l) return `No lever ${path}. Levers: ${this.baseLevers.map((x) => x.path).join(', ')}`;
    const problem = leverProblem(l, value);
    if (problem) return problem;
    this.ui.error.textContent = '';
    this.moved = path;
    this.apply(setAt(this.current, path, value), commit);
    return undefined;
  }

  private apply(s: Scenario, commit: boolean): void {
    const t0 = performance.now();
    this.current = s;
    this.outcome = computeVariant(this.payload, s);
    this.problem = problemOf(this.outcome);
    this.range = undefined;
    this.runner.cancel();
    this.draw();
    this.controls.show(new Map(this.levers().map((l) => [l.path, l.value])));
    this.lastRecomputeMs = performance.now() - t0;
    if (commit) {
      if (this.lastCommitted !== s) this.undoStack.push(this.lastCommitted);
      this.lastCommitted = s;
      this.announce();
      this.startRange();
    }
    this.ui.undo.disabled = this.undoStack.length === 0;
  }

  undo(): void {
    const prev = this.undoStack.pop();
    if (!prev) return;
    this.moved = undefined;
    this.lastCommitted = prev;
    this.apply(prev, false);
    this.announce();
    this.startRange();
  }

  reset(): void {
    if (this.current === this.loaded) return;
    this.moved = undefined;
    this.apply(this.loaded, true);
  }

  scenarioYaml(): string {
    const id = variantId(this.loaded.id, 'explorer');
    const changes = this.changes(this.current);
    const refusal = this.refusal();
    return scenarioYaml(this.current, {
      id,
      name: `${this.loaded.name} (explorer variant)`,
      baseYear: this.payload.input.baseYear,
      header: [
        `Scenario written by the ${this.payload.tool} scenario explorer (${this.payload.tool} ${this.payload.version}) for ${this.payload.la.name}.`,
        `Starting point: ${this.loaded.name} (${this.loaded.file}), run on ${this.payload.runDate.slice(0, 10)}.`,
        changes.length ? 'Changed in the explorer:' : 'No lever changed in the explorer.',
        ...changes.map((c) => `  - ${c}`),
        ...(refusal ? yamlMarkedUnbelievable(refusal.text) : [reproduceWith(id, this.payload.la.oldCode, this.payload.demandOnly === true)]),
      ],
    });
  }

  private changes(s: Scenario): string[] {
    return this.changeList(s).map((c) => c.text);
  }

  /** The levers a scenario sets apart from the scenario as loaded, each with its path and in words. */
  private changeList(s: Scenario): Array<{ path: string; text: string }> {
    return this.baseLevers.flatMap((l) => {
      const v = getAt(s, l.path);
      return typeof v === 'number' && Math.abs(v - l.value) > 1e-12 ? [{ path: l.path, text: `${leverName(l)}: ${describeValue(l, l.value)} → ${describeValue(l, v)}` }] : [];
    });
  }

  /**
   * What the page says instead of the figures of a variant they cannot be believed for (undefined when they can): the
   * lever just moved, when it is one of the changes, and its value; the other changes; what fails.
   */
  private refusal(): ReturnType<typeof variantRefused> | undefined {
    if (!this.problem) return undefined;
    const changes = this.changeList(this.current);
    const l = changes.some((c) => c.path === this.moved) ? this.baseLevers.find((x) => x.path === this.moved) : undefined;
    const value = l && getAt(this.current, l.path);
    const lever = l && typeof value === 'number' ? { label: leverName(l), value: describeValue(l, value), loaded: describeValue(l, l.value) } : undefined;
    const others = changes.filter((c) => c.path !== (lever ? l!.path : undefined)).map((c) => c.text);
    return variantRefused(lever, others, this.problem.p, this.problem.inRange);
  }

  private startRange(): void {
    if (this.problem) {
      this.runner.cancel();
      this.ui.progress.hidden = true;
      this.ui.rangeText.textContent = '';
      return;
    }
    this.ui.progress.hidden = false;
    this.ui.progress.value = 0;
    this.ui.rangeText.textContent = 'Computing the range…';
    this.runner.start(this.current);
  }

  private keep(): void {
    if (this.kept.length >= MAX_KEPT || this.problem) return;
    const used = new Set(this.kept.map((k) => k.colour));
    const letter = 'ABCDEFG'.split('').find((c) => !this.kept.some((k) => k.name === `Variant ${c}`))!;
    this.kept.push({ name: `Variant ${letter}`, scenario: this.current, outcome: this.outcome, colour: KEPT_COLOURS.find((c) => !used.has(c))! });
    this.draw();
  }

  private announce(): void {
    const refusal = this.refusal();
    this.ui.sr.textContent = refusal ? `${refusal.title}. ${refusal.text} ${refusal.fix}` : headlineSentence(headlineOf(this.outcome), this.payload.suppression?.threshold);
  }

  /** Downloads a file of the current variant, or says why not (the buttons are disabled then; this guards the rest). */
  private offer(what: 'tables' | 'scenario', name: string, text: () => string, type: string): void {
    if (this.problem) {
      this.ui.error.textContent = downloadRefused(what);
      return;
    }
    download(name, text(), type);
  }

  private csv(): string {
    const r = this.range;
    return variantCsv(
      this.outcome,
      { la: this.payload.la.name, scenario: this.loaded.name, variant: this.changes(this.current).join('; ') || 'as loaded', tool: `${this.payload.tool} ${this.payload.version}`, runDate: this.payload.runDate, suppressBelow: this.payload.suppression?.threshold },
      r,
    );
  }

  private draw(): void {
    const refusal = this.refusal();
    this.ui.refused.hidden = !refusal;
    this.ui.charts.hidden = !!refusal;
    this.ui.yaml.disabled = this.ui.csv.disabled = !!refusal;
    if (refusal) {
      // no number of the variant anywhere: the cards, charts, tables and the variant's column give way to the reason
      morph(this.ui.refused, [v('h2', {}, refusal.title), v('p', {}, refusal.text), v('p', {}, v('strong', {}, refusal.fix))]);
      morph(this.ui.cards, [v('div', { class: 'card bad wide' }, v('span', { class: 'l' }, 'This variant'), v('span', { class: 'v' }, refusal.title), v('span', { class: 'd' }, 'Why, and what to do: see the note below.'))]);
      morph(this.ui.changes, [this.changesNote()]);
      this.drawVariants();
      morph(this.ui.tables, [v('h2', { id: 'tables-h' }, 'The numbers'), v('p', { class: 'note' }, 'None for this variant: its figures cannot be believed (see above).')]);
      this.ui.keep.disabled = true;
      return;
    }
    const o = this.outcome;
    const r = this.range;
    morph(this.ui.cards, headlineCards(o, this.loadedOutcome, r, this.payload.suppression?.threshold, this.payload.suppression?.differs === true));

    morph(this.ui.changes, [this.changesNote()]);
    this.charts.update(this.chartsModel());
    this.drawVariants();
    morph(this.ui.tables, [v('h2', { id: 'tables-h' }, 'The numbers'), moneyTable(o, r), plansTable(o, r, this.payload.suppression?.threshold)]);
    const s = this.payload.suppression;
    const note =
      `Central path: the projection engine and budget model of ${this.payload.tool} ${this.payload.version}, run in this page on the rates estimated from the data on ${this.payload.runDate.slice(0, 10)}; ` +
      (s ? `small counts are protected (see the note above the charts).` : `with no lever moved it equals the run's deterministic result (--draws 0).`) +
      ` The range comes from Monte Carlo draws with the run's seed. ${sourcesNote(this.payload.sources ?? [])}`.trimEnd();
    if (this.ui.note.textContent !== note) this.ui.note.textContent = note;
  }

  /** What the variant changes and, with small counts suppressed, how far that puts the page from the run (above the charts). */
  private changesNote() {
    const ch = this.changes(this.current);
    const s = this.payload.suppression;
    return v(
      'div',
      {},
      ch.length ? v('p', { class: 'note' }, v('strong', {}, 'This variant changes: '), ch.join('; '), '.') : v('p', { class: 'note' }, 'Showing the scenario as loaded. Move a lever to explore.'),
      ...(s ? [v('p', { class: 'warn', id: 'suppression-note' }, s.note)] : []),
    );
  }

  private drawVariants(): void {
    const kept = this.kept.map((k) => ({ name: k.name, outcome: k.outcome, changes: this.changes(k.scenario) }));
    // a variant whose figures cannot be believed has no column
    const items = this.problem ? kept : [{ name: 'Current view', outcome: this.outcome, changes: this.changes(this.current) }, ...kept];
    const chips = this.kept.map((k, i) =>
      h(
        'span',
        { class: 'chip' },
        h('span', { class: 'swatch', style: `background:${k.colour}`, 'aria-hidden': 'true' }),
        k.name,
        h('button', { type: 'button', onclick: () => { this.moved = undefined; this.apply(k.scenario, true); }, 'aria-label': `Show ${k.name} in the levers` }, 'Show'),
        h('button', { type: 'button', onclick: () => { this.kept.splice(i, 1); this.draw(); }, 'aria-label': `Remove ${k.name}` }, 'Remove'),
      ),
    );
    this.ui.keep.disabled = this.kept.length >= MAX_KEPT || !!this.problem;
    const heading = v('h2', { id: 'variants-h' }, 'Variants side by side');
    // the chips' buttons carry listeners, which morph would not move over: with chips, the section is new
    if (this.kept.length) this.ui.variants.replaceChildren(toNode(heading), h('div', { class: 'variants' }, ...chips), toNode(compareTable(items, this.payload.suppression?.threshold)));
    else morph(this.ui.variants, [heading, v('p', { class: 'note' }, `Keep up to ${MAX_KEPT} variants to compare them here and on the charts.`), ...(items.length ? [compareTable(items, this.payload.suppression?.threshold)] : [])]);
  }

  private chartsModel(): ChartsModel {
    const o = this.outcome;
    const p = o.projection;
    const hist = this.payload.history;
    const nh = hist.length;
    const years = [...hist.map((x) => x.year), ...p.years];
    const pad = <T>(v: T[]): Array<T | null> => [...Array<null>(nh).fill(null), ...v];
    const r = this.range;
    const marchIdx = o.budget.lines.findIndex((l) => l.fy === STATUTORY_OVERRIDE_END_FY);
    return {
      years,
      history: [...hist.map((x) => x.plans), o.result.ehcp_total[String(p.baseYear)]?.p50 ?? p.totalQuantiles[0]!.p50, ...Array<null>(p.years.length - 1).fill(null)],
      central: pad(p.totalQuantiles.map((q) => q.p50)),
      band: r ? { p10: pad(r.plans.map((q) => q.p10)), p90: pad(r.plans.map((q) => q.p90)) } : undefined,
      plansVariants: this.kept.map((k) => ({ label: k.name, colour: k.colour, values: k.outcome.projection.totalQuantiles.map((q) => q.p50) })),
      baseYear: p.baseYear,
      projYears: p.years,
      groups: groupsDrawn(o, this.payload.suppression?.threshold),
      fyLabels: o.budget.lines.map((l) => financialYearLabel(l.fy)),
      stacks: expenditureStacks(o),
      income: o.budget.lines.map((l) => l.income),
      inYear: o.budget.lines.map((l) => l.inYearBalance),
      cumulative: o.budget.lines.map((l) => l.cumulativeBalance),
      cumBand: r ? { p10: r.cumulative.map((q) => q.p10), p90: r.cumulative.map((q) => q.p90) } : undefined,
      cumVariants: this.kept.map((k) => ({ label: k.name, colour: k.colour, values: k.outcome.budget.lines.map((l) => l.cumulativeBalance) })),
      marchLabel: marchIdx >= 0 ? financialYearLabel(STATUTORY_OVERRIDE_END_FY) : undefined,
    };
  }
}
