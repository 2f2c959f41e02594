// Writing what one read of a calendar found, in one transaction fenced on the claim: if this
// process stalled past its lease and another took the calendar over (or the calendar was deleted
// meanwhile), nothing is written. A failed read records its error and keeps the busy times of the
// last good read; a successful one replaces them all at once, so no reader sees half a calendar.
import type { Interval } from '../../core/types.js';
import type { Store } from '../../store/database.js';
import { inTransaction } from '../../store/transaction.js';
import type { ClaimedCalendar } from './claim-calendars.js';
import type { Validators } from './source.js';
import { calendarSyncs } from '../../metrics/counters.js';

export type SyncOutcome =
  | { ok: true; changed: false; validators: Validators }
  | { ok: true; changed: true; busy: Interval[]; window: Interval; validators: Validators }
  /** `permanent`: the URL's address is refused; it is not read again until someone asks (POST …/sync). */
  | { ok: false; error: string; permanent?: boolean };

export interface Timing { intervalMs: number; firstRetryMs: number; retryMs: number }

/**
 * The wait after `failures` failed reads in a row (this one included): short at first, so a feed
 * that was briefly down or not yet published is read again soon, doubling up to the cap.
 */
export function retryDelay(failures: number, timing: Timing, intervalMs: number): number {
  return Math.min(intervalMs, timing.retryMs, timing.firstRetryMs * 2 ** Math.max(0, failures - 1));
}

const BATCH = 500;
/** next_sync_at of a calendar that is read only when asked again. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Returns false when the claim was lost and nothing was written. */
export async function recordSync(store: Store, calendar: ClaimedCalendar, outcome: SyncOutcome, now: number, timing: Timing): Promise<boolean> {
  const recorded = await writeSync(store, calendar, outcome, now, timing);
  if (recorded) calendarSyncs.inc({ outcome: outcome.ok ? 'ok' : 'failed' });
  return recorded;
}

function writeSync(store: Store, calendar: ClaimedCalendar, outcome: SyncOutcome, now: number, timing: Timing): Promise<boolean> {
  const interval = calendar.interval_minutes ? calendar.interval_minutes * 60_000 : timing.intervalMs;
  return inTransaction(store, async (tx) => {
    const common = { lease_until: null, claimed_by: null, last_attempt_at: now, updated_at: now };
    const set = outcome.ok
      ? {
        ...common, next_sync_at: now + interval, last_success_at: now, last_error: null, failures: 0,
        etag: outcome.validators.etag, last_modified: outcome.validators.lastModified, ctag: outcome.validators.ctag,
        ...(outcome.changed ? { busy_from: outcome.window.start, busy_until: outcome.window.end, busy_count: outcome.busy.length } : {}),
      }
      : { ...common, next_sync_at: outcome.permanent ? NEVER : now + retryDelay(calendar.failures + 1, timing, interval), last_error: outcome.error, failures: calendar.failures + 1 };
    const fenced = await tx.updateTable('external_calendars').set(set)
      .where('id', '=', calendar.id).where('claimed_by', '=', calendar.claimed_by).where('lease_until', '=', calendar.lease_until)
      .executeTakeFirst();
    if (Number(fenced.numUpdatedRows) === 0) return false;
    if (outcome.ok && outcome.changed) {
      await tx.deleteFrom('external_busy').where('calendar_id', '=', calendar.id).execute();
      const rows = outcome.busy.map((b) => ({ calendar_id: calendar.id, resource_id: calendar.resource_id, start_at: b.start, end_at: b.end }));
      for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto('external_busy').values(rows.slice(i, i + BATCH)).execute();
    }
    return true;
  });
}
