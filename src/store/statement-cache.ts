// SQLite statements are compiled once per SQL text and reused, instead of once per query: preparing
// was the heaviest single cost of a small request (about 13 % of a one-day availability request's
// CPU, measured with bench/http/profile.ts). Kysely's SQLite driver only needs prepare() and close(),
// so a cache in front of better-sqlite3 is invisible to everything above the store.
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept; `in (…)` lists of every length are separate texts, so the cache is bounded. */
const CAPACITY = 1000;

export function cachingStatements(db: Database, capacity = CAPACITY): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => { statements.clear(); db.close(); },
    prepare(sql: string) {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot run again until it is done.
      if (cached && !cached.busy) {
        statements.delete(sql); // most recently used goes last
        statements.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
