// The transactional outbox behind notifications and webhooks. A booking change writes an event row
// in its own transaction; the dispatcher later turns each event into deliveries (one per email or
// webhook) and sends them. Everything the dispatcher knows lives here, so a restart or a SIGKILL
// loses nothing: a half-sent delivery is still "sending" with a lease that runs out.
import type { Kysely } from 'kysely';
import { createTableWithId, withCompany } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const withId = (name: string) => createTableWithId(db, dialect, name);

  // One row per company that changed the defaults; no row means the defaults.
  await db.schema.createTable('notification_settings')
    .addColumn('company_id', 'bigint', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull()).execute();

  await withCompany(withId('notification_events'))
    .addColumn('appointment_id', 'bigint', (c) => c.notNull().references('appointments.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('no_email', 'integer', (c) => c.notNull().defaultTo(0))
    // The invitation's identity, fixed when the change commits so every copy of it agrees.
    .addColumn('ical_uid', 'text', (c) => c.notNull())
    .addColumn('ical_sequence', 'integer', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expanded_at', 'bigint').execute();
  await db.schema.createIndex('notification_events_pending').on('notification_events').columns(['expanded_at', 'id']).execute();
  await db.schema.createIndex('notification_events_ical').on('notification_events').column('ical_uid').execute();

  await withCompany(withId('notification_reminders'))
    .addColumn('appointment_id', 'bigint', (c) => c.notNull().references('appointments.id').onDelete('cascade'))
    .addColumn('minutes_before', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint').execute();
  await db.schema.createIndex('notification_reminders_due').on('notification_reminders').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('notification_reminders_appointment').on('notification_reminders').column('appointment_id').execute();

  await withCompany(withId('notification_deliveries'))
    .addColumn('event_id', 'bigint', (c) => c.references('notification_events.id').onDelete('cascade'))
    .addColumn('reminder_id', 'bigint', (c) => c.references('notification_reminders.id').onDelete('cascade'))
    .addColumn('appointment_id', 'bigint')
    // Makes expansion idempotent: one delivery per (event or reminder, channel, recipient).
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('give_up_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_response_status', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint').execute();
  await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notification_deliveries_company').on('notification_deliveries').columns(['company_id', 'id']).execute();

  // OnSched v3 webhooks: per location (or every location when location_id is null). Acuity's
  // API-created subscriptions live in webhook_subscriptions (002_acuity); these carry more.
  await withCompany(withId('location_webhooks'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('location_id', 'bigint', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('triggers', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('location_webhooks_company').on('location_webhooks').column('company_id').execute();
}
