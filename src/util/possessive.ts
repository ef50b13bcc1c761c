/**
 * The possessive of a name (an LA, a region, a placement, a list of LAs): a bare apostrophe after a final s, as in
 * "East Midlands'" or "Tower Hamlets'", and 's after anything else, as in "Wandsworth's" or "Kent (886)'s".
 * @example possessive('East Midlands') // "East Midlands'"
 * @example possessive('Wandsworth') // "Wandsworth's"
 */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
