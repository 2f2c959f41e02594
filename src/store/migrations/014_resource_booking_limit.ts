// OnSched's bookingLimit on a resource: how many upcoming bookings (BK and live holds) one customer
// may have with the resource, whatever the service; 0 = unlimited.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('resources').addColumn('booking_limit', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The count reads a customer's appointments.
  await db.schema.createIndex('appointments_customer').ifNotExists().on('appointments').column('customer_id').execute();
}
