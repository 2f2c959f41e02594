// OnSched v3 setup, part 2: a service's booking limits (0 = unlimited); allocations in OnSched's
// own shape — weekly windows or one date range, scoped to a resource, a service, or a pair of both
// (the weekly allocations of migration 003, always a pair, are copied over); blocks on a service;
// and recurring blocks.
import type { Kysely } from 'kysely';
import { createTableWithId, withCompany, type Dialect } from './table-builders.js';

const LIMIT_COLUMNS = ['booking_limit', 'max_booking_limit', 'max_resource_booking_limit', 'daily_booking_limit_count', 'daily_booking_limit_minutes'];
/** Migration 003 kept weekday keys; OnSched numbers days from Sunday. */
const DAY_NUMBER: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  for (const column of LIMIT_COLUMNS) {
    await db.schema.alterTable('services').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  // The limit counts read a service's appointments by customer and by day.
  await db.schema.createIndex('appointments_service_customer').on('appointments').columns(['service_id', 'customer_id']).execute();
  await db.schema.createIndex('appointments_service_start').on('appointments').columns(['service_id', 'start_at']).execute();

  await withCompany(createTableWithId(db, dialect, 'allocations')
    .addColumn('uid', 'text', (c) => c.notNull().unique()))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'weekly' | 'single'
    .addColumn('resource_id', 'bigint', (c) => c.references('resources.id').onDelete('cascade'))
    .addColumn('service_id', 'bigint', (c) => c.references('services.id').onDelete('cascade'))
    // weekly: JSON [{dayOfWeek, startTime "HH:MM", endTime}] in the resource's (else location's) zone.
    .addColumn('windows', 'text', (c) => c.notNull().defaultTo('[]'))
    // single: the UTC range.
    .addColumn('start_at', 'bigint')
    .addColumn('end_at', 'bigint')
    .addColumn('description', 'text')
    .addColumn('bookings_per_slot', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('allocations_company_service').on('allocations').columns(['company_id', 'service_id']).execute();
  await db.schema.createIndex('allocations_company_resource').on('allocations').columns(['company_id', 'resource_id']).execute();

  // Unavailability of a service (every booking of it, wherever), besides resources and locations.
  await db.schema.alterTable('blocks').addColumn('service_id', 'bigint', (c) => c.references('services.id').onDelete('cascade')).execute();
  // Recurring blocks (OnSched's recurringBlock): explicit rule fields, expanded in their own zone.
  await withCompany(createTableWithId(db, dialect, 'recurring_blocks')
    .addColumn('uid', 'text', (c) => c.notNull().unique()))
    // Exactly one of the three is set.
    .addColumn('location_id', 'bigint', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('resource_id', 'bigint', (c) => c.references('resources.id').onDelete('cascade'))
    .addColumn('service_id', 'bigint', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('interval', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('iana', 'text', (c) => c.notNull())
    .addColumn('weekdays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('day_of_month', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recurring_blocks_company').on('recurring_blocks').column('company_id').execute();

  const old = await db.selectFrom('weekly_allocations').selectAll().orderBy('id').execute() as Array<{
    uid: string; company_id: number; resource_id: number; service_id: number; days: string; start_time: string; end_time: string; created_at: number;
  }>;
  for (const row of old) {
    const windows = (JSON.parse(row.days) as string[]).map((d) => ({ dayOfWeek: DAY_NUMBER[d], startTime: row.start_time, endTime: row.end_time }));
    await db.insertInto('allocations').values({
      uid: row.uid, company_id: row.company_id, kind: 'weekly', resource_id: row.resource_id, service_id: row.service_id,
      windows: JSON.stringify(windows), created_at: row.created_at,
    }).execute();
  }
  await db.deleteFrom('weekly_allocations').execute();
}
