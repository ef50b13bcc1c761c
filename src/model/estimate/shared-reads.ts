/**
 * What the aggregate estimate reads of its fallbacks (an LA's region, England) that does not depend on the LA: their
 * cohort progression, their new plans by age. Every LA of a region reads the same, so a forecast of a batch at one
 * origin (forecast/central.ts) makes each once, not once per LA (on the 2022 release, 152 LAs against 9 regions and
 * England). An instance lives for one batch at one origin, whose datasets nothing changes while it is used; results
 * are handed out as made, and a caller that changes one copies it first.
 * @example const shared = new SharedReads(); shared.once([region], 'progression 2022 2', () => make()) // made once
 */
export class SharedReads {
  private readonly ids = new Map<object, number>();
  private readonly made = new Map<string, unknown>();

  /** The value `make` gives for `what` of these objects (by identity, in order): made at the first call only. */
  once<T>(of: readonly object[], what: string, make: () => T): T {
    let key = what;
    for (const o of of) {
      let id = this.ids.get(o);
      if (id === undefined) this.ids.set(o, (id = this.ids.size));
      key += ` ${id}`;
    }
    if (this.made.has(key)) return this.made.get(key) as T;
    const value = make();
    this.made.set(key, value);
    return value;
  }
}
