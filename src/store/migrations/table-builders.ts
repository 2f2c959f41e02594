// The two column shapes every migration repeats. Ids are the only place the backends differ:
// PostgreSQL's bigserial, SQLite's autoincrementing integer primary key.
import type { CreateTableBuilder, Kysely } from 'kysely';

export type TableBuilder = CreateTableBuilder<string, never>;
export type Dialect = 'sqlite' | 'postgres';

export function createTableWithId(db: Kysely<any>, dialect: Dialect, name: string): TableBuilder {
  const table = db.schema.createTable(name);
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** The owning company; its rows go with it. */
export const withCompany = (b: TableBuilder): TableBuilder =>
  b.addColumn('company_id', 'bigint', (c) => c.notNull().references('companies.id').onDelete('cascade'));
