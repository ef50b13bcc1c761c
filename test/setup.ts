/** Runs in every test file (vitest.config.ts): folders made by tempDir() are removed when the file's tests end. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
