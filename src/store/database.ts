// Opens the database named by DATABASE_URL: `sqlite:./path.db`, `sqlite::memory:` or `postgres://…`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { OperatorError } from '../operator-error.js';
import type { PostgresTimeouts } from '../config.js';
import { cachingStatements } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where files that belong beside the database (the generated secret key) go; null for in-memory and PostgreSQL. */
  dataDir: string | null;
  /** PostgreSQL: connections checked out and requests waiting for one (for /metrics). */
  poolStats?: () => { inUse: number; waiting: number };
  close(): Promise<void>;
}

// BIGINT ids and epoch-millisecond times fit easily in a double; read them as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export const isPostgresUrl = (url: string) => url.startsWith('postgres://') || url.startsWith('postgresql://');

export interface StoreOptions {
  poolSize?: number;
  /** PostgreSQL session limits; each is set on every connection of the pool. */
  timeouts?: PostgresTimeouts;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { lockTimeoutMs: 3_000, statementTimeoutMs: 5_000, idleInTransactionTimeoutMs: 5_000 };
/** PostgreSQL's own defaults (0: no limit), for migrations. */
export const NO_POSTGRES_TIMEOUTS: PostgresTimeouts = { lockTimeoutMs: 0, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 };

export function openStore(url: string, options: StoreOptions = {}): Store {
  if (isPostgresUrl(url)) {
    const timeouts = options.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS;
    const pool = new pg.Pool({
      connectionString: url, max: options.poolSize ?? 10,
      // A server that accepts no connection must fail a request, not queue it forever.
      connectionTimeoutMillis: Math.max(timeouts.statementTimeoutMs, 5_000),
      lock_timeout: timeouts.lockTimeoutMs,
      statement_timeout: timeouts.statementTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    });
    // An idle connection dropped by the server (restart, admin termination) must not crash the
    // process; the pool replaces it on next use.
    pool.on('error', (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`));
    // The same for a connection in use: the server ends a session idle in a transaction too long
    // (a frozen process) between two queries. The transaction's next query then fails, it is rolled
    // back, and the pool discards the connection; without this listener the process would crash.
    pool.on('connect', (client) => client.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`)));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = () => ({ inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: 'postgres', dataDir: null, poolStats, close: () => db.destroy() };
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
  throw new OperatorError(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}
