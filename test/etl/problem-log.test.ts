import { describe, expect, it } from 'vitest';
import { PROBLEM_CAP, ProblemLog } from '../../src/etl/problem-log.ts';

describe('ProblemLog (the one log of the table and SEN2 readers)', () => {
  it('locates a problem in its own file by line and column, or anywhere by file, line and XML path', () => {
    const log = new ProblemLog('a.csv');
    log.error('bad number', 3, 'count');
    log.warn('no rows yet', 1);
    log.error({ file: 'b.xml', line: 7, path: 'Message/Persons/Person' }, 'bad date');
    log.warn({ path: 'Message/Header' }, 'odd header');
    const { errors, warnings } = log.finish();
    expect(errors).toEqual([
      { file: 'a.csv', message: 'bad number', line: 3, column: 'count' },
      { file: 'b.xml', path: 'Message/Persons/Person', message: 'bad date', line: 7 },
    ]);
    expect(warnings).toEqual([{ file: 'a.csv', message: 'no rows yet', line: 1 }, { file: 'a.csv', path: 'Message/Header', message: 'odd header' }]);
    expect(log.errorCount).toBe(2);
  });

  it('lists the first PROBLEM_CAP of each severity and closes with one "… and N more" line', () => {
    const log = new ProblemLog('big.csv');
    for (let i = 1; i <= PROBLEM_CAP + 5; i++) log.error(`bad ${i}`, i);
    log.warn('one warning', 1);
    const { errors, warnings } = log.finish();
    expect(log.errorCount).toBe(PROBLEM_CAP + 5);
    expect(errors).toHaveLength(PROBLEM_CAP + 1);
    expect(errors.at(-1)).toEqual({ file: 'big.csv', message: `… and 5 more errors (only the first ${PROBLEM_CAP} are listed)` });
    expect(warnings).toHaveLength(1);
  });

  it('counts problems a set-based check found but did not fetch, in the same closing line', () => {
    const log = new ProblemLog();
    log.error({ file: 'person.csv', line: 2, path: 'person/UPN' }, 'duplicate person');
    log.more('error', 40);
    log.more('warning', 0);
    const { errors, warnings } = log.finish();
    expect(log.errorCount).toBe(41);
    expect(errors.at(-1)).toEqual({ message: '… and 40 more errors (only the first is listed)' });
    expect(warnings).toEqual([]);
  });
});
