// Speed without changing what is stored (issue 14):
// - setup_versions: one stamp per company that changes, in the same transaction, whenever a row of
//   the setup a scheduling decision reads (the company, its locations, resources, services and which
//   resources offer which service) is written. Triggers set it, so every writer invalidates, whoever
//   it is and in whichever process; a cache compares one stamp instead of reading the rows again.
//   The stamp is random, not a counter, so a rolled-back change or a copied database can never make
//   an old cache entry look current.
// - covering indexes for the busy read of availability and for the expired-hold sweep.
import { sql, type Kysely } from 'kysely';

/** Setup tables and how a row names its company. */
const SETUP_TABLES: Array<{ table: string; company: (row: 'NEW' | 'OLD') => string }> = [
  { table: 'companies', company: (row) => `${row}.id` },
  { table: 'locations', company: (row) => `${row}.company_id` },
  { table: 'resources', company: (row) => `${row}.company_id` },
  { table: 'services', company: (row) => `${row}.company_id` },
  { table: 'service_resources', company: (row) => `(select company_id from services where id = ${row}.service_id)` },
];

const EVENTS = [['insert', 'NEW'], ['update', 'NEW'], ['delete', 'OLD']] as const;

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  // No foreign key: the stamp of a company being deleted is bumped by the cascade that deletes it.
  await db.schema.createTable('setup_versions')
    .addColumn('company_id', 'bigint', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull()).execute();
  const stamp = dialect === 'postgres' ? `floor(random() * 9007199254740991)::bigint` : '(random() >> 11)';
  await sql.raw(`insert into setup_versions (company_id, version) select id, ${stamp} from companies`).execute(db);

  for (const { table, company } of SETUP_TABLES) {
    for (const [event, row] of EVENTS) {
      const name = `${table}_${event}_setup_version`;
      const bump = `insert into setup_versions (company_id, version) select company_id, ${stamp} from (select ${company(row)} as company_id) as changed
        where company_id is not null
        on conflict (company_id) do update set version = excluded.version`;
      if (dialect === 'sqlite') {
        await sql.raw(`create trigger ${name} after ${event} on ${table} begin ${bump}; end`).execute(db);
      } else {
        await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`).execute(db);
        await sql.raw(`create trigger ${name} after ${event} on ${table} for each row execute function ${name}()`).execute(db);
      }
    }
  }

  // Availability reads (resource, time range, live, expiry) and nothing else when no round robin
  // needs the appointments' history: the index answers it alone. It replaces 001's narrower index.
  await db.schema.createIndex('appointment_resources_live_busy').on('appointment_resources')
    .columns(['resource_id', 'busy_start', 'busy_end', 'live', 'expires_at', 'appointment_id']).execute();
  await db.schema.dropIndex('appointment_resources_busy').execute();
  // The hold sweep (in every booking transaction and the periodic one) finds lapsed holds directly.
  await db.schema.createIndex('appointments_status_expiry').on('appointments').columns(['status', 'expires_at']).execute();
}
