/** Writes a seeded synthetic SEN2 XML return of about `targetBytes` into `path`. */
import { createWriteStream } from 'node:fs';
import { isoDate, rng, synthPerson } from './sen2-synth.ts';

export async function writeSen2Xml(path: string, targetBytes: number, seed = 2, censusYear = 2025): Promise<number> {
  const ws = createWriteStream(path);
  let bytes = 0;
  const write = (s: string) => {
    bytes += s.length;
    return ws.write(s);
  };
  write(`<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><CollectionDetails><Collection>SEN2</Collection><Year>${censusYear}</Year><ReferenceDate>${censusYear}-01-16</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA></Source></Header>\n<Persons>\n`);
  const r = rng(seed);
  let i = 0;
  let buf: string[] = [];
  while (bytes < targetBytes) {
    const p = synthPerson(r, ++i, censusYear);
    const place = p.urn ? `<URN>${p.urn}</URN>` : `<SENsetting>${p.setting}</SENsetting>`;
    const needs = p.needs.map((n, k) => `<SENneed><SENtype>${n}</SENtype><SENtypeRank>${k + 1}</SENtypeRank></SENneed>`).join('');
    const active = p.ceased ? '' : `\n  <ActivePlans><LastReview>${isoDate(p.start)}</LastReview><PlacementDetail>${place}<PlacementRank>1</PlacementRank><EntryDate>${isoDate(p.start)}</EntryDate></PlacementDetail>${needs}</ActivePlans>`;
    const cease = p.ceased ? `<CeaseDate>${isoDate(p.ceased)}</CeaseDate><CeaseReason>2</CeaseReason>` : '';
    buf.push(`<Person>
 <Surname>Testsur${i}</Surname><Forename>Testfore${i}</Forename><PersonBirthDate>${isoDate(p.birth)}</PersonBirthDate><Sex>${p.sex}</Sex><Ethnicity>WBRI</Ethnicity><PostCode>ZZ99 9ZZ</PostCode><UPN>${p.upn}</UPN>
 <Requests><ReceivedDate>${isoDate(p.received)}</ReceivedDate><RequestOutcomeDate>${isoDate(p.received)}</RequestOutcomeDate><RequestOutcome>A</RequestOutcome>
  <Assessment><AssessmentOutcome>Y</AssessmentOutcome><AssessmentOutcomeDate>${isoDate(p.start)}</AssessmentOutcomeDate><NamedPlan><StartDate>${isoDate(p.start)}</StartDate>${cease}<PlanDetail>${place}<PlacementRank>1</PlacementRank></PlanDetail></NamedPlan></Assessment>${active}
 </Requests>
</Person>
`);
    bytes += buf[buf.length - 1]!.length;
    if (buf.length >= 2000) {
      if (!ws.write(buf.join(''))) await new Promise<void>((res) => ws.once('drain', () => res()));
      buf = [];
    }
  }
  ws.write(buf.join(''));
  ws.write('</Persons>\n</Message>\n');
  await new Promise<void>((res) => ws.end(res));
  return i;
}
