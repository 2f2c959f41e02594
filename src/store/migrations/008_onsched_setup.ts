// OnSched v3 setup, part 2: a service's booking limits (0 = unlimited).
import type { Kysely } from 'kysely';

const LIMIT_COLUMNS = ['booking_limit', 'max_booking_limit', 'max_resource_booking_limit', 'daily_booking_limit_count', 'daily_booking_limit_minutes'];

export async function up(db: Kysely<any>, _dialect: 'sqlite' | 'postgres'): Promise<void> {
  for (const column of LIMIT_COLUMNS) {
    await db.schema.alterTable('services').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  // The limit counts read a service's appointments by customer and by day.
  await db.schema.createIndex('appointments_service_customer').on('appointments').columns(['service_id', 'customer_id']).execute();
  await db.schema.createIndex('appointments_service_start').on('appointments').columns(['service_id', 'start_at']).execute();
}
