// Runs in every test file (vitest setupFiles): whatever makeTempDir made is removed at the end.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

afterAll(() => removeTempDirs());
