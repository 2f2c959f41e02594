// Custom and booking fields a customer carries (OnSched v1's customFields field1–field10 and its
// customerBookingFields): free-form name/value pairs, one row per name.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('customer_field_values')
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_field_values_pk', ['customer_id', 'name'])
    .execute();
}
