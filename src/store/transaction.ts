// One transaction per user action. Bookings are serialised per resource inside it:
// SQLite takes the single write lock up front (BEGIN IMMEDIATE) so the availability re-check and the
// write cannot interleave with another writer; PostgreSQL locks the resource rows in id order.
import { sql, type Kysely } from 'kysely';
import type { Store } from './database.js';
import type { Database } from './schema.js';

export type Tx = Kysely<Database>;

export async function inTransaction<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** Locks the given resources for the rest of the transaction, always in ascending id order to avoid deadlocks. */
export async function lockResources(store: Store, tx: Tx, resourceIds: number[]): Promise<void> {
  if (store.dialect !== 'postgres' || resourceIds.length === 0) return;
  const ids = [...new Set(resourceIds)].sort((a, b) => a - b);
  await tx.selectFrom('resources').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
  if (TEST_PAUSE_AFTER_LOCK_MS > 0) await pauseForTest(ids);
}

// TEST ONLY (see docs/operations.md): OPENSLOT_TEST_PAUSE_AFTER_LOCK_MS makes each transaction wait
// that long right after locking its resources, announcing it on stderr, so a test can freeze the
// process (SIGSTOP) while it holds the locks. Unset, and so off, everywhere else.
const TEST_PAUSE_AFTER_LOCK_MS = Number(process.env.OPENSLOT_TEST_PAUSE_AFTER_LOCK_MS ?? 0);

async function pauseForTest(ids: number[]): Promise<void> {
  process.stderr.write(`TEST PAUSE: holding the locks of resources ${ids.join(',')} for ${TEST_PAUSE_AFTER_LOCK_MS} ms\n`);
  await new Promise((resolve) => setTimeout(resolve, TEST_PAUSE_AFTER_LOCK_MS));
}
