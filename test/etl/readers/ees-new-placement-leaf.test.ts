/**
 * A later release's placement leaf this version does not know (a new column of the wide caseload / new-plans
 * layout): read into the placement its name and the subtotal it completes decide, with a note naming both; refused
 * where the name does not decide or the subtotal does not balance with it, and where an unrelated numeric column
 * holds exactly the plans the placements miss. Other unknown columns are only warned of. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const ROW = '202425,Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const ALL = `${ROW},All EHC plans,All EHC plans`;
const AGE = `${ROW},Child or young persons age,age 7`;
const MS = 'mainstream_la_maintained,mainstream_academy';

function caseload(newColumn: string, rows: string[]): string {
  const dir = tempDir();
  const header = `${LEAD},ehcplans,${MS},${newColumn},mainstream_independent,mainstream_total,special_la_maintained,special_independent,special_total`;
  writeFileSync(join(dir, 'caseload.csv'), [header, ...rows].join('\n') + '\n');
  return dir;
}

describe('a placement leaf this version does not know', () => {
  it('is read into the placement its name and subtotal decide, with a note naming both', async () => {
    const dir = caseload('mainstream_academy_utc', [`${ALL},1000,300,200,50,10,560,400,40,440`, `${AGE},60,20,15,5,0,40,18,2,20`]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockByPlacement[2025]).toEqual({ MS: 550, IMS: 10, SSM: 400, ISS: 40 });
    expect(r.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/'mainstream_academy_utc'\): read as State mainstream school \(MS\) by its name and the 'mainstream_total' it completes; check the release's data guidance/),
    ]));
    expect(r.notes.filter((n) => /unknown column|placement columns sum to/.test(n))).toEqual([]);
  });

  it('is read as RP or IMS when its name says so, and into a subtotal of one placement whatever its name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,mainstream_academy,mainstream_academy_utc_senunit,mainstream_total,ap_pru_la_maintained,ap_pru_hospital_new,ap_pru_total`,
      `${ALL},100,50,20,70,20,10,30`,
    ].join('\n') + '\n');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockByPlacement[2025]).toEqual({ MS: 50, RP: 20, AP: 30 });
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(/'ap_pru_hospital_new'\): read as Alternative provision or PRU \(AP\)/)]));
  });

  it('is read as the special school its name names (independent, non-maintained, academy or free school, LA maintained)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,special_la_maintained,special_academy,special_independent,special_independent_x,special_non_maintained,special_non_maintained_x,special_academy_converter,special_la_maintained_hospital,special_total`,
      `${ALL},100,30,20,10,8,6,4,12,10,100`,
    ].join('\n') + '\n');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockByPlacement[2025]).toEqual({ SSM: 40, SSA: 32, ISS: 18, NMSS: 10 });
    expect(r.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/'special_independent_x'\): read as Independent special school \(ISS\) by its name and the 'special_total' it completes/),
      expect.stringMatching(/'special_non_maintained_x'\): read as Non-maintained special school \(NMSS\) by its name/),
      expect.stringMatching(/'special_academy_converter'\): read as Special academy or free school \(SSA\) by its name/),
      expect.stringMatching(/'special_la_maintained_hospital'\): read as LA maintained special school \(SSM\) by its name/),
    ]));
  });

  it('is refused when its name names two placements of its subtotal', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,special_la_maintained,special_academy_independent,special_total`,
      `${ALL},100,90,10,100`,
    ].join('\n') + '\n');
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ column: 'special_academy_independent', message: expect.stringMatching(/names Special academy or free school \(SSA\) and Independent special school \(ISS\)/) }],
    });
  });

  it('is refused when its subtotal holds several placements and its name does not say which', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,${MS},mainstream_total,special_la_maintained,special_hospital,special_total`,
      `${ALL},1000,300,260,560,400,40,440`,
    ].join('\n') + '\n');
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ file: expect.stringContaining('caseload.csv'), column: 'special_hospital', message: expect.stringMatching(/does not say which/) }],
    });
  });

  it('is refused when its subtotal does not balance with it (a part of a leaf, not a leaf)', async () => {
    const dir = caseload('mainstream_academy_of_which_utc', [`${ALL},1000,300,250,50,10,560,400,40,440`]);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ column: 'mainstream_academy_of_which_utc', message: expect.stringMatching(/does not complete 'mainstream_total'.*leaves 610, 'mainstream_total' 560/) }],
    });
  });

  it('is refused, outside every subtotal, when it holds exactly the plans the placements miss', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,${MS},mainstream_total,hospital_education`,
      `${ALL},1000,600,375,975,25`,
      `${AGE},60,40,15,55,5`,
    ].join('\n') + '\n');
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [{ column: 'hospital_education', message: expect.stringMatching(/holds, on 2 row\(s\), exactly the plans by which 'ehcplans' exceeds/) }],
    });
  });

  describe('under a subtotal whose leaves share no prefix (fe_total, ed_elsewhere)', () => {
    const FE = 'general_fe_tertiary_colleges,specialist_post_16_institutions,ukrlp_provider';
    const EE = 'elective_home_education,other_arrangements_la,neet';
    function file(header: string, rows: string[]): string {
      const dir = tempDir();
      writeFileSync(join(dir, 'caseload.csv'), [`${LEAD},ehcplans,${header}`, ...rows].join('\n') + '\n');
      return dir;
    }

    it('is read by where it stands among the leaves of its subtotal, into the placement its name decides', async () => {
      // other_placement_settings stands among the leaves of ed_elsewhere but is published outside it
      const ee = 'elective_home_education,other_arrangements_la,other_placement_settings,neet';
      const dir = file(`${FE},sixth_form_colleges,fe_total,fe_total_pc,${ee},hospital_education,neet_custody,ed_elsewhere,nm_early_years`, [
        `${ALL},207,60,20,x,40,120,60,10,20,7,10,5,5,50,30`,
        `${AGE},21,6,2,0,4,12,60,1,2,1,1,1,0,5,3`,
      ]);
      const r = await datasetsFromEesFiles([dir], { today: TODAY });
      expect(r.datasets[0]!.stockByPlacement[2025]).toEqual({ FE: 100, SPI: 20, EOTAS: 42, NEET: 15, EY: 30 });
      expect(r.notes).toEqual(expect.arrayContaining([
        expect.stringMatching(/'sixth_form_colleges'\): read as FE college, sixth form or other post-16 provider \(FE\) by its name and the 'fe_total' it completes/),
        expect.stringMatching(/'hospital_education'\): read as Educated otherwise than at school \(EOTAS\) by its name and the 'ed_elsewhere' it completes/),
        expect.stringMatching(/'neet_custody'\): read as Not in education, employment or training \(NEET\)/),
      ]));
      expect(r.notes.filter((n) => /unknown column|does not know \('other_placement|sum to/.test(n))).toEqual([]);
    });

    it('is refused where it stands among the leaves of a subtotal that does not balance with it', async () => {
      const dir = file(`${FE},sixth_form_colleges,fe_total`, [`${ALL},130,60,20,10,40,120`]);
      await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
        problems: [{ column: 'sixth_form_colleges', message: expect.stringMatching(/does not complete 'fe_total'.*leaves 130, 'fe_total' 120/) }],
      });
    });

    it('is refused where it stands among the leaves of a subtotal no row lets it be checked against', async () => {
      const dir = file(`${FE},sixth_form_colleges,fe_total`, [`${ALL},120,60,20,x,40,c`, `${AGE},12,6,2,0,4,c`]);
      await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
        problems: [{ column: 'sixth_form_colleges', message: expect.stringMatching(/no row publishes 'fe_total' and all its leaves/) }],
      });
    });

    it('is refused, its subtotal set before its leaves, when it holds exactly what they miss of it (other leaves not published)', async () => {
      const dir = file(`fe_total,${FE},sixth_form_colleges,${EE},ed_elsewhere`, [
        `${ALL},200,120,60,20,x,40,10,x,10,20`,
        `${AGE},14,12,6,2,0,4,1,1,0,2`,
      ]);
      await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
        problems: [{ column: 'sixth_form_colleges', message: expect.stringMatching(/holds, on 2 row\(s\), exactly the plans by which 'fe_total' exceeds its leaves/) }],
      });
    });
  });

  it('leaves other unknown columns (text, a percentage, a number that is no placement) a warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.csv'), [
      `${LEAD},ehcplans,${MS},mainstream_total,extra_note,mainstream_academy_utc_pc,release_version`,
      `${ALL},1000,600,400,1000,"some text, quoted",2.5,3`,
      `${AGE},60,40,15,55,x,1.0,3`,
    ].join('\n') + '\n');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockByPlacement[2025]).toEqual({ MS: 1000 });
    expect(r.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/unknown column 'extra_note' is ignored/), expect.stringMatching(/unknown column 'release_version' is ignored/),
    ]));
    expect(r.notes.filter((n) => /this version does not know/.test(n))).toEqual([]);
  });

  it('is read from newplans.csv too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'newplans.csv'), [
      `${LEAD},new_ehc_plans,${MS},mainstream_academy_utc,mainstream_total`,
      '2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire,All new EHC plans,All new EHC plans,100,40,30,30,100',
    ].join('\n') + '\n');
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(/'mainstream_academy_utc'\): read as State mainstream school \(MS\)/)]));
  });
});
