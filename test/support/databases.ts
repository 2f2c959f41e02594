// The backends a store or end-to-end suite runs against: always SQLite (a fresh file), and
// PostgreSQL when it answers. TEST_DATABASE_URL (set by .ci/run) makes PostgreSQL mandatory; without
// it, a local server at 127.0.0.1:5432 is used when present, and its absence is printed, not hidden.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { makeTempDir } from './temp-dir.js';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Creates a fresh, empty database and returns its URL. */
  create(): Promise<string>;
  /** Drops what create() made. */
  dropAll(): Promise<void>;
}

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.TEST_DATABASE_URL;
const adminUrl = required ?? DEFAULT_PG;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try { await client.connect(); await client.query('select 1'); return true; } catch { return false; } finally { await client.end().catch(() => {}); }
}

export const postgresAvailable: boolean = await reachable(adminUrl);
if (!postgresAvailable) {
  if (required) throw new Error(`TEST_DATABASE_URL=${required} is set but PostgreSQL does not answer there`);
  console.warn(`NOTICE: PostgreSQL is not reachable at ${DEFAULT_PG}: the PostgreSQL runs of the store and end-to-end suites are SKIPPED.`);
}

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  create: async () => `sqlite:${join(makeTempDir('sqlite'), 'openslot.db')}`,
  dropAll: async () => {},
};

function postgresBackend(): TestBackend {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try { return await fn(client); } finally { await client.end(); }
  };
  return {
    name: 'postgres',
    create: async () => {
      const name = `openslot_test_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`create database ${name}`));
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    dropAll: async () => {
      for (const name of made.splice(0)) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** SQLite always; PostgreSQL when reachable. Use with describe.each. */
export const backends: TestBackend[] = postgresAvailable ? [sqliteBackend, postgresBackend()] : [sqliteBackend];
