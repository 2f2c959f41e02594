// Claiming due deliveries with a lease, in a short transaction of its own. A claim bumps
// `attempts`, and every later write about the attempt is fenced on (claimed_by, attempts): if this
// process stalls past its lease and another takes the delivery over, the stale result is ignored.
// A delivery still "sending" when its lease ran out belonged to a process that died: it is due again.
// The lease is short (10 s by default) and renewed while the send is in flight, so a live process
// keeps a slow send and a dead one's deliveries are taken over within seconds.
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import type { NotificationDeliveryRow } from '../../store/schema-notify.js';
import { inTransaction, type Tx } from '../../store/transaction.js';

export async function claimDueDeliveries(store: Store, workerId: string, now: number, leaseMs: number, limit: number): Promise<NotificationDeliveryRow[]> {
  const dueQuery = (tx: Tx) => tx.selectFrom('notification_deliveries').select('id')
    .where((w) => w.or([
      w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', now)]),
      w.and([w('status', '=', 'sending'), w('lease_until', '<=', now)]),
    ]))
    .orderBy('next_attempt_at').limit(limit);
  // A plain read first: an idle tick never opens a write transaction (SQLite's one write lock,
  // which bookings need), in any process.
  if (!(await dueQuery(store.db).executeTakeFirst())) return [];
  return inTransaction(store, async (tx) => {
    let due = dueQuery(tx);
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return tx.updateTable('notification_deliveries')
      .set({ status: 'sending', claimed_by: workerId, lease_until: now + leaseMs, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', ids).returningAll().execute();
  });
}

/**
 * Extends the leases of the deliveries this process is sending now, in one statement. Fenced on the
 * claimant: a delivery another process has taken over is not renewed.
 */
export async function renewLeases(store: Store, workerId: string, ids: readonly number[], now: number, leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await store.db.updateTable('notification_deliveries').set({ lease_until: now + leaseMs })
    .where('claimed_by', '=', workerId).where('status', '=', 'sending').where('id', 'in', ids)
    .execute();
}
