// Finds events not yet expanded and reminders that are due, and expands each in its own short
// transaction. On PostgreSQL the row is locked with SKIP LOCKED, so several processes share the
// work without waiting on each other or expanding anything twice; SQLite has a single writer.
// One row per transaction: a row that cannot be expanded (logged) never holds back the others.
import type { Store } from '../../store/database.js';
import { inTransaction } from '../../store/transaction.js';
import type { Logger } from './logger.js';
import { expandEvent, type ExpandOptions } from './expand-event.js';
import { expandReminder } from './expand-reminder.js';

export async function expandPendingEvents(store: Store, opts: ExpandOptions, limit: number, log: Logger): Promise<number> {
  const candidates = await store.db.selectFrom('notification_events').select('id')
    .where('expanded_at', 'is', null).orderBy('id').limit(limit).execute();
  let expanded = 0;
  for (const { id } of candidates) {
    try {
      expanded += await inTransaction(store, async (tx) => {
        let query = tx.selectFrom('notification_events').selectAll().where('id', '=', id).where('expanded_at', 'is', null);
        if (store.dialect === 'postgres') query = query.forUpdate().skipLocked();
        const event = await query.executeTakeFirst();
        if (!event) return 0; // another process has it
        await expandEvent(tx, event, opts);
        return 1;
      });
    } catch (error) {
      log.error({ err: error, eventId: id }, 'could not expand notification event; will retry');
    }
  }
  return expanded;
}

export async function expandDueReminders(store: Store, opts: ExpandOptions, limit: number, log: Logger): Promise<number> {
  const candidates = await store.db.selectFrom('notification_reminders').select('id')
    .where('status', '=', 'pending').where('due_at', '<=', opts.now).orderBy('due_at').limit(limit).execute();
  let expanded = 0;
  for (const { id } of candidates) {
    try {
      expanded += await inTransaction(store, async (tx) => {
        let query = tx.selectFrom('notification_reminders').selectAll().where('id', '=', id).where('status', '=', 'pending');
        if (store.dialect === 'postgres') query = query.forUpdate().skipLocked();
        const reminder = await query.executeTakeFirst();
        if (!reminder) return 0;
        await expandReminder(tx, reminder, opts);
        return 1;
      });
    } catch (error) {
      log.error({ err: error, reminderId: id }, 'could not expand reminder; will retry');
    }
  }
  return expanded;
}
