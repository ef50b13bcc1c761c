/** The chart thread: the same PNG bytes as drawing here, each spec drawn once (in a process, across runs), failures as internal errors. */
import { afterAll, describe, expect, it } from 'vitest';
import { fanTotalPlansChart } from '../../src/report/charts/fan-total-plans.ts';
import { ageProfileChart } from '../../src/report/charts/age-profile.ts';
import { renderCharts } from '../../src/report/charts/render.ts';
import { chartThread } from '../../src/report/charts/render-thread.ts';
import { HighneedsError } from '../../src/errors.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const report = buildRunReport({ horizon: 3 });
const fan = fanTotalPlansChart(report);
const age = ageProfileChart(report);
const thread = chartThread();
afterAll(() => thread.close());

describe('chart thread', () => {
  it('draws the same PNG bytes as this thread, in the order asked, and remembers what it drew', async () => {
    thread.prefetch([age]);
    const [a, b] = await thread.render([fan, age]);
    const [here] = await renderCharts([fan]);
    expect(a!.equals(here!)).toBe(true);
    expect(b!.subarray(1, 4).toString()).toBe('PNG');
    expect(b!.equals(a!)).toBe(false);
    const [again] = await thread.render([age]);
    expect(again).toBe(b); // the remembered buffer, not a second drawing
  });

  it('gives a later renderer (the next run of this process) the bytes it drew for an earlier one, without drawing again', async () => {
    const [first] = await thread.render([fan]);
    const next = chartThread();
    const [again] = await next.render([fan]);
    await next.close();
    expect(again).toBe(first); // the kept buffer, not a second drawing
  });

  it('fails as an internal error (exit 70) once its thread is gone', async () => {
    const gone = chartThread();
    await gone.close();
    const e = await gone.render([fan]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HighneedsError);
    expect((e as HighneedsError).exitCode).toBe(70);
    expect((e as Error).message).toMatch(/chart drawing thread failed/);
    // the thread itself stays for the other renderers and for the next run's
    const [still] = await thread.render([fan]);
    expect(still!.subarray(1, 4).toString()).toBe('PNG');
    const [next] = await chartThread().render([age]);
    expect(next!.equals((await thread.render([age]))[0]!)).toBe(true);
  });

  it('fails the renders in flight of a renderer closed before they are back, and only those', async () => {
    const closing = chartThread();
    const other = chartThread();
    const inFlight = closing.render([fan]);
    const kept = other.render([age]);
    await closing.close();
    const e = await inFlight.catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/it was closed/);
    expect((await kept)[0]!.subarray(1, 4).toString()).toBe('PNG');
  });
});
