/**
 * Values of a scenario's YAML document that its plain JavaScript form would misread, found in the parsed document
 * (yaml's node tree) before it is turned into JavaScript: a tag a scenario does not read, a number in another base.
 */
import { isMap, isNode, isScalar, isSeq, type Node } from 'yaml';

/** A value of the document, its key path (`costs.inflation`, `surges[0].extra`) and where its key starts. */
interface Found {
  node: Node;
  path: string;
  keyOffset?: number;
}

/** The first value in document order (depth first) that `test` picks. */
function firstNode(root: unknown, test: (node: Node) => boolean): Found | undefined {
  const stack: Array<{ node: unknown; path: string; keyOffset?: number }> = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path, keyOffset } = stack.pop()!;
    if (!isNode(node)) continue;
    if (test(node)) return { node, path: path || '(the file)', ...(keyOffset !== undefined ? { keyOffset } : {}) };
    const next: typeof stack = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        next.push({ node: pair.value, path: path ? `${path}.${k}` : k, keyOffset: isNode(pair.key) ? pair.key.range?.[0] : undefined });
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => next.push({ node: item, path: `${path}[${i}]` }));
    stack.push(...next.reverse());
  }
  return undefined;
}

/** The tags of the values a scenario holds (`!` is YAML's non-specific tag, a plain value). */
const PLAIN_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`)]);

/**
 * The first value with a tag a scenario does not read, its key path and where its key or list item starts.
 * `costs: !!omap [inflation: 0.2]` ran at the default inflation (an ordered map is no mapping to the schema, so its
 * keys were left out), and `!!binary` or `!!timestamp` values were called 'a mapping'.
 */
export function oddTag(root: unknown): { tag: string; path: string; offset?: number } | undefined {
  const f = firstNode(root, (node) => node.tag !== undefined && !PLAIN_TAGS.has(node.tag));
  if (!f) return undefined;
  return { tag: f.node.tag!.replace(/^tag:yaml\.org,2002:/, '!!'), path: f.path, offset: f.keyOffset ?? f.node.range?.[0] };
}

/**
 * The first number written in hexadecimal or octal (`0x10`, `0o17`), which YAML's core schema reads as 16 and 15:
 * `horizon_years: 0x10` ran 16 years, where every table refuses '0x10'.
 */
export function nonDecimal(root: unknown): { path: string; offset?: number; written: string; value: number; base: 'hexadecimal' | 'octal' } | undefined {
  const f = firstNode(root, (node) => isScalar(node) && (node.format === 'HEX' || node.format === 'OCT') && typeof node.value === 'number');
  if (!f || !isScalar(f.node)) return undefined;
  const { format, source, range } = f.node;
  const value = f.node.value as number;
  const written = source ?? (format === 'HEX' ? `0x${value.toString(16)}` : `0o${value.toString(8)}`);
  return { path: f.path, offset: range?.[0], written, value, base: format === 'HEX' ? 'hexadecimal' : 'octal' };
}
