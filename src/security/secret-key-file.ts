// When OPENSLOT_SECRET_KEY is unset, the key is generated once into a 0600 file beside the database.
// Several processes may start at once: the exclusive create ('wx') lets exactly one of them write it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from './secrets.js';

export function loadOrCreateSecretKey(dir: string): string {
  const path = join(dir, 'openslot-secret.key');
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path, randomToken(32), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}
