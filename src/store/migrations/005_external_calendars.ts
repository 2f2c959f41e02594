// External calendars (issue 6): the calendars a resource is connected to, the busy times last read
// from each, and the secret token of each resource's outbound iCal feed. A calendar row is also the
// sync loop's work item: `next_sync_at` says when it is due, `lease_until`/`claimed_by` say which
// process is reading it, so several processes never fetch the same calendar at once.
import type { Kysely } from 'kysely';
import { createTableWithId, withCompany, type TableBuilder as Builder } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const withId = (name: string) => createTableWithId(db, dialect, name);

  await withId('external_calendars')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('company_id', 'bigint', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('resource_id', 'bigint', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    // {url, username?, password?} sealed with the server's SecretBox: a feed's secret address is itself a credential.
    .addColumn('source_enc', 'text', (c) => c.notNull())
    // SHA-256 of type and URL, so the same calendar is not connected twice to one resource.
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('display_url', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer')
    .addColumn('next_sync_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_until', 'bigint')
    .addColumn('claimed_by', 'text')
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    // Validators for the next conditional read: HTTP ETag / Last-Modified, or a CalDAV collection's ctag.
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('ctag', 'text')
    // The window the stored busy times were expanded for.
    .addColumn('busy_from', 'bigint')
    .addColumn('busy_until', 'bigint')
    .addColumn('busy_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('external_calendars_due').on('external_calendars').columns(['next_sync_at']).execute();
  await db.schema.createIndex('external_calendars_source').on('external_calendars').columns(['resource_id', 'source_hash']).unique().execute();

  await db.schema.createTable('external_busy')
    .addColumn('calendar_id', 'bigint', (c) => c.notNull().references('external_calendars.id').onDelete('cascade'))
    .addColumn('resource_id', 'bigint', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('external_busy_resource').on('external_busy').columns(['resource_id', 'start_at']).execute();
  await db.schema.createIndex('external_busy_calendar').on('external_busy').columns(['calendar_id']).execute();

  await db.schema.createTable('resource_feeds')
    .addColumn('resource_id', 'bigint', (c) => c.primaryKey().references('resources.id').onDelete('cascade'))
    .addColumn('company_id', 'bigint', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    // Looked up by hash; kept sealed too so the admin API can show the URL again.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();
}
