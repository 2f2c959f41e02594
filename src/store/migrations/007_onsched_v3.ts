// OnSched v3, part 1. Each company gets a public key and public client id for the booking-widget
// routes /v3/public/* (public by design: a widget ships them to browsers, so they are stored as
// they are; existing companies get theirs here). Services may allow a variable duration.
// Appointments keep a cancel reason and free metadata, and every status change is written to
// appointment_audit in the transaction that made it. An outbox event carries the /v3 appointment
// as it was committed, so a webhook never describes a later state than the one that fired it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createTableWithId, withCompany } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.alterTable('companies').addColumn('public_key', 'text').execute();
  await db.schema.alterTable('companies').addColumn('public_client_id', 'text').execute();
  const companies = await db.selectFrom('companies').select('id').execute() as Array<{ id: number }>;
  for (const { id } of companies) {
    await db.updateTable('companies').set({ public_key: `pk_${randomBytes(24).toString('base64url')}`, public_client_id: randomUUID() })
      .where('id', '=', id).execute();
  }
  await db.schema.createIndex('companies_public_key').on('companies').column('public_key').unique().execute();

  await db.schema.alterTable('services').addColumn('duration_select', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const column of ['duration_min', 'duration_max', 'duration_interval']) {
    await db.schema.alterTable('services').addColumn(column, 'integer').execute();
  }

  await db.schema.alterTable('appointments').addColumn('cancel_reason', 'text').execute();
  // OnSched's CustomFields on customers: a flat JSON object (null: none yet).
  await db.schema.alterTable('customers').addColumn('custom_fields', 'text').execute();
  await db.schema.alterTable('appointments').addColumn('metadata', 'text').execute();

  await withCompany(createTableWithId(db, dialect, 'appointment_audit'))
    .addColumn('appointment_id', 'bigint', (c) => c.notNull().references('appointments.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    // Who made the change: "api" (a /v3 or Acuity client), "admin", "customer", "system".
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('appointment_audit_by_appointment').on('appointment_audit').columns(['appointment_id', 'id']).execute();

  await db.schema.alterTable('notification_events').addColumn('appointment_snapshot', 'text').execute();

  // OnSched's own trigger names replace the earlier guessed ones (a mere update fires nothing now).
  const renamed: Record<string, string> = {
    'appointment.booked': 'NEW_APPOINTMENT', 'appointment.rescheduled': 'APPOINTMENT_RESCHEDULED', 'appointment.cancelled': 'APPOINTMENT_CANCELLED',
  };
  const hooks = await db.selectFrom('location_webhooks').select(['id', 'triggers']).execute() as Array<{ id: number; triggers: string }>;
  for (const hook of hooks) {
    const triggers = (JSON.parse(hook.triggers) as string[]).map((t) => renamed[t]).filter((t): t is string => t !== undefined);
    await db.updateTable('location_webhooks').set({ triggers: JSON.stringify(triggers) }).where('id', '=', hook.id).execute();
  }
}
