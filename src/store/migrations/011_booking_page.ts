// The booking page: a company's public address (`slug`, unique, in /book/{slug}) and the sites
// allowed to embed its page in a frame (a JSON array of origins, sent as CSP frame-ancestors).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, _dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.alterTable('companies').addColumn('slug', 'text').execute();
  await db.schema.alterTable('companies').addColumn('embed_sites', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // Several companies may have no slug yet (null); two may never share one.
  await db.schema.createIndex('companies_slug_unique').on('companies').column('slug').unique().execute();
}
