/**
 * The explorer page's layout: headline, levers column with its toolbar, and the results column (status, changes,
 * the refusal note, charts, kept variants, tables), built once; app.ts fills it on every move.
 */
import { h } from './dom.ts';

/** What the toolbar's buttons do (app.ts). */
export interface LayoutActions {
  undo: () => void;
  reset: () => void;
  keep: () => void;
  yaml: () => void;
  csv: () => void;
}

/** The elements app.ts fills and updates. */
export type PageLayout = ReturnType<typeof pageLayout>;

/** Builds the page in `root` and gives its elements; without `money` (a `run --demand-only` page) no money chart is shown. */
export function pageLayout(root: HTMLElement, on: LayoutActions, money = true) {
  const c = (id: string, label: string) => h('canvas', { id, role: 'img', 'aria-label': label });
  const canvases = {
    plans: c('chart-plans', 'Total EHC plans'),
    groups: c('chart-groups', 'EHC plans by placement group'),
    spend: c('chart-spend', 'Expenditure by line and income'),
    balance: c('chart-balance', 'In-year and cumulative DSG balance'),
  };
  const fig = (title: string, canvas: HTMLCanvasElement) => h('figure', {}, h('figcaption', {}, title), h('div', { class: 'chart' }, canvas));
  const btn = (label: string, onclick: () => void, cls?: string) => h('button', { type: 'button', class: cls, onclick }, label);
  const undo = btn('Undo', on.undo);
  undo.disabled = true;
  const keep = btn('Keep this variant', on.keep, 'primary');
  // refused (disabled, the reason on the page) for a variant whose figures cannot be believed
  const yaml = btn('Download scenario (YAML)', on.yaml);
  const csv = btn('Download tables (CSV)', on.csv);
  const controls = h('div', { id: 'levers' });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Monte Carlo draws done' });
  const rangeText = h('span', { id: 'range-status', role: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const sr = h('p', { class: 'sr', 'aria-live': 'polite', id: 'headline-text' });
  const cards = h('div', { class: 'cards', id: 'headline' });
  const changes = h('div', { id: 'changes' });
  const variants = h('section', { id: 'variants', 'aria-labelledby': 'variants-h' });
  const tables = h('section', { id: 'tables', 'aria-labelledby': 'tables-h' });
  const note = h('p', { class: 'note' });
  const refused = h('div', { id: 'refused', class: 'refused', hidden: true });
  root.replaceChildren(
    h('section', { id: 'results-headline', 'aria-label': 'Headline' }, cards, sr),
    h(
      'div',
      { class: 'layout' },
      h(
        'aside',
        { id: 'controls', 'aria-label': 'Levers' },
        h('h2', {}, 'Levers'),
        h(
          'div',
          { class: 'toolbar' },
          undo,
          btn('Reset to scenario', on.reset),
          keep,
          yaml,
          csv,
          btn('Print', () => window.print()),
        ),
        error,
        controls,
      ),
      h(
        'div',
        { id: 'results' },
        h('div', { class: 'status' }, progress, rangeText),
        changes,
        refused,
        h('div', { class: 'charts', id: 'charts' }, fig('EHC plans', canvases.plans), fig('Plans by placement group', canvases.groups), ...(money ? [fig('Expenditure and income', canvases.spend), fig('DSG balance', canvases.balance)] : [])),
        variants,
        tables,
        note,
      ),
    ),
  );
  root.setAttribute('aria-busy', 'false');
  return { canvases, controls, progress, rangeText, error, sr, cards, changes, variants, tables, undo, keep, note, refused, yaml, csv, charts: root.querySelector<HTMLElement>('#charts')! };
}
