import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse, listLas } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import type { Reader } from '../../src/etl/reader.ts';
import { sen2BladeReader } from '../../src/etl/readers/sen2-blade.ts';
import { sen2XmlReader } from '../../src/etl/readers/sen2-xml.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { needIndex, placementIndex } from '../../src/domain/index.ts';
import { cellIndex, cubeTotal } from '../../src/model/cube.ts';
import { BLADE_PERSON, XML_2024, XML_2025 } from './sen2/helpers.ts';
import { LINKS_DISAGREE_MAX, PLACEMENT_AGE_NOTE_MIN } from '../../src/etl/persons/dataset-persons.ts';
import { tempDir } from '../temp.ts';
import { HighneedsError } from '../../src/errors.ts';
import { SEN2_LINKS_UNTRUSTED, SEN2_OTHER_LA_RETURNS, SEN2_PLACEMENT_AGE } from '../../src/messages/sen2.ts';
import { POPULATION_OTHER_AREAS, POPULATION_SEXES_DISAGREE } from '../../src/messages/population.ts';

async function load(wh: Warehouse, reader: Reader, path: string, fileId: number): Promise<void> {
  const hashKey = await wh.hashKey();
  await wh.withTransaction(async () => {
    const sink = await wh.sink();
    const r = await reader.read(path, sink, { fileId, path, hashKey, today: new Date('2025-03-01') });
    sink.close();
    if (r.errors.length > 0) throw new Error(JSON.stringify(r.errors));
  });
}

