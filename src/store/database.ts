// Opens the database named by DATABASE_URL: `sqlite:./path.db`, `sqlite::memory:` or `postgres://…`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { cachingStatements } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where files that belong beside the database (the generated secret key) go; null for in-memory and PostgreSQL. */
  dataDir: string | null;
  close(): Promise<void>;
}

// BIGINT ids and epoch-millisecond times fit easily in a double; read them as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openStore(url: string, options: { poolSize?: number } = {}): Store {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, admin termination) must not crash the
    // process; the pool replaces it on next use.
    pool.on('error', (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', dataDir: null, close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const memory = path === ':memory:' || path === '';
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(memory ? ':memory:' : path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    return { db, dialect: 'sqlite', dataDir: memory ? null : dirname(path), close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}
