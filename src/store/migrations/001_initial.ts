// The whole schema as of the first release. Both backends share it; the only differences are the
// id column type and, on PostgreSQL, the exclusion constraint that is the last line of defence
// against double booking of capacity-1 resources.
import { sql, type Kysely } from 'kysely';
import { createTableWithId, type TableBuilder as Builder } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const pg = dialect === 'postgres';
  const table = (name: string) => {
    const t = db.schema.createTable(name);
    return {
      withId: (): Builder => createTableWithId(db, dialect, name),
      plain: (): Builder => t,
    };
  };
  const ref = (b: Builder, col: string, target: string, nullable = false) =>
    b.addColumn(col, 'bigint', (c) => {
      const r = c.references(`${target}.id`).onDelete('cascade');
      return nullable ? r : r.notNull();
    });

  await table('meta').plain()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull()).execute();

  await table('companies').withId()
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('api_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('api_key_enc', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('client_secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await ref(table('locations').withId(), 'company_id', 'companies')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expiration_delay', 'integer', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await ref(ref(table('resources').withId(), 'company_id', 'companies'), 'location_id', 'locations')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text').addColumn('phone', 'text').addColumn('description', 'text').addColumn('timezone', 'text')
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await ref(ref(table('services').withId(), 'company_id', 'companies'), 'location_id', 'locations', true)
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text').addColumn('category', 'text').addColumn('color', 'text')
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('interval', 'integer', (c) => c.notNull())
    .addColumn('padding_before', 'integer', (c) => c.notNull())
    .addColumn('padding_after', 'integer', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('round_robin', 'text', (c) => c.notNull())
    .addColumn('min_hours_in_advance', 'real').addColumn('max_days_in_advance', 'real')
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  for (const [name, other] of [['service_resources', 'resource'], ['service_addons', 'addon'], ['service_forms', 'form']] as const) {
    if (name === 'service_addons') await createAddons();
    if (name === 'service_forms') await createForms();
    await ref(ref(table(name).plain(), 'service_id', 'services'), `${other}_id`, `${other}s`)
      .addPrimaryKeyConstraint(`${name}_pk`, ['service_id', `${other}_id`]).execute();
  }

  async function createAddons() {
    await ref(table('addons').withId(), 'company_id', 'companies')
      .addColumn('uid', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('duration', 'integer', (c) => c.notNull())
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  async function createForms() {
    await ref(table('forms').withId(), 'company_id', 'companies')
      .addColumn('uid', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await ref(table('form_fields').withId(), 'form_id', 'forms')
      .addColumn('uid', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('options', 'text')
      .addColumn('position', 'integer', (c) => c.notNull()).execute();
  }

  await ref(table('labels').withId(), 'company_id', 'companies')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text').execute();

  await ref(table('coupons').withId(), 'company_id', 'companies')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('discount_type', 'text', (c) => c.notNull())
    .addColumn('discount_amount', 'real', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('service_ids', 'text', (c) => c.notNull()).execute();

  await ref(table('packages').withId(), 'company_id', 'companies')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('remaining_counts', 'integer')
    .addColumn('remaining_minutes', 'integer')
    .addColumn('expires_at', 'bigint')
    .addColumn('service_ids', 'text', (c) => c.notNull())
    .addColumn('email', 'text').execute();

  await ref(ref(ref(table('class_sessions').withId(), 'company_id', 'companies'), 'service_id', 'services'), 'resource_id', 'resources')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('name', 'text').execute();

  await ref(ref(ref(table('blocks').withId(), 'company_id', 'companies'), 'location_id', 'locations', true), 'resource_id', 'resources', true)
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('weekly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('until', 'bigint')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await ref(table('customers').withId(), 'company_id', 'companies')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('phone', 'text').addColumn('timezone', 'text').addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('customers_email_unique', ['company_id', 'email_key']).execute();

  let appts = ref(ref(ref(table('appointments').withId(), 'company_id', 'companies'), 'location_id', 'locations'), 'service_id', 'services');
  appts = ref(ref(appts, 'customer_id', 'customers', true), 'class_session_id', 'class_sessions', true);
  await appts
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('padding_before', 'integer', (c) => c.notNull())
    .addColumn('padding_after', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('discount_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('addon_ids', 'text', (c) => c.notNull())
    .addColumn('label_ids', 'text', (c) => c.notNull())
    .addColumn('custom_fields', 'text', (c) => c.notNull())
    .addColumn('form_answers', 'text', (c) => c.notNull())
    .addColumn('notes', 'text').addColumn('certificate', 'text').addColumn('timezone', 'text')
    .addColumn('round_robin', 'text').addColumn('round_robin_reason', 'text')
    .addColumn('rescheduled_from_id', 'bigint').addColumn('rescheduled_to_id', 'bigint')
    .addColumn('cancel_note', 'text')
    .addColumn('no_show', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('appointments_company_start').on('appointments').columns(['company_id', 'start_at']).execute();

  await ref(ref(table('appointment_resources').plain(), 'appointment_id', 'appointments'), 'resource_id', 'resources')
    .addColumn('busy_start', 'bigint', (c) => c.notNull())
    .addColumn('busy_end', 'bigint', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addColumn('exclusive', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addPrimaryKeyConstraint('appointment_resources_pk', ['appointment_id', 'resource_id']).execute();
  await db.schema.createIndex('appointment_resources_busy').on('appointment_resources')
    .columns(['resource_id', 'busy_start', 'busy_end']).execute();

  await ref(table('idempotency_keys').plain(), 'company_id', 'companies')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['company_id', 'scope', 'key']).execute();

  await ref(table('access_tokens').plain(), 'company_id', 'companies')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull()).execute();

  if (pg) {
    // Two live exclusive rows of one resource may never overlap, whatever the application does.
    // Expired holds are deleted inside the booking transaction before the insert, so they never trip it.
    await sql`create extension if not exists btree_gist`.execute(db);
    await sql`alter table appointment_resources add constraint appointment_resources_no_overlap
      exclude using gist (resource_id with =, int8range(busy_start, busy_end) with &&)
      where (live = 1 and exclusive = 1)`.execute(db);
  }
}
