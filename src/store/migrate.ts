// Applies pending migrations. Concurrent starts of several processes take turns, so exactly one of
// them creates the schema and the rest find it done: PostgreSQL through a session advisory lock,
// SQLite by running all of it inside one BEGIN IMMEDIATE (the database's single write lock).
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './database.js';
import * as initial from './migrations/001_initial.js';

const MIGRATION_LOCK = 7_316_224_001;

function provider(store: Store): MigrationProvider {
  const all: Record<string, Migration> = {
    '001_initial': { up: (db) => initial.up(db, store.dialect) },
    '002_acuity': { up: async (db) => (await import('./migrations/002_acuity.js')).up(db, store.dialect) },
    '003_onsched': { up: async (db) => (await import('./migrations/003_onsched.js')).up(db, store.dialect) },
    '004_outbox': { up: async (db) => (await import('./migrations/004_outbox.js')).up(db, store.dialect) },
    '005_external_calendars': { up: async (db) => (await import('./migrations/005_external_calendars.js')).up(db, store.dialect) },
    '006_notify_retries': { up: async (db) => (await import('./migrations/006_notify_retries.js')).up(db, store.dialect) },
    '007_onsched_v3': { up: async (db) => (await import('./migrations/007_onsched_v3.js')).up(db, store.dialect) },
    '008_onsched_setup': { up: async (db) => (await import('./migrations/008_onsched_setup.js')).up(db, store.dialect) },
    '009_company_lifecycle': { up: async (db) => (await import('./migrations/009_company_lifecycle.js')).up(db, store.dialect) },
    '011_booking_page': { up: async (db) => (await import('./migrations/011_booking_page.js')).up(db, store.dialect) },
    '013_performance': { up: async (db) => (await import('./migrations/013_performance.js')).up(db, store.dialect) },
    '014_resource_booking_limit': { up: async (db) => (await import('./migrations/014_resource_booking_limit.js')).up(db) },
    '015_snapshots_and_hold_options': { up: async (db) => (await import('./migrations/015_snapshots_and_hold_options.js')).up(db, store.dialect) },
  };
  return { getMigrations: async () => all };
}

export async function migrate(store: Store): Promise<string[]> {
  const run = async (db = store.db, disableTransactions = false) => {
    const { error, results } = await new Migrator({ db, provider: provider(store), disableTransactions }).migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (store.dialect === 'sqlite') {
    return store.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const applied = await run(conn, true);
        await sql`commit`.execute(conn);
        return applied;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    });
  }
  return store.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
