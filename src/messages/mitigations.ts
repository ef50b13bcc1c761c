/**
 * Messages of a scenario's mitigation levers taken together (budget/levers.ts). Those of one lever are in budget.ts.
 */

/** Unit-cost levers whose reductions on the same plans add up past the whole unit cost (leversPastWholeCost). */
export function leversPastWholeCost(o: { fy: string; names: string[]; placements: string[]; total: number }): string {
  const names = o.names.map((n) => `'${n}'`);
  const listed = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return (
    `Mitigations: ${listed} together take ${Math.round(o.total * 100)}% off the unit cost of the same plans` +
    `${o.placements.length > 0 && o.placements.length < 15 ? ` (${o.placements.join(', ')})` : ''} in ${o.fy}: no plan costs less than nothing, so the run ` +
    `prices them at £0, and the levers' savings on the Mitigations sheet add up to more than the spend they reduce, the 'Interaction between levers' line ` +
    `taking the excess back. Check the levers' effects (0.1 = 10% cheaper): reductions of levers on the same plans add up.`
  );
}
