/**
 * Messages of the budget stage about figures that cannot be what was meant although each reads well: money tables out
 * of scale with what the run models (a table in £ thousands where pounds belong), and levers that act on nothing.
 * Re-exported by budget.ts, whose `budgetMsg` they are part of.
 */
import { fmtMoneyExact as gbp } from '../report/format.ts';
import { counted } from '../util/plural.ts';

/** An amount as read: whole pounds, or with its pence where a figure in £ millions has them (7.95 is £7.95, not £8). */
const asRead = (v: number): string => (Number.isInteger(v) ? gbp(v) : `£${v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

function share(r: number): string {
  return `${Number((r * 100).toPrecision(2))}%`;
}

/** Other-spend rows of a year adding up to a sliver of the year's modelled spend (budget/other-spend.ts). */
export function otherSpendOutOfScale(fy: string, total: number, spend: number, min: number, years: number): string {
  const more = years > 1 ? ` (and in ${counted(years - 1, 'more year')} of the table)` : '';
  // £ millions where even a thousand times the total is under the floor (the sample's £7,950,000 written 7.95: £7,950)
  const [unit, times] = total * 1000 >= min * spend ? ['£ thousands', 1000] : ['£ millions', 1_000_000];
  return (
    `Other spend ${fy}: the other-spend table's lines add up to ${asRead(total)}, ${share(total / spend)} of the High Needs spend the run models for that year (${gbp(spend)}), ` +
    `under ${share(min)}${more}: a council's other High Needs spend (SEN support services, hospital education, therapies) runs to millions, so the table is probably in ${unit} ` +
    `(read as such, ${gbp(total * times)} that year), and every year's spend and balance are short by about as much. ` +
    `Write amount_gbp in pounds; the run uses the figures as given.`
  );
}

/** Places-table rates far from the national place rate (budget/place-funding.ts placeRatesOffNational). */
export function placeRatesOffNational(
  off: ReadonlyArray<{ placement: string; row: { fy: number; placeRateGbp: number; places: number; source?: { file: string; line: number } }; national: number; rows: number }>,
  fyLabel: (fy: number) => string,
  band: readonly [number, number],
): string {
  const each = off.map((o) => {
    const more = o.rows > 1 ? ` (and ${counted(o.rows - 1, 'more row')})` : '';
    const side = o.row.placeRateGbp < o.national ? `under ${band[0] === 0.5 ? 'half' : `${band[0]} times`}` : `over ${band[1] === 2 ? 'twice' : `${band[1]} times`}`;
    return `${o.placement} at ${gbp(o.row.placeRateGbp)} a place in ${fyLabel(o.row.fy)}${o.row.source ? ` (${o.row.source.file} line ${o.row.source.line})` : ''}${more}, ${side} the national ${gbp(o.national)}`;
  });
  const low = off.some((o) => o.row.placeRateGbp < o.national);
  const high = off.some((o) => o.row.placeRateGbp > o.national);
  return (
    `Place funding: the places table's place rate is far from the national place rate: ${each.join('; ')}. Place rates are set nationally (£10,000 a place in special schools and alternative provision, £6,000 in resourced provision and further education). ` +
    `${low ? 'Is the rate per term rather than per year (a third of it)? ' : ''}${high ? 'Is the rate the whole cost of a place, with its top-up, which the unit-cost table adds again? ' : ''}` +
    `Every year's place funding rests on it; write place_rate_gbp as the year's rate a place. The run uses the table as given.`
  );
}

