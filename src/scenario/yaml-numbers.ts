/** Numbers a scenario's YAML holds in a base other than ten. */
import { isMap, isScalar, isSeq } from 'yaml';

/**
 * The first number written in hexadecimal or octal (`0x10`, `0o17`), which YAML's core schema reads as 16 and 15:
 * `horizon_years: 0x10` ran 16 years, where every table refuses '0x10'.
 */
export function nonDecimal(root: unknown): { path: string; offset?: number; written: string; value: number; base: 'hexadecimal' | 'octal' } | undefined {
  const stack: Array<{ node: unknown; path: string }> = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isScalar(node) && (node.format === 'HEX' || node.format === 'OCT') && typeof node.value === 'number') {
      const written = node.source ?? (node.format === 'HEX' ? `0x${node.value.toString(16)}` : `0o${node.value.toString(8)}`);
      return { path: path || '(the file)', offset: node.range?.[0], written, value: node.value, base: node.format === 'HEX' ? 'hexadecimal' : 'octal' };
    }
    const next: typeof stack = [];
    if (isMap(node)) {
      for (const pair of node.items) next.push({ node: pair.value, path: path ? `${path}.${isScalar(pair.key) ? String(pair.key.value) : String(pair.key)}` : String(isScalar(pair.key) ? pair.key.value : pair.key) });
    } else if (isSeq(node)) node.items.forEach((item, i) => next.push({ node: item, path: `${path}[${i}]` }));
    stack.push(...next.reverse());
  }
  return undefined;
}
