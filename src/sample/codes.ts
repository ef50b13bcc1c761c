/**
 * Code constants derived from the domain vocabulary, so the generator never spells a placement, need or phase
 * code as a bare string: `P.MS`, `N.ASD`, `PH.PRIMARY`.
 */
import { NEEDS, PHASES, PLACEMENTS, SEN2_SETTING, type Need, type Phase, type Placement } from '../domain/index.ts';

function keyMap<K extends string>(keys: readonly K[]): { readonly [k in K]: k } {
  return Object.fromEntries(keys.map((k) => [k, k])) as { [k in K]: k };
}

/** Placement codes: `P.MS === 'MS'`. */
export const P = keyMap<Placement>(PLACEMENTS);
/** Need codes: `N.ASD === 'ASD'`. */
export const N = keyMap<Need>(NEEDS);
/** Phase codes: `PH.PRIMARY === 'PRIMARY'`. */
export const PH = keyMap<Phase>(PHASES);

type Sen2Setting = keyof typeof SEN2_SETTING & string;
/** SEN2 `SENsetting` codes (the domain's mapping table keys): `S.OLA === 'OLA'`. */
export const S = keyMap<Sen2Setting>(Object.keys(SEN2_SETTING) as Sen2Setting[]);
export type { Sen2Setting };
