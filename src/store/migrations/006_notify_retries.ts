// Notification hardening. Events and reminders get their own retry state (attempts, next try, last
// error, and for events the time they were given up), so one that cannot be expanded backs off
// instead of being retried first at every pass ahead of everything newer. OnSched webhook headers
// (often an Authorization) are from now on sealed at rest and added at send time; this migration
// removes their values from the delivery rows already written (they are no longer read from
// there). Sealing the webhooks' own stored headers needs the server's key, so the dispatcher does
// that when it starts (sealClearWebhookHeaders in
// src/services/notifications/webhook-headers.ts).
import type { Kysely } from 'kysely';

/** What a header value reads as wherever it is shown (kept here literally: a migration never changes). */
const REDACTED = '[redacted]';

export async function up(db: Kysely<any>, _dialect: 'sqlite' | 'postgres'): Promise<void> {
  for (const table of ['notification_events', 'notification_reminders']) {
    await db.schema.alterTable(table).addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // 0: due now. Set to a later time after a failed expansion.
    await db.schema.alterTable(table).addColumn('next_attempt_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable(table).addColumn('last_error', 'text').execute();
  }
  // Events have no status column; a given-up event keeps expanded_at null and gets failed_at.
  await db.schema.alterTable('notification_events').addColumn('failed_at', 'bigint').execute();

  const rows = await db.selectFrom('notification_deliveries').select(['id', 'payload'])
    .where('channel', '=', 'webhook').where('payload', 'like', '%"openslot"%').execute() as Array<{ id: number; payload: string }>;
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { headers?: Record<string, string> };
    if (!payload.headers || Object.keys(payload.headers).length === 0) continue;
    payload.headers = Object.fromEntries(Object.keys(payload.headers).map((name) => [name, REDACTED]));
    await db.updateTable('notification_deliveries').set({ payload: JSON.stringify(payload) }).where('id', '=', row.id).execute();
  }
}