async function warehouseWithReturns(file: string): Promise<Warehouse> {
  const wh = await Warehouse.open(file);
  await load(wh, sen2XmlReader, XML_2024, 1);
  await load(wh, sen2XmlReader, XML_2025, 2);
  await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
  await wh.run(`INSERT INTO establishment VALUES ('100001', 'Test Primary', 'Community school', 'Local authority maintained schools', 'MS', 9),
    ('100002', 'Test Special', 'Community special school', 'Special schools', 'SSM', 9),
    ('100003', 'Test Special Academy', 'Academy special sponsor led', 'Academies', NULL, 9)`);
  for (let age = 0; age <= 30; age++) {
    await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2023, ${age}, 'persons', ${1000 + age}, 'mye', 9),
      ('E99999999', 'Anyshire', 2023, ${age}, 'persons', 5, 'snpp', 9)`);
  }
  return wh;
}

describe('SEN2 plans in a placement the model holds at no child of their age', () => {
  // the sample's 2025 return with 300 children aged 7 to 12 recorded as NEET ran with exit 0 and no word: the
  // projection moved them to other placements in its first year, NEET falling from 408 plans to 126
  it('are named in a note that run puts on stderr (SEN2_PLACEMENT_AGE): how many, where, at which ages', async () => {
    expect(PLACEMENT_AGE_NOTE_MIN).toBe(0.01);
    const wh = await Warehouse.open(':memory:');
    const neet = join(tempDir(), 'sen2-2025.xml');
    // the person born in October 2008 (15 on 31 August 2024) educated otherwise (OLA) recorded as NEET instead
    writeFileSync(neet, readFileSync(XML_2025, 'utf8').replace('<SENsetting>OLA</SENsetting>', '<SENsetting>NEET</SENsetting>'));
    await load(wh, sen2XmlReader, XML_2024, 1);
    await load(wh, sen2XmlReader, neet, 2);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    wh.close();
    expect(ds.notes.filter((n) => n.startsWith(SEN2_PLACEMENT_AGE))).toEqual([
      "SEN2 placements at ages: 1 of LA 999's 3 plans at census 2025 (33%) are in a placement the model holds at no child of their age: 1 aged 15 in NEET " +
        '(Not in education, employment or training, held at ages 16–25). The projection moves them in its first year to the placements open at their age, ' +
        "so part of the change in placements after January 2025 comes from the return, not from children moving. Check these children's SENsetting, URN " +
        'and birth date in the return.',
    ]);
  });
});

describe('SEN2 returns whose identifiers link children of another birth date', () => {
  // the sample's 2025 return with its UPNs shuffled among its persons linked 2,250 of 2,263 children of 2024 to a child
  // of another birth date, and their 'moves' (each from one child's age and placement to another child's) were the
  // transition rates, with no word
  it('are not linked: no move between the two returns is used, and a note run puts on stderr says why and which file', async () => {
    expect(LINKS_DISAGREE_MAX).toBe(0.05);
    const wh = await Warehouse.open(':memory:');
    const swapped = join(tempDir(), 'sen2-2025.xml');
    // the two children of 2025 born in May 2013 and October 2008 given each other's UPN: 2 of the 4 linked disagree
    writeFileSync(swapped, readFileSync(XML_2025, 'utf8').replace('<UPN>x00000000000a</UPN>', '<UPN>@</UPN>').replace('<UPN>X00000000000B</UPN>', '<UPN>X00000000000A</UPN>').replace('<UPN>@</UPN>', '<UPN>X00000000000B</UPN>'));
    await load(wh, sen2XmlReader, XML_2024, 1);
    await load(wh, sen2XmlReader, swapped, 2);
    await wh.run(`INSERT INTO loaded_file VALUES (2, 'data/sen2-2025.xml', 'x', 'sen2-xml', 1, now())`);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    wh.close();
    expect(ds.stockTotal).toEqual({ 2024: 4, 2025: 3 });
    expect(ds.linkedMoves).toEqual([]);
    expect(ds.notes.filter((n) => n.startsWith(SEN2_LINKS_UNTRUSTED))).toEqual([
      'SEN2 links: 2 of the 4 children linked by UPN (or ULN) from the census 2024 return to the 2025 return (50%) have another birth date in each, so the ' +
        'identifiers do not follow the same children: no move from 2024 to 2025 is used, and the transition rates come from the other years\' returns (or ' +
        'from the published totals when there are none). Requests and assessments that both returns hold are under two identifiers, so those counted ' +
        'from the returns (years with no published flows) may count the same request twice. Check the UPNs and ULNs of data/sen2-2025.xml against ' +
        'those of the 2024 return.',
    ]);
  });
});

describe('SEN2 returns that link a few children of another birth date', () => {
  it('leave those children out of the moves, with a note (the rest are linked as before)', async () => {
    const wh = await Warehouse.open(':memory:');
    const edited = join(tempDir(), 'sen2_2025.xml');
    // one child of the sample, in both returns with a plan, born in July 2001 in 2024 and in March in 2025
    const xml = readFileSync('data-samples/sen2_2025.xml', 'utf8');
    const at = xml.indexOf('<UPN>A999000002194</UPN>');
    const born = xml.lastIndexOf('<PersonBirthDate>2001-07-30</PersonBirthDate>', at);
    expect(born).toBeGreaterThan(xml.lastIndexOf('<Person>', at));
    writeFileSync(edited, xml.slice(0, born) + '<PersonBirthDate>2001-03-30</PersonBirthDate>' + xml.slice(born + '<PersonBirthDate>2001-07-30</PersonBirthDate>'.length));
    await load(wh, sen2XmlReader, 'data-samples/sen2_2024.xml', 1);
    await load(wh, sen2XmlReader, edited, 2);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    wh.close();
    expect(ds.notes.filter((n) => n.includes('have another birth date in each'))).toEqual([
      '1 of the 2,661 children linked by UPN (or ULN) from the census 2024 return to the 2025 return have another birth date in each (their birth ' +
        'month, or their age going up by other than one year): the identifier may be another child\'s, so their moves are left out of the transition rates',
    ]);
    // every plan of January 2024 is a move but that child's
    expect(ds.linkedMoves.reduce((n, m) => n + m.count, 0)).toBe(ds.stockTotal[2024]! - 1);
  });
});

describe('SEN2 returns of another LA for years the LA has none', () => {
  // the 2025 return's Header LEA mistyped 998: a run for 999 dropped it without a word and started from January 2024
  it('are named in a note that run puts on stderr (SEN2_OTHER_LA_RETURNS); returns of the same years say nothing', async () => {
    const wh = await Warehouse.open(':memory:');
    await load(wh, sen2XmlReader, XML_2024, 1);
    const lea998 = join(tempDir(), 'sen2-2025.xml');
    writeFileSync(lea998, readFileSync(XML_2025, 'utf8').replace('<LEA>999</LEA>', '<LEA>998</LEA>'));
    await load(wh, sen2XmlReader, lea998, 2);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9), ('998', 'E99999998', 'Otherton', 'E12000099', 'Testregion', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    const other = await datasetFromWarehouse(wh, { la: '998' });
    wh.close();
    expect(ds.stockTotal).toEqual({ 2024: 4 });
    expect(ds.notes.filter((n) => n.startsWith(SEN2_OTHER_LA_RETURNS))).toEqual([
      "SEN2 returns: the data hold person-level returns of LA 998 (census 2025) but LA 999's are for census 2024 only, so LA 999 is projected without them (its base year and stock come from its own returns and the published tables). If a return is your council's, correct its Header/Source/LEA to 999; otherwise move it out of the folder.",
    ]);
    expect(other.notes.filter((n) => n.startsWith(SEN2_OTHER_LA_RETURNS))).toEqual([expect.stringMatching(/returns of LA 999 \(census 2024\) but LA 998's are for census 2025 only/)]);
    const both = await warehouseWithReturns(':memory:');
    const same = await datasetFromWarehouse(both, { la: '999' });
    both.close();
    expect(same.notes.filter((n) => n.startsWith(SEN2_OTHER_LA_RETURNS))).toEqual([]);
  });
});

describe('population projections of other areas only', () => {
  // a projection loaded under another AREA_CODE: the population ended with the estimates, and stderr said only
  // 'load an ONS subnational population projection', though one was loaded
  it('are named in a note that run puts on stderr (POPULATION_OTHER_AREAS); a projection of the LA says nothing', async () => {
    const wh = await Warehouse.open(':memory:');
    await load(wh, sen2XmlReader, XML_2024, 1);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
    await wh.run(`INSERT INTO loaded_file VALUES (9, 'snpp.csv', 'abc', 'ons-snpp', 31, now()), (8, 'mye.csv', 'def', 'ons-mye', 31, now())`);
    for (let age = 0; age <= 30; age++) {
      await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2023, ${age}, 'persons', ${1000 + age}, 'mye', 8),
        ('E10000019', 'Lincolnshire', 2024, ${age}, 'persons', 5, 'snpp', 9)`);
    }
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    expect(ds.notes.filter((n) => n.startsWith(POPULATION_OTHER_AREAS))).toEqual([
      'Population projections: the projections in the data (snpp.csv) are for E10000019, none for E99999999, so they are not used for it: load the projection of E99999999 (AREA_CODE E99999999), or correct the AREA_CODE if the rows are its own.',
    ]);
    await wh.run(`INSERT INTO population SELECT 'E99999999', 'Anyshire', 2024, age, 'persons', 6, 'snpp', 9 FROM range(0, 31) t(age)`);
    const own = await datasetFromWarehouse(wh, { la: '999' });
    wh.close();
    expect(own.notes.filter((n) => n.startsWith(POPULATION_OTHER_AREAS))).toEqual([]);
  });
});

