/** User-facing messages about scenario files. */

export function cannotRead(file: string, reason: string): string {
  return `${file}: cannot read the scenario file (${reason})`;
}

export function notYaml(file: string, line: number | undefined, reason: string): string {
  return `${file}${line !== undefined ? `:${line}` : ''}: not valid YAML: ${reason}`;
}

export function notAMapping(file: string): string {
  return `${file}: a scenario must be a YAML mapping of keys to values`;
}

export function invalidKey(file: string, keyPath: string, expected: string, found: string): string {
  return `${file}: at '${keyPath}': expected ${expected}, found ${found}`;
}

export function unknownKey(file: string, keyPath: string, suggestion?: string): string {
  return `${file}: unknown key '${keyPath}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
}

export function extendsCycle(chain: string[]): string {
  return `scenario 'extends' chain loops: ${chain.join(' → ')}`;
}

export function extendsMissing(file: string, target: string): string {
  return `${file}: 'extends: ${target}' names a file that does not exist`;
}
