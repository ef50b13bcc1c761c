/**
 * A count with its noun in the right number.
 * @example counted(1, 'row') // '1 row'
 * @example counted(1200, 'row', 'rows', (n) => n.toLocaleString('en-GB')) // '1,200 rows'
 */
export function counted(n: number, one: string, many = `${one}s`, show: (n: number) => string = String): string {
  return `${show(n)} ${n === 1 ? one : many}`;
}
