// What the OnSched surface stores beyond the first schema: weekly allocations (a resource's
// recurring hours for one service) and soft deletion of customers, so a deleted customer's
// appointments keep their history while the email becomes free again.
import type { Kysely } from 'kysely';
import { createTableWithId } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await createTableWithId(db, dialect, 'weekly_allocations')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('company_id', 'bigint', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('resource_id', 'bigint', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('service_id', 'bigint', (c) => c.notNull().references('services.id').onDelete('cascade'))
    // JSON list of weekdays ("mon"…"sun") the window repeats on.
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('weekly_allocations_service_resource').on('weekly_allocations')
    .columns(['service_id', 'resource_id']).execute();

  await db.schema.alterTable('customers').addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
