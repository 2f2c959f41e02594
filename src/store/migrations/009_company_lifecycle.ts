// Companies can be deleted softly: `deleted_at` marks one whose data is kept but whose credentials
// were revoked (replaced by values nobody knows), so every surface refuses them without checking
// this column; the admin API lists and shows it as deleted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, _dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.alterTable('companies').addColumn('deleted_at', 'bigint').execute();
  await db.schema.alterTable('companies').addColumn('updated_at', 'bigint').execute();
}
