/** Writes a seeded synthetic COLLECT Blade export (nine module files) of `n` persons into `dir`. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { bladeDate, rng, synthPerson } from './sen2-synth.ts';

const HEADERS: Record<string, string> = {
  sen2: 'sen2tableid,collection,year,referencedate,lea',
  person: 'persontableid,sen2tableid,surname,forename,personbirthdate,gendercurrent,ethnicity,postcode,upn,uniquelearnernumber,upnunknown',
  requests: 'requeststableid,persontableid,receiveddate,requestoutcomedate,requestoutcome',
  assessment: 'assessmenttableid,requeststableid,assessmentoutcome,assessmentoutcomedate,week20',
  namedplan: 'namedplantableid,assessmenttableid,startdate,ceasedate,ceasereason',
  plandetail: 'plandetailtableid,namedplantableid,urn,ukprn,sensetting,placementrank,senunitindicator,resourcedprovisionindicator',
  activeplans: 'activeplanstableid,requeststableid,transferla,lastreview',
  placementdetail: 'placementdetailtableid,activeplanstableid,urn,ukprn,sensetting,placementrank,entrydate,leavingdate,senunitindicator,resourcedprovisionindicator',
  senneed: 'senneedtableid,activeplanstableid,sentyperank,sentype',
};

class Out {
  private buf: string[] = [];
  constructor(private readonly ws: WriteStream) {}
  line(s: string): void {
    this.buf.push(s);
    if (this.buf.length >= 5000) this.flushSync();
  }
  flushSync(): void {
    if (this.buf.length) this.ws.write(this.buf.join('\n') + '\n');
    this.buf = [];
  }
  async end(): Promise<void> {
    this.flushSync();
    await new Promise<void>((res) => this.ws.end(res));
  }
}

/** @returns the path of the person module file. */
export async function writeBladeExport(dir: string, n: number, seed = 1, censusYear = 2025): Promise<string> {
  const prefix = join(dir, 'Blade-Export_28-01-2025_');
  const out: Record<string, Out> = {};
  for (const [m, h] of Object.entries(HEADERS)) {
    out[m] = new Out(createWriteStream(`${prefix}${m}.csv`));
    out[m]!.line(h);
  }
  out.sen2!.line(`1,SEN2,${censusYear},${censusYear}-Jan-16 00:00:00,999`);
  const r = rng(seed);
  let needId = 0;
  for (let i = 1; i <= n; i++) {
    const p = synthPerson(r, i, censusYear);
    out.person!.line(`${i},1,Testsur${i},Testfore${i},${bladeDate(p.birth)},${p.sex},WBRI,ZZ99 9ZZ,${p.upn},,`);
    out.requests!.line(`${i},${i},${bladeDate(p.received)},${bladeDate(p.received)},A`);
    out.assessment!.line(`${i},${i},Y,${bladeDate(p.start)},0`);
    out.namedplan!.line(`${i},${i},${bladeDate(p.start)},${p.ceased ? bladeDate(p.ceased) : ''},${p.ceased ? '2' : ''}`);
    out.plandetail!.line(`${i},${i},${p.urn ?? ''},,${p.setting ?? ''},1,0,0`);
    if (p.ceased) continue;
    out.activeplans!.line(`${i},${i},,`);
    out.placementdetail!.line(`${i},${i},${p.urn ?? ''},,${p.setting ?? ''},1,${bladeDate(p.start)},,0,0`);
    p.needs.forEach((nd, k) => out.senneed!.line(`${++needId},${i},${k + 1},${nd}`));
  }
  for (const o of Object.values(out)) await o.end();
  return `${prefix}person.csv`;
}
