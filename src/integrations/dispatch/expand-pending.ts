// Finds events not yet expanded and reminders that are due, and expands each in its own short
// transaction. On PostgreSQL the row is locked with SKIP LOCKED, so several processes share the
// work without waiting on each other or expanding anything twice; SQLite has a single writer. The
// candidates are found with a plain read, so an idle pass opens no write transaction.
//
// A row whose expansion fails (logged) is retried with the deliveries' backoff and is no candidate
// while it waits, so rows that keep failing never crowd newer ones out of the batch. Once the next
// try would fall past the give-up total (counted from the event's creation or the reminder's due
// time), it is given up: an event gets failed_at, a reminder the status `failed`, both with
// last_error, and an error is logged.
import type { Store } from '../../store/database.js';
import { inTransaction, type Tx } from '../../store/transaction.js';
import type { Logger } from './logger.js';
import { retryDelay } from './backoff.js';
import { expandEvent, type ExpandOptions } from './expand-event.js';
import { expandReminder } from './expand-reminder.js';

interface Candidate { id: number; attempts: number; /** When the give-up total starts. */ since: number }

/** What differs between events and reminders; the loop in expandPending is the same for both. */
interface PendingSource {
  what: 'event' | 'reminder';
  due(db: Tx, now: number, limit: number): Promise<Candidate[]>;
  /** Locks the row if still pending and expands it; false if it is gone or another process has it. */
  expandOne(store: Store, tx: Tx, id: number, opts: ExpandOptions): Promise<boolean>;
  /** Records a failed try, fenced on the attempts seen so two processes cannot both count it. */
  recordFailure(db: Tx, c: Candidate, f: { nextAttemptAt: number; error: string; giveUp: boolean; now: number }): Promise<void>;
}

const events: PendingSource = {
  what: 'event',
  due: (db, now, limit) => db.selectFrom('notification_events').select(['id', 'attempts', 'created_at as since'])
    .where('expanded_at', 'is', null).where('failed_at', 'is', null).where('next_attempt_at', '<=', now)
    .orderBy('id').limit(limit).execute(),
  async expandOne(store, tx, id, opts) {
    let query = tx.selectFrom('notification_events').selectAll().where('id', '=', id).where('expanded_at', 'is', null).where('failed_at', 'is', null);
    if (store.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const event = await query.executeTakeFirst();
    if (!event) return false;
    await expandEvent(tx, event, opts);
    return true;
  },
  async recordFailure(db, c, f) {
    await db.updateTable('notification_events')
      .set({ attempts: c.attempts + 1, next_attempt_at: f.nextAttemptAt, last_error: f.error, failed_at: f.giveUp ? f.now : null })
      .where('id', '=', c.id).where('attempts', '=', c.attempts).where('expanded_at', 'is', null).execute();
  },
};

const reminders: PendingSource = {
  what: 'reminder',
  due: (db, now, limit) => db.selectFrom('notification_reminders').select(['id', 'attempts', 'due_at as since'])
    .where('status', '=', 'pending').where('due_at', '<=', now).where('next_attempt_at', '<=', now)
    .orderBy('due_at').orderBy('id').limit(limit).execute(),
  async expandOne(store, tx, id, opts) {
    let query = tx.selectFrom('notification_reminders').selectAll().where('id', '=', id).where('status', '=', 'pending');
    if (store.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const reminder = await query.executeTakeFirst();
    if (!reminder) return false;
    await expandReminder(tx, reminder, opts);
    return true;
  },
  async recordFailure(db, c, f) {
    await db.updateTable('notification_reminders')
      .set({ attempts: c.attempts + 1, next_attempt_at: f.nextAttemptAt, last_error: f.error, ...(f.giveUp ? { status: 'failed' as const, done_at: f.now } : {}) })
      .where('id', '=', c.id).where('attempts', '=', c.attempts).where('status', '=', 'pending').execute();
  },
};

async function expandPending(source: PendingSource, store: Store, opts: ExpandOptions, limit: number, log: Logger): Promise<number> {
  const candidates = await source.due(store.db, opts.now, limit);
  let handled = 0;
  for (const c of candidates) {
    try {
      if (await inTransaction(store, (tx) => source.expandOne(store, tx, c.id, opts))) handled++;
    } catch (error) {
      handled++; // now backing off: the next pass at once finds the rows behind it

      const nextAttemptAt = opts.now + retryDelay(c.attempts + 1, opts.policy, opts.random);
      const giveUp = nextAttemptAt > c.since + opts.policy.giveUpAfterMs;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const fields = { err: error, [`${source.what}Id`]: c.id, attempt: c.attempts + 1 };
      if (giveUp) log.error(fields, `could not expand notification ${source.what}; gave up (marked failed)`);
      else log.error({ ...fields, nextAttemptAt }, `could not expand notification ${source.what}; will retry`);
      try {
        await source.recordFailure(store.db, c, { nextAttemptAt, error: message, giveUp, now: opts.now });
      } catch (recordError) {
        log.error({ err: recordError, [`${source.what}Id`]: c.id }, `could not record a failed ${source.what} expansion`);
      }
    }
  }
  return handled;
}

/** Each returns how many rows it expanded or recorded as failed (a caller goes again at once when > 0). */
export const expandPendingEvents = (store: Store, opts: ExpandOptions, limit: number, log: Logger) => expandPending(events, store, opts, limit, log);
export const expandDueReminders = (store: Store, opts: ExpandOptions, limit: number, log: Logger) => expandPending(reminders, store, opts, limit, log);
