/** User-facing messages about scenario files. */
import { counted } from '../util/plural.ts';

export function cannotRead(file: string, reason: string): string {
  return `${file}: cannot read the scenario file (${reason})`;
}

export function notYaml(file: string, line: number | undefined, reason: string): string {
  return `${file}${line !== undefined ? `:${line}` : ''}: not valid YAML: ${reason}`;
}

export function nestedTooDeep(): string {
  return 'its lists or mappings are nested too deeply to read (a scenario has a few levels of keys at most): the file is damaged or is not a scenario';
}

export function multipleDocuments(): string {
  return "the file holds more than one YAML document (a line '---' after its first keys, or two files pasted together): keep one scenario per file";
}

export function tooManyAliases(max: number): string {
  return `more than ${max} uses of aliases of anchors (*name): write the values out, or use 'extends:' to share them`;
}

export function badYamlKey(file: string, line: number | undefined, key: string): string {
  return `${file}${line !== undefined ? `:${line}` : ''}: the key ${JSON.stringify(key)} cannot be a scenario key: give a key such as 'costs' or 'horizon_years' (the README's Scenarios section lists them)`;
}

/** What a YAML tag a scenario does not read would make of its value. */
const TAG_MAKES: Readonly<Record<string, string>> = {
  '!!binary': 'binary data',
  '!!timestamp': 'a date',
  '!!set': 'a set',
  '!!omap': 'an ordered map',
  '!!pairs': 'a list of pairs',
};

export function oddYamlTag(file: string, line: number | undefined, path: string, tag: string): string {
  const makes = TAG_MAKES[tag];
  return `${file}${line !== undefined ? `:${line}` : ''}: at '${path}': the YAML tag '${tag}' ${makes ? `makes ${makes}, which a scenario does not read` : 'is not one a scenario reads'}: remove the tag (a scenario holds text, numbers, true/false, lists and mappings; its keys would otherwise be left out or its value misread)`;
}

export function nonDecimalNumber(file: string, line: number | undefined, path: string, written: string, value: number, base: string): string {
  return `${file}${line !== undefined ? `:${line}` : ''}: at '${path}': the number ${written} is written in ${base} (${value}): write it in decimal (${value} if that was meant), as the input tables' figures are`;
}

export function notAMapping(file: string): string {
  return `${file}: a scenario must be a YAML mapping of keys to values`;
}

export function emptyScenario(file: string): string {
  return `${file}: the scenario file holds no keys (it is empty, or comments only): a half-saved or wrongly copied file would otherwise run on the defaults under its name. Give the keys it changes, or 'extends: baseline.yaml' to run the baseline under another name`;
}

export function invalidKey(file: string, keyPath: string, expected: string, found: string): string {
  return `${file}: at '${keyPath}': expected ${expected}, found ${found}`;
}

export function unknownKey(file: string, keyPath: string, suggestion?: string): string {
  return `${file}: unknown key '${keyPath}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
}

/** A scenario whose `extends:` chain comes back to a file of it (`chain`: the files read, the repeated one last). */
export function extendsCycle(root: string, chain: readonly string[]): string {
  return `${root}: its 'extends' chain loops: ${chain.join(' → ')}; a scenario cannot extend itself, even through others`;
}

/** A scenario whose `extends:` chain holds more than `max` files. */
export function extendsTooLong(root: string, chain: readonly string[], max: number): string {
  const shown = chain.length > 4 ? [...chain.slice(0, 2), '…', ...chain.slice(-2)] : chain;
  return `${root}: its 'extends' chain holds more than ${max} files (${shown.join(' → ')}); a scenario extends a few others at most: shorten the chain`;
}

export function extendsMissing(file: string, target: string): string {
  return `${file}: 'extends: ${target}' names a file that does not exist`;
}

export function badId(file: string, id: string, why: string): string {
  return `${file}: scenario id ${JSON.stringify(id)} cannot name its output folder (${why}): set 'id:' to a name like 'baseline' or 'dbv-plan-2026'`;
}

export function duplicateId(id: string, firstFile: string, secondFile: string): string {
  return `${secondFile}: scenario id '${id}' is already used by ${firstFile} in this run; their outputs would overwrite each other: give one of them another 'id:'`;
}

export function extendsNotPath(file: string, found: string): string {
  return `${file}: at 'extends': expected the path of another scenario file (relative to this one), found ${found}`;
}

export function extendsFailed(file: string, target: string, reason: string): string {
  return `${file}: 'extends: ${target}' cannot be used: ${reason}`;
}

export function notFound(arg: string, looked: readonly string[]): string {
  return `${arg}: no such scenario file. Looked in:\n${looked.map((p) => `  - ${p}`).join('\n')}\nGive the path of the scenario file from where you run highneeds (or put it in one of those places).`;
}

/** A dated entry of a scenario that acts in none of the years the run projects (scenario/run-years.ts). */
export function neverActs(
  file: string,
  keyPath: string,
  what: string,
  why: string,
  fix: string,
  run: { baseYear: number; horizon: number; first: number; last: number },
): string {
  return (
    `${file}: at '${keyPath}': the ${what} would never act in this run: ${why}. The run starts from the January ${run.baseYear} census and projects ` +
    `${counted(run.horizon, 'year')} (censuses ${run.baseYear + 1}–${run.baseYear + run.horizon}, changed by the years beginning ${run.first}–${run.last}), so the run's figures ` +
    `would be those of a scenario without it, under this scenario's name. To make it act, ${fix}; or remove it.`
  );
}