describe('population whose persons are not its males + females', () => {
  // a persons row edited (here x1.5) and its sexes not: the run counted the persons without a word
  it('is named in a note that run puts on stderr (POPULATION_SEXES_DISAGREE); rounding, or persons alone, say nothing', async () => {
    const wh = await Warehouse.open(':memory:');
    await load(wh, sen2XmlReader, XML_2024, 1);
    await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
    await wh.run(`INSERT INTO loaded_file VALUES (9, 'snpp.csv', 'abc', 'ons-snpp', 93, now())`);
    for (let age = 0; age <= 30; age++) {
      // ages 3 and 4 edited; age 5 off by rounding only
      const persons = age === 3 || age === 4 ? 1500 : age === 5 ? 1000.4 : 1000;
      await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2024, ${age}, 'persons', ${persons}, 'snpp', 9),
        ('E99999999', 'Anyshire', 2024, ${age}, 'males', 510, 'snpp', 9), ('E99999999', 'Anyshire', 2024, ${age}, 'females', 490, 'snpp', 9)`);
    }
    const ds = await datasetFromWarehouse(wh, { la: '999' });
    expect(ds.population[2025]![3]).toBe(1500);
    expect(ds.notes.filter((n) => n.startsWith(POPULATION_SEXES_DISAGREE))).toEqual([
      'Population: persons are not males + females for area E99999999 in 2 age-years (age 3 at mid-2024: 1,500 persons, 1,000 males + females; age 4 at mid-2024: 1,500 persons, 1,000 males + females; snpp.csv): the persons figures are used, so a row edited or pasted in one place and not the other changes the children the run counts. Correct the rows that are wrong.',
    ]);
    await wh.run(`UPDATE population SET count = 1000 WHERE sex = 'persons' AND age IN (3, 4)`);
    const fixed = await datasetFromWarehouse(wh, { la: '999' });
    await wh.run(`DELETE FROM population WHERE sex <> 'persons'`);
    const personsOnly = await datasetFromWarehouse(wh, { la: '999' });
    wh.close();
    expect([...fixed.notes, ...personsOnly.notes].filter((n) => n.startsWith(POPULATION_SEXES_DISAGREE))).toEqual([]);
  });
});

describe('datasetFromWarehouse with two linked SEN2 returns', () => {
  it('builds stock cubes, new plans, linked moves, requests and population', async () => {
    const wh = await warehouseWithReturns(':memory:');
    expect(await listLas(wh)).toEqual([{ oldCode: '999', newCode: 'E99999999', name: 'Anyshire', regionCode: 'E12000099', regionName: 'Testregion' }]);
    const ds = await datasetFromWarehouse(wh, { la: 'E99999999' });
    wh.close();
    expect(ds.la).toEqual({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    expect(ds.stockTotal).toEqual({ 2024: 4, 2025: 3 });
    expect(cubeTotal(ds.stockCube[2024]!)).toBe(4);
    expect(ds.stockCube[2024]![cellIndex(7, needIndex('SLCN'), placementIndex('RP'))]).toBe(1); // SEN unit in a mainstream school
    expect(ds.stockCube[2025]![cellIndex(11, needIndex('ASD'), placementIndex('SSA'))]).toBe(1); // placed from GIAS type name
    expect(ds.stockByPlacement[2024]).toEqual({ MS: 1, EOTAS: 1, SSM: 1, RP: 1 });
    expect(ds.newPlansTotal).toEqual({ 2023: 2, 2024: 1 });
    expect(ds.newPlansCube[2024]![cellIndex(4, needIndex('SLCN'), placementIndex('EY'))]).toBe(1);
    const moves = ds.linkedMoves.map((m) => [m.fromYear, m.age, m.need, m.from, m.to, m.ceaseReason, m.count]).sort();
    expect(moves).toEqual([
      [2024, 10, 'ASD', 'MS', 'SSA', undefined, 1],
      [2024, 14, 'SEMH', 'EOTAS', 'EOTAS', undefined, 1],
      [2024, 18, 'MLD', 'SSM', 'CEASED', 4, 1],
      [2024, 7, 'SLCN', 'RP', 'TRANSFERRED_OUT', 5, 1],
    ]);
    expect(ds.requests).toEqual({ 2023: 4 }); // 2024 has no request received
    expect(ds.decidedToAssess).toEqual({ 2023: 2, 2024: 1 }); // by outcome date; 2018 is not covered by a return
    expect(ds.assessIssued).toEqual({ 2023: 2, 2024: 1 });
    expect(ds.population[2024]![0]).toBe(1000); // mid-year 2023 estimate preferred over the projection
    expect(ds.population[2024]).toHaveLength(26);
    expect(ds.notes.join('\n')).toMatch(/30 June of Y−1/);
  });

  it('names the population sources in their order of preference, whatever order their rows are in', async () => {
    const wh = await warehouseWithReturns(':memory:');
    // a later year with a projection only, its rows stored before the estimate's
    await wh.run(`DELETE FROM population`);
    for (const [year, kind] of [[2024, 'snpp'], [2023, 'mye']] as const)
      for (let age = 0; age <= 25; age++) await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', ${year}, ${age}, 'persons', 10, '${kind}', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: 'E99999999' });
    wh.close();
    expect(Object.keys(ds.population)).toEqual(['2024', '2025']);
    expect(ds.notes.join('\n')).toContain('mid-year estimate or subnational projection');
  });

  it('refuses a year whose population lacks an age 0-25, naming the area, the year, the ages and the file', async () => {
    const wh = await warehouseWithReturns(':memory:');
    await wh.run(`INSERT INTO loaded_file VALUES (9, 'data/snpp_2022based.csv', 'abc', 'ons-snpp', 26, now())`);
    // a blank or marker cell (or a row missing) at ages 7 and 12 of the mid-2024 projection: not stored, so 0 children
    for (let age = 0; age <= 25; age++)
      if (age !== 7 && age !== 12) await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2024, ${age}, 'persons', 10, 'snpp', 9)`);
    const e = await datasetFromWarehouse(wh, { la: 'E99999999' }).then(() => undefined, (x: unknown) => x);
    wh.close();
    expect(e).toBeInstanceOf(HighneedsError);
    expect((e as HighneedsError).exitCode).toBe(1);
    expect((e as HighneedsError).message).toMatch(
      /^the population projection for area E99999999 at mid-2024 \(census 2025\) has no figure for age 7, 12 \(data\/snpp_2022based\.csv\): a blank or marker cell/,
    );
    expect((e as HighneedsError).problems[0]!.file).toBe('data/snpp_2022based.csv');
  });

  it.each([
    ['at one age of a population of 1,000 a year of age', (age: number) => (age === 4 ? 0 : 1000), /gives 0 people at age 4 \(data\/snpp_2022based\.csv\): an LA has people at every age 0 to 25/],
    ['at every age (a lost row)', () => 0, /gives 0 people at age 0, 1, 2, 3, 4, 5 and 20 more/],
  ])('refuses a year with 0 people %s, where that is a figure lost, not a count', async (_, people, named) => {
    // before: the age had no new plans without a word; Kent's mid-2020 estimate all 0 stopped a run saying the data
    // held no new plans
    const wh = await warehouseWithReturns(':memory:');
    await wh.run(`INSERT INTO loaded_file VALUES (9, 'data/snpp_2022based.csv', 'abc', 'ons-snpp', 26, now())`);
    for (let age = 0; age <= 25; age++) await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2024, ${age}, 'persons', ${people(age)}, 'snpp', 9)`);
    const e = await datasetFromWarehouse(wh, { la: 'E99999999' }).then(() => undefined, (x: unknown) => x);
    wh.close();
    expect((e as HighneedsError).exitCode).toBe(1);
    expect((e as HighneedsError).message).toMatch(/^the population projection for area E99999999 at mid-2024 \(census 2025\) gives 0 people at age/);
    expect((e as HighneedsError).message).toMatch(named);
    expect((e as HighneedsError).problems[0]!.file).toBe('data/snpp_2022based.csv');
  });

  it('reads 0 people at an age of an area as small as the Isles of Scilly (about 15 a year of age) as a count', async () => {
    const wh = await warehouseWithReturns(':memory:');
    for (let age = 0; age <= 25; age++) await wh.run(`INSERT INTO population VALUES ('E99999999', 'Anyshire', 2024, ${age}, 'persons', ${age === 20 ? 0 : 15}, 'snpp', 9)`);
    const ds = await datasetFromWarehouse(wh, { la: 'E99999999' });
    wh.close();
    expect(ds.population[2025]![20]).toBe(0);
    expect(ds.population[2025]![19]).toBe(15);
  });

  it('person-level stock overrides a published stock of the same census year', async () => {
    const wh = await warehouseWithReturns(':memory:');
    await wh.run(`INSERT INTO stock VALUES ('Local authority', '999', 'E99999999', 2023, 0, 25, 'ALL', 'ALL', 3, NULL, 'plans', 'ees-2025-caseload', 9, 2),
      ('Local authority', '999', 'E99999999', 2024, 0, 25, 'ALL', 'ALL', 99, NULL, 'plans', 'ees-2025-caseload', 9, 3)`);
    const ds = await datasetFromWarehouse(wh, {});
    wh.close();
    expect(ds.stockTotal).toEqual({ 2023: 3, 2024: 4, 2025: 3 });
  });
});

describe('personal data', () => {
  it('no raw UPN, ULN, name, postcode or birth date reaches the warehouse file', async () => {
    const dir = tempDir('sen2-pd-');
    const file = join(dir, 'warehouse.duckdb');
    const wh = await warehouseWithReturns(file);
    await load(wh, sen2BladeReader, BLADE_PERSON, 3);
    await wh.run('CHECKPOINT');
    const counts = await wh.tableCounts();
    wh.close();
    expect(counts.person).toBe(13);
    const bytes = readFileSync(file);
    const hay = [bytes.toString('latin1'), bytes.toString('utf16le')].join('\n').toLowerCase();
    const fixtures = [XML_2024, XML_2025, BLADE_PERSON].map((p) => readFileSync(p, 'utf8')).join('\n');
    const secrets = new Set<string>();
    for (const m of fixtures.matchAll(/<(UPN|UniqueLearnerNumber|Surname|Forename|PostCode|PersonBirthDate)>([^<]+)</g)) secrets.add(m[2]!);
    for (const line of readFileSync(BLADE_PERSON, 'utf8').split('\n').slice(1)) {
      const f = line.split(',');
      for (const i of [5, 6, 7, 10, 11, 12]) if (f[i]) secrets.add(f[i]!);
    }
    expect(secrets.size).toBeGreaterThan(25);
    for (const s of secrets) {
      expect(hay.includes(s.toLowerCase()), s).toBe(false);
      expect(hay.includes(s.toLowerCase().replace(/ /g, '')), s).toBe(false);
    }
  });
});

describe('an LA whose ONS code changed (North Yorkshire: E10000023, then E06000065 from April 2023)', () => {
  const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
  const ny = (tp: string, code: string, n: number) => `${tp},Academic year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,${code},815,North Yorkshire,All EHC plans,All EHC plans,${n}`;

  it('is found by either code, and named by the code of its latest January', async () => {
    const dir = tempDir('hn-ny-');
    // the later rows first: which code is latest comes from the years, not from the order of the rows
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${[LEAD, ny('202425', 'E06000065', 5353), ny('202324', 'E06000065', 4857), ny('202223', 'E10000023', 4400), ny('202122', 'E10000023', 4000)].join('\r\n')}\r\n`);
    const load = await loadIntoMemory([dir], { today: new Date('2026-03-01') });
    try {
      for (const code of ['815', 'E06000065', 'E10000023']) {
        const ds = await datasetFromWarehouse(load.warehouse, { la: code });
        expect(ds.la, code).toEqual({ oldCode: '815', newCode: 'E06000065', name: 'North Yorkshire' });
        expect(ds.stockTotal[2025], code).toBe(5353);
      }
    } finally {
      load.warehouse.close();
    }
  });
});
