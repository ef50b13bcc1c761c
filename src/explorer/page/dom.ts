/** Small DOM helpers for the explorer page. */

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/**
 * Creates an element with attributes (`on…` keys become listeners) and children.
 * @example h('button', { type: 'button', onclick: () => undo() }, 'Undo')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

/**
 * An element as data, as `h` would make it (no listeners): what `morph` writes into the page. Made on every lever
 * move for the headline, the note and the tables, where making every cell as an element only to compare it with
 * the page's was a tenth of a move's main-thread time.
 */
export interface VNode {
  /** The tag name as the page's `tagName` reads (upper case). */
  tag: string;
  attrs: Array<[string, string]>;
  children: Array<VNode | string>;
}

/**
 * An element as data, with `h`'s attributes (undefined and false left out, true as '') and children.
 * @example v('td', { class: neg ? 'neg' : undefined }, '£1.2m')
 */
export function v(tag: keyof HTMLElementTagNameMap, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Array<VNode | string | undefined>): VNode {
  const list: Array<[string, string]> = [];
  for (const [k, a] of Object.entries(attrs)) if (a !== undefined && a !== false) list.push([k, a === true ? '' : String(a)]);
  return { tag: tag.toUpperCase(), attrs: list, children: children.filter((c): c is VNode | string => c !== undefined) };
}

/** The element (or text) a VNode describes, as `h` makes it. */
export function toNode(n: VNode | string): Node {
  if (typeof n === 'string') return document.createTextNode(n);
  const el = document.createElement(n.tag.toLowerCase());
  for (const [k, a] of n.attrs) el.setAttribute(k, a);
  for (const c of n.children) el.append(toNode(c));
  return el;
}

/**
 * Makes `parent`'s children equal to `next`, changing only what differs: a text that changed, an attribute, a row
 * added or removed. Replacing them all on every lever move made the browser restyle, reshape and lay out every cell
 * of the page's tables again.
 * @example morph(tablesSection, [v('h2', {}, 'The numbers'), moneyTable(o, r)])
 */
export function morph(parent: Element, next: ReadonlyArray<VNode | string>): void {
  const nodes = parent.childNodes;
  for (let i = 0; i < next.length; i++) {
    const was = nodes[i];
    const now = next[i]!;
    if (!was) parent.append(toNode(now));
    else if (typeof now === 'string') {
      if (!(was instanceof Text)) parent.replaceChild(document.createTextNode(now), was);
      else if (was.data !== now) was.data = now;
    } else if (was instanceof Element && was.tagName === now.tag) {
      const attrs = was.attributes;
      for (let k = attrs.length - 1; k >= 0; k--) {
        const name = attrs[k]!.name;
        if (!now.attrs.some(([n]) => n === name)) was.removeAttribute(name);
      }
      for (const [k, a] of now.attrs) if (was.getAttribute(k) !== a) was.setAttribute(k, a);
      morph(was, now.children);
    } else parent.replaceChild(toNode(now), was);
  }
  while (nodes.length > next.length) parent.lastChild!.remove();
}

/** Offers text as a file download (a Blob URL: nothing leaves the machine). */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
