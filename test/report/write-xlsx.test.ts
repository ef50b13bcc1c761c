/** workbookBytes: charts still being drawn go in as stand-ins and come out as the same bytes as charts given whole. */
import { describe, expect, it } from 'vitest';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { workbookBytes, type ChartImage } from '../../src/report/workbook/write-xlsx.ts';
import type { ChartId } from '../../src/report/charts/chart-spec.ts';
import { readZipParts } from '../../src/report/workbook/zip-parts.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('workbookBytes', () => {
  it('writes a workbook whose chart PNGs arrive later byte for byte as one given them at the start', async () => {
    const model = buildWorkbookModel(buildRunReport({ horizon: 3 }));
    // any bytes do for exceljs: distinct ones per chart show that each lands in its own place
    const ids: ChartId[] = ['fan-total-plans', 'plans-by-placement', 'dsg-balance', 'tornado-deficit'];
    const png = (i: number) => Buffer.concat([Buffer.from('\x89PNG'), Buffer.alloc(300 + i * 50, i + 1)]);
    const whole = new Map<ChartId, ChartImage>(ids.map((id, i) => [id, { png: png(i), title: `T${i}`, alt: `A${i}` }]));
    const later = new Map<ChartId, ChartImage>(ids.map((id, i) => [id, { png: new Promise((r) => setTimeout(() => r(png(i)), 5 * (4 - i))), title: `T${i}`, alt: `A${i}` }]));
    const a = await workbookBytes(model, whole);
    const b = await workbookBytes(model, later);
    expect(b.equals(a)).toBe(true);
    const media = readZipParts(b).filter((p) => p.name.startsWith('xl/media/'));
    expect(media.map((p) => p.data.length).sort()).toEqual(ids.map((_, i) => png(i).length).sort());
  });

  it('fails when a chart fails to draw', async () => {
    const model = buildWorkbookModel(buildRunReport({ horizon: 3 }));
    const failed = Promise.reject(new Error('no canvas'));
    await expect(workbookBytes(model, new Map([['fan-total-plans', { png: failed, title: 't', alt: 'a' }]]))).rejects.toThrow('no canvas');
  });
});