export function tooManyMitigations(max: number): string {
  return `at most ${max} recovery-plan levers (each is projected on its own to find what it saves, so a run's time grows with the square of their number): merge levers of one kind`;
}

/** The start of rateAsWholeNumber: run puts such notes on stderr too. */
export const RATE_AS_WHOLE_NUMBER = 'Scenario rate: ';

export function rateAsWholeNumber(file: string, key: string, rate: number, years: number): string {
  const pct = (rate * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const factor = (1 + rate) ** years;
  const times = factor >= 1e6 ? factor.toExponential(1) : factor < 1 ? String(Number(factor.toPrecision(2))) : factor.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  return `${RATE_AS_WHOLE_NUMBER}${key} in ${file} is ${pct}% a year (${rate}), which multiplies by ${times} over ${years} years: a rate is a fraction or a percentage (0.05 or 5%), so ${rate} is ${pct}%. The figures are priced as written; if ${rate}% was meant, write ${rate / 100} or ${rate}%.`;
}

/** A money rate under a tenth of a per cent a year, not 0: a percentage written twice (`0.03%` for 3%; scenario/rate-notes.ts). */
export function rateAsPercentTwice(file: string, key: string, rate: number): string {
  const pct = Number((rate * 100).toPrecision(3));
  return (
    `${RATE_AS_WHOLE_NUMBER}${key} in ${file} is ${pct}% a year (${rate}): no price index or funding settlement moves by under a tenth of a per cent a year, so it is most likely a ` +
    `percentage written twice ('${pct}%' is ${rate}, not ${pct}). The figures are priced as written; if ${Number((pct * 100).toPrecision(3))}% was meant, write ${pct} or ${Number((pct * 100).toPrecision(3))}%.`
  );
}

export function textTooLong(what: string, max: number): string {
  return `${what} of at most ${max} characters (it is shown in the workbook, whose cells hold at most 32,767, and in the report)`;
}

/** A scenario amount above £0 but below `min`: in £ thousands, most likely (scenario/money-notes.ts). */
export function amountInThousands(file: string, key: string, what: string, value: number, min: number, why: string): string {
  const as = Number((value * 1000).toPrecision(12));
  return (
    `Scenario amount: ${key} in ${file} is £${value.toLocaleString('en-GB')} ${what}, under £${min.toLocaleString('en-GB')}: ${why}, so it is most likely a figure in £ thousands. ` +
    `The figures are priced as written; if £${as.toLocaleString('en-GB')} was meant, write ${as}.`
  );
}

/** funding.schools_block_transfer_gbp below £0 (scenario/money-notes.ts). */
export function negativeTransferInScenario(file: string, value: number): string {
  return (
    `Scenario amount: funding.schools_block_transfer_gbp in ${file} is -£${Math.abs(value).toLocaleString('en-GB')} a year, below £0: read as money moved out of the High Needs block into the schools block in every year, which lowers its income. ` +
    `A transfer from the schools block into the High Needs block, the usual one, is written above £0: if that is what it is, drop the minus sign.`
  );
}

/** funding.schools_block_gbp below £0 (scenario/money-notes.ts): the 0.5% check of the transfer is not made. */
export function negativeSchoolsBlock(file: string, value: number): string {
  return `Scenario amount: funding.schools_block_gbp in ${file} is -£${Math.abs(value).toLocaleString('en-GB')}, below £0, which no schools block is: the transfer is not checked against 0.5% of it. Write the schools block in pounds, above £0.`;
}
/** A scenario file among input files (etl/scenario-file.ts), checked and then passed over. */
export function scenarioNotData(): string {
  return 'a scenario, not data: skipped (give it to run as its SCENARIO; validate checks it as run reads it)';
}
/** A YAML file among input files that has no key of a scenario (etl/scenario-file.ts otherYamlReader). */
export function yamlNotScenario(): string {
  return 'a YAML file that is not a scenario (none of its keys is one of a scenario, such as id, extends or costs) nor data: skipped, nothing is read from it';
}
