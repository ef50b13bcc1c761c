/**
 * The lever controls: one slider and one typed value per lever, grouped as the scenario is (new plans, each surge,
 * each recovery-plan lever, places, prices and funding). Typed values are in the units people read (3 for 3%);
 * the sliders and the API use the scenario's own units (0.03).
 */
import { fmtMoney } from '../../report/format.ts';
import type { Lever } from '../levers.ts';
import { h } from './dom.ts';

const PCT = new Set(['percent', 'share']);

/** The value as typed and shown (percent for rates, to two decimals: 8.26 for an estimated 0.082608). */
export function toDisplay(l: Pick<Lever, 'unit'>, v: number): number {
  return PCT.has(l.unit) ? Number((v * 100).toFixed(2)) : v;
}

export function fromDisplay(l: Pick<Lever, 'unit'>, d: number): number {
  return PCT.has(l.unit) ? Number((d / 100).toFixed(8)) : d;
}

/** A lever value in words. */
export function describeValue(l: Pick<Lever, 'unit'>, v: number): string {
  switch (l.unit) {
    case 'percent':
    case 'share':
      return `${toDisplay(l, v)}%`;
    case 'gbp':
      return fmtMoney(v);
    case 'year':
      return String(v);
    case 'years':
      return `${v} year${v === 1 ? '' : 's'}`;
    case 'places':
      return `${v} places`;
  }
}

const UNIT_TEXT: Record<Lever['unit'], string> = { percent: '%', share: '%', year: '', years: 'years', gbp: '£', places: 'places' };

export interface ControlsHandlers {
  /** A value moved; `commit` is true when the move is finished (slider released, value typed). */
  onChange(path: string, value: number, commit: boolean): void;
}

interface Row {
  lever: Lever;
  wrap: HTMLElement;
  slider: HTMLInputElement;
  typed: HTMLInputElement;
  was: HTMLElement;
}

export class Controls {
  private rows = new Map<string, Row>();

  constructor(host: HTMLElement, levers: Lever[], private readonly loaded: Map<string, number>, private readonly handlers: ControlsHandlers, notes: Record<string, string> = {}) {
    const groups = new Map<string, Lever[]>();
    for (const l of levers) groups.set(l.group, [...(groups.get(l.group) ?? []), l]);
    let gi = 0;
    for (const [group, ls] of groups) {
      const body = h('div');
      if (notes[group]) body.append(h('p', { class: 'group-note' }, notes[group]));
      const det = h('details', { open: gi++ < 3 || undefined }, h('summary', {}, group), body);
      for (const l of ls) body.append(this.row(l));
      host.append(det);
    }
  }

  private row(l: Lever): HTMLElement {
    const id = `lever-${l.path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const slider = h('input', { type: 'range', id, min: l.min, max: l.max, step: l.step, value: l.value, 'aria-valuetext': describeValue(l, l.value) });
    const typed = h('input', {
      type: 'number',
      id: `${id}-typed`,
      step: toDisplay(l, l.step),
      value: toDisplay(l, l.value),
      'aria-label': `${l.label} (${UNIT_TEXT[l.unit] || 'year'})`,
      inputmode: 'decimal',
    });
    const was = h('span', { class: 'was' });
    const wrap = h(
      'div',
      { class: 'lever', 'data-path': l.path },
      h('label', { for: id }, l.label),
      h('div', { class: 'row' }, slider, typed, h('span', { class: 'unit', 'aria-hidden': 'true' }, UNIT_TEXT[l.unit])),
      was,
    );
    slider.addEventListener('input', () => this.handlers.onChange(l.path, Number(slider.value), false));
    slider.addEventListener('change', () => this.handlers.onChange(l.path, Number(slider.value), true));
    typed.addEventListener('change', () => {
      if (typed.value.trim() === '' || !Number.isFinite(Number(typed.value))) {
        typed.value = String(toDisplay(l, Number(slider.value)));
        return;
      }
      this.handlers.onChange(l.path, fromDisplay(l, Number(typed.value)), true);
    });
    this.rows.set(l.path, { lever: l, wrap, slider, typed, was });
    this.mark(l.path, l.value);
    return wrap;
  }

  private mark(path: string, v: number): void {
    const r = this.rows.get(path)!;
    const orig = this.loaded.get(path);
    const changed = orig !== undefined && Math.abs(orig - v) > 1e-12;
    r.wrap.classList.toggle('changed', changed);
    const was = changed ? `As loaded: ${describeValue(r.lever, orig!)}` : '';
    if (r.was.textContent !== was) r.was.textContent = was;
  }

  /** Shows current values (after undo, reset or a change made elsewhere); leaves a field being typed in alone. */
  show(values: Map<string, number>): void {
    for (const [path, r] of this.rows) {
      const v = values.get(path);
      if (v === undefined) continue;
      if (v < Number(r.slider.min)) r.slider.min = String(v);
      if (v > Number(r.slider.max)) r.slider.max = String(v);
      if (Number(r.slider.value) !== v) r.slider.value = String(v);
      const text = describeValue(r.lever, v);
      if (r.slider.getAttribute('aria-valuetext') !== text) r.slider.setAttribute('aria-valuetext', text);
      const typed = String(toDisplay(r.lever, v));
      if (document.activeElement !== r.typed && r.typed.value !== typed) r.typed.value = typed;
      this.mark(path, v);
    }
  }
}
