// Two things remembered when they happen rather than read again later:
// - notification_events.email_snapshot: what a notification email needs (the appointment view and
//   the company's rendering inputs), committed with the change, so an email describes the change
//   that caused it even when a later change commits before the dispatcher runs.
// - appointments.padding_overflow / ignore_external_events: OnSched's allowPaddingOverflow and
//   ignoreExternalEvents chosen at hold or reserve, used again when the appointment is booked.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, _dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.alterTable('notification_events').addColumn('email_snapshot', 'text').execute();
  await db.schema.alterTable('appointments').addColumn('padding_overflow', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('appointments').addColumn('ignore_external_events', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
