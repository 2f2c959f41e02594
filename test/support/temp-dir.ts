// Temporary folders for tests, removed when the test file finishes (test/support/cleanup.ts runs
// removeTempDirs after every file), so a run leaves nothing behind in the system temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every name starts with this, so a leftover is easy to spot (and to count: see the README). */
export const TEMP_PREFIX = 'openslot-test-';
const made: string[] = [];

export function makeTempDir(purpose = 'tmp'): string {
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${purpose}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
