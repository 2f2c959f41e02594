// Claiming due calendars with a lease, in a short transaction of its own, so several processes
// sharing one PostgreSQL database never read the same calendar at once: rows another process is
// claiming are skipped (FOR UPDATE SKIP LOCKED), and a claimed row stays taken until its lease runs
// out. A lease that ran out belonged to a process that died or stalled: the calendar is due again.
import type { Store } from '../../store/database.js';
import type { ExternalCalendarRow } from '../../store/schema-calendars.js';
import { inTransaction, type Tx } from '../../store/transaction.js';

export interface ClaimedCalendar extends ExternalCalendarRow {
  claimed_by: string;
  lease_until: number;
  /** The resource's zone (its own, else its location's, else its company's). */
  zone: string;
  ownerEmail: string | null;
}

export async function claimDueCalendars(store: Store, workerId: string, now: number, leaseMs: number, limit: number): Promise<ClaimedCalendar[]> {
  const dueQuery = (tx: Tx) => tx.selectFrom('external_calendars').select('id')
    .where('next_sync_at', '<=', now)
    .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]))
    .where('resource_id', 'in', tx.selectFrom('resources').select('id').where('deleted', '=', 0))
    .orderBy('next_sync_at').orderBy('id').limit(limit);
  // A plain read first: an idle poll never opens a write transaction (SQLite's one write lock).
  if (!(await dueQuery(store.db).executeTakeFirst())) return [];
  const claimed = await inTransaction(store, async (tx) => {
    let due = dueQuery(tx);
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return tx.updateTable('external_calendars').set({ claimed_by: workerId, lease_until: now + leaseMs })
      .where('id', 'in', ids).returningAll().execute();
  });
  if (claimed.length === 0) return [];
  const owners = await store.db.selectFrom('resources as r')
    .innerJoin('locations as l', 'l.id', 'r.location_id').innerJoin('companies as c', 'c.id', 'r.company_id')
    .select(['r.id', 'r.email', 'r.timezone', 'l.timezone as location_zone', 'c.timezone as company_zone'])
    .where('r.id', 'in', [...new Set(claimed.map((c) => c.resource_id))]).execute();
  const byId = new Map(owners.map((o) => [o.id, o]));
  return claimed.map((row) => {
    const owner = byId.get(row.resource_id);
    return {
      ...row, claimed_by: workerId, lease_until: now + leaseMs,
      zone: owner?.timezone ?? owner?.location_zone ?? owner?.company_zone ?? 'UTC', ownerEmail: owner?.email ?? null,
    };
  });
}
