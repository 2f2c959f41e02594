// The busy times of connected calendars, as the scheduling core takes them (ranges per resource),
// read from what the sync loop stored. Reading never waits for a calendar: a calendar that has
// not been read lately is marked due and the sync loop woken, and this request uses the last good
// busy times. A failing calendar's last good busy times stay until a read succeeds.
import type { Interval } from '../../core/types.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';

const DAY = 86_400_000;
/** Used when this process runs no sync loop: another process does, and reads what is marked due. */
const DEFAULT_STALE_AFTER_MS = 10_000;

/** Busy ranges per resource overlapping the window (widened by a week each side, as paddings may reach that far). */
export async function loadExternalBusy(tx: Tx, resourceIds: number[], window: Interval): Promise<Map<number, Interval[]>> {
  const byResource = new Map<number, Interval[]>();
  if (resourceIds.length === 0) return byResource;
  const rows = await tx.selectFrom('external_busy').select(['resource_id', 'start_at', 'end_at'])
    .where('resource_id', 'in', resourceIds)
    .where('start_at', '<', window.end + 7 * DAY).where('end_at', '>', window.start - 7 * DAY)
    .execute();
  for (const row of rows) {
    const ranges = byResource.get(row.resource_id) ?? [];
    ranges.push({ start: row.start_at, end: row.end_at });
    byResource.set(row.resource_id, ranges);
  }
  return byResource;
}

/**
 * Asks for a refresh of the resources' calendars whose busy times are older than the staleness
 * threshold, without waiting for it (nor letting it fail the caller): they are marked due, and this
 * process's sync loop is woken. Only a healthy calendar (its last read succeeded, or it was never
 * read) is pulled forward, and only once its data is older than the threshold, so under traffic it
 * is read at most once per threshold (a conditional read: a 304 when unchanged). A calendar whose
 * last read failed is never pulled forward: it waits out its retry backoff (its next_sync_at, set
 * when the read failed), however many requests arrive. Callers need not await the promise; it
 * never rejects, and resolves to whether anything was marked due.
 */
export function refreshStaleCalendars(ctx: ServiceContext, resourceIds: number[]): Promise<boolean> {
  if (resourceIds.length === 0) return Promise.resolve(false);
  const now = ctx.now();
  const staleBefore = now - (ctx.calendarSync?.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  const db = ctx.store.db;
  return (async () => {
    // A read first: most requests find nothing stale and never take SQLite's write lock.
    const stale = await db.selectFrom('external_calendars').select('id')
      .where('resource_id', 'in', resourceIds).where('next_sync_at', '>', now)
      .where('last_error', 'is', null)
      .where((w) => w.or([w('last_success_at', 'is', null), w('last_success_at', '<', staleBefore)]))
      .execute();
    if (stale.length === 0) return false;
    await db.updateTable('external_calendars').set({ next_sync_at: now })
      .where('id', 'in', stale.map((s) => s.id)).where('next_sync_at', '>', now).where('last_error', 'is', null)
      .where((w) => w.or([w('last_success_at', 'is', null), w('last_success_at', '<', staleBefore)]))
      .execute();
    ctx.calendarSync?.wake();
    return true;
  })().catch(() => false); // the store may be closing; the loop's own schedule still reads the calendar
}
