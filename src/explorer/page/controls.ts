/**
 * The lever controls: one slider and one typed value per lever, grouped as the scenario is (new plans, each surge,
 * each recovery-plan lever, places, prices and funding). Typed values are in the units people read (3 for 3%);
 * the sliders and the API use the scenario's own units (0.03).
 */
import { describeValue, fromDisplay, toDisplay, type Lever } from '../levers.ts';
import { h } from './dom.ts';

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
  /** Why the value last typed was not taken (empty when it was). */
  problem: HTMLElement;
}

export class Controls {
  private rows = new Map<string, Row>();
  /** Each lever's value as last shown (a range input snaps its own value to the slider's step). */
  private values = new Map<string, number>();

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
      'aria-describedby': `${id}-problem`,
      inputmode: 'decimal',
    });
    const was = h('span', { class: 'was' });
    const problem = h('p', { class: 'problem', id: `${id}-problem`, role: 'alert' });
    const wrap = h(
      'div',
      { class: 'lever', 'data-path': l.path },
      h('label', { for: id }, l.label),
      h('div', { class: 'row' }, slider, typed, h('span', { class: 'unit', 'aria-hidden': 'true' }, UNIT_TEXT[l.unit])),
      was,
      problem,
    );
    const move = (value: number, commit: boolean) => {
      problem.textContent = '';
      this.handlers.onChange(l.path, value, commit);
    };
    slider.addEventListener('input', () => move(Number(slider.value), false));
    slider.addEventListener('change', () => move(Number(slider.value), true));
    typed.addEventListener('change', () => {
      if (typed.value.trim() === '' || !Number.isFinite(Number(typed.value))) {
        typed.value = String(toDisplay(l, this.values.get(l.path) ?? Number(slider.value)));
        return;
      }
      move(fromDisplay(l, Number(typed.value)), true);
    });
    this.rows.set(l.path, { lever: l, wrap, slider, typed, was, problem });
    this.values.set(l.path, l.value);
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

  /**
   * A value was not taken: says why under the lever and puts its typed box back to the lever's value (the slider
   * never left it).
   */
  refuse(path: string, message: string): void {
    const r = this.rows.get(path);
    if (!r) return;
    r.problem.textContent = message;
    r.typed.value = String(toDisplay(r.lever, this.values.get(path) ?? Number(r.slider.value)));
  }

  /** Shows current values (after undo, reset or a change made elsewhere); leaves a field being typed in alone. */
  show(values: Map<string, number>): void {
    for (const [path, r] of this.rows) {
      const v = values.get(path);
      // a value was taken (a move, undo, reset): a refusal shown under a lever is over
      if (r.problem.textContent) r.problem.textContent = '';
      if (v === undefined) continue;
      this.values.set(path, v);
      // the slider's own range, widened to a typed value beyond it (and narrowed again when the value comes back)
      const min = String(Math.min(r.lever.min, v));
      const max = String(Math.max(r.lever.max, v));
      if (r.slider.min !== min) r.slider.min = min;
      if (r.slider.max !== max) r.slider.max = max;
      if (Number(r.slider.value) !== v) r.slider.value = String(v);
      const text = describeValue(r.lever, v);
      if (r.slider.getAttribute('aria-valuetext') !== text) r.slider.setAttribute('aria-valuetext', text);
      const typed = String(toDisplay(r.lever, v));
      if (document.activeElement !== r.typed && r.typed.value !== typed) r.typed.value = typed;
      this.mark(path, v);
    }
  }
}