/** Usable reserves a sliver of the High Needs block (budget/general-fund.ts reservesAgainstBlock). */
export function reservesOutOfScale(fy: string, reserves: number, blockFy: string, block: number, min: number, rows: number): string {
  const more = rows > 1 ? ` (and ${counted(rows - 1, 'more row')} of the table)` : '';
  // £ millions where even a thousand times the figure is under the floor (the sample's £64,000,000 written 64)
  const [unit, times] = reserves * 1000 >= min * block ? ['£ thousands', 1000] : ['£ millions', 1_000_000];
  return (
    `Reserves ${fy}: usable reserves of ${asRead(reserves)} are ${share(reserves / block)} of the High Needs block of ${blockFy} (${gbp(block)}), under ${share(min)}${more}: ` +
    `a council responsible for SEND holds usable reserves of tens of millions of pounds, so the reserves table is probably in ${unit} (read as such, ${gbp(reserves * times)}), and the deficit's share of reserves and the year it exceeds them rest on it. ` +
    `Write usable_reserves_gbp in pounds; the run uses the figures as given.`
  );
}

/** A placement whose places-table row is far from the plans the run places there (budget/places-gap.ts). */
export interface PlacesOffPlans {
  placement: string;
  fy: string;
  places: number;
  plans: number;
  rate: number;
}

/** Places of some placements far from their plans: a digit too many or too few, most likely (budget/places-gap.ts). */
export function placesOutOfScale(off: readonly PlacesOffPlans[], range: readonly [number, number]): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-GB');
  const each = off.map((o) => `${o.placement} ${n(o.places)} places in ${o.fy} against ${n(o.plans)} plans (${gbp(o.places * o.rate)} of place funding, against ${gbp(o.plans * o.rate)} for as many places as plans)`);
  return (
    `Places: the places table is far from the plans placed there on the data's own path (without the scenario's levers or surges), under ×${range[0]} or over ×${range[1]}: ${each.join('; ')}. ` +
    `Places are filled by plans, so one of the two is probably off (a figure with a digit too many or too few, or another placement's places), and place funding is places × place rate, in every year's spend and balance. ` +
    `Check the places table; the run uses it as given.`
  );
}

/** Levers set to act that change no plan and no spend in any year of the run (budget/mitigations.ts idleLevers). */
export function leversActOnNothing(levers: ReadonlyArray<{ name: string; kind: string; cost: number }>): string {
  const each = levers.map((l) => `'${l.name}' (${l.kind}${l.cost > 0 ? `, delivery ${gbp(l.cost)} a year at base-year prices` : ''})`);
  return (
    `Mitigations: ${levers.length === 1 ? 'the lever' : 'the levers'} ${each.join(', ')} change${levers.length === 1 ? 's' : ''} no plan and no spend in any year of the run, so the mitigated figures are the unmitigated ones less the delivery cost: ` +
    `${levers.length === 1 ? 'it acts' : 'each acts'} on plans the run does not hold (a placement_shift from a placement with no plans moving into it, or a unit_cost_change of placements, ages, phases or needs no plan is in). ` +
    `Check ${levers.length === 1 ? 'its' : 'their'} from, placements and target; the run prices ${levers.length === 1 ? 'it' : 'them'} as written.`
  );
}

/**
 * Levers whose delivery cost is a large share of the LA's High Needs spend without the plan (budget/mitigations.ts
 * leversOutOfScale): `most` the share above which they are named.
 */
export function leverCostsOutOfScale(levers: ReadonlyArray<{ name: string; fy: string; cost: number; spend: number }>, most: number): string {
  const each = levers.map((l) => `'${l.name}' ${gbp(l.cost)} in ${l.fy}, ${share(l.cost / l.spend)} of the ${gbp(l.spend)} of High Needs spend that year without the plan`);
  const one = levers.length === 1;
  return (
    `Mitigations: the delivery cost of ${one ? 'the lever' : 'the levers'} ${each.join('; ')}, over ${share(most)}: no single lever of a recovery plan costs so large a part ` +
    `of a council's whole High Needs spend, so ${one ? 'its cost was' : 'their costs were'} most likely written for a larger council (a scenario shared between councils, ` +
    `such as the shipped mitigated.yaml, gives every LA the same pounds) or with a digit too many, and the mitigated figures carry ${one ? 'it' : 'them'}. ` +
    `Scale cost_gbp_per_year to this LA; the run prices ${one ? 'it' : 'them'} as written.`
  );
}
