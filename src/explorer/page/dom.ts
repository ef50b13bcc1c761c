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
 * Makes `parent`'s children equal to `next` (elements made by `h` with no listeners: tables, cards), changing only
 * what differs: a text that changed, an attribute, a row added or removed. Replacing them all on every lever move
 * made the browser restyle, reshape and lay out every cell of the page's tables again.
 * @example morph(tablesSection, [h('h2', {}, 'The numbers'), moneyTable(o, r)])
 */
export function morph(parent: Element, next: Node[]): void {
  for (let i = 0; i < next.length; i++) {
    const was = parent.childNodes[i];
    const now = next[i]!;
    if (!was) parent.append(now);
    else if (was instanceof Text && now instanceof Text) {
      if (was.data !== now.data) was.data = now.data;
    } else if (was instanceof Element && now instanceof Element && was.tagName === now.tagName) {
      for (const a of [...was.attributes]) if (!now.hasAttribute(a.name)) was.removeAttribute(a.name);
      for (const a of now.attributes) if (was.getAttribute(a.name) !== a.value) was.setAttribute(a.name, a.value);
      morph(was, [...now.childNodes]);
    } else parent.replaceChild(now, was);
  }
  while (parent.childNodes.length > next.length) parent.lastChild!.remove();
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
