// Tests that run what a user runs (`npm start`, `node dist/cli.js`) need dist/ to match src/:
// this builds it when any source file is newer than the built CLI.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
  const path = join(dir, entry.name);
  return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
}, 0);

export function ensureBuilt(): void {
  let built = 0;
  try { built = statSync('dist/cli.js').mtimeMs; } catch { /* not built yet */ }
  if (built < newest('src')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
}

/** How long ensureBuilt may take on a slow machine (a full tsc run). */
export const BUILD_TIMEOUT_MS = 240_000;
