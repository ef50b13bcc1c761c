/**
 * A request that holds its plan at the census (ActivePlans) while every plan of it has a CeaseDate before the census:
 * the return says the plan was held that day and that it had ended. The sample's 2025 return with every plan given a
 * CeaseDate the day before its census loaded with exit 0 and ran from 3,007 plans in January 2025, its figures those
 * of the return as it was.
 */
import { describe, expect, it } from 'vitest';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { XML_2024, bladeCopy, collect, ctx, editedXml } from './helpers.ts';

const PLAN = '<NamedPlan><StartDate>2023-06-01</StartDate></NamedPlan>';
const ceased = (date: string): string => `<NamedPlan><StartDate>2023-06-01</StartDate><CeaseDate>${date}</CeaseDate><CeaseReason>2</CeaseReason></NamedPlan>`;

async function xmlErrors(from: string, to: string): Promise<Array<{ path?: string; message: string }>> {
  const p = editedXml(XML_2024, from, to);
  return (await readSen2Xml(p, collect(), ctx(p))).errors;
}

describe('SEN2: a plan held at the census (ActivePlans) that ceased before it', () => {
  it('is an error at its CeaseDate naming the date and the ReferenceDate, in the XML and the Blade export', async () => {
    const e = await xmlErrors(PLAN, ceased('2023-12-01'));
    expect(e.map((x) => x.path)).toEqual(['Message/Persons/Person[2]/Requests[1]/Assessment[1]/NamedPlan[1]/CeaseDate']);
    expect(e[0]!.message).toBe("CeaseDate 2023-12-01 is before the return's ReferenceDate 2024-01-18, but the plan's request holds ActivePlans (a plan held on the census day): " +
      'the plan would be counted both as held at the census and as ceased before it; if the plan ended, remove its ActivePlans from the return, ' +
      'otherwise remove its CeaseDate and CeaseReason (or correct the date)');
    const b = bladeCopy({ edit: { module: 'namedplan', from: '2019-Mar-01 00:00:00,,,,,,,', to: '2019-Mar-01 00:00:00,,,,,,2024-Jul-31 00:00:00,4' } });
    const be = (await readSen2Blade(b, collect(), ctx(b))).errors;
    expect(be.map((x) => [x.file?.endsWith('_namedplan.csv'), x.line, x.path])).toEqual([[true, 2,
      'person[persontableid=11]/requests[requeststableid=21]/assessment[assessmenttableid=31]/namedplan[namedplantableid=41]/CeaseDate']]);
    expect(be[0]!.message).toBe(e[0]!.message.replace('2023-12-01', '2024-07-31').replace('2024-01-18', '2025-01-16'));
  });

  it('says nothing of a plan ceased on the census day, or of a ceased plan beside an open one of the same request', async () => {
    expect(await xmlErrors(PLAN, ceased('2024-01-18'))).toEqual([]);
    expect(await xmlErrors(PLAN, `${ceased('2023-07-01')}<NamedPlan><StartDate>2023-08-01</StartDate></NamedPlan>`)).toEqual([]);
    // a ceased plan of a request without ActivePlans is the year's ceased plan it always was (the fixture's namedplan 42)
    const b = bladeCopy();
    expect((await readSen2Blade(b, collect(), ctx(b))).errors).toEqual([]);
  });
});
