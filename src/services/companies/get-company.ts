import { withSettingsDefaults, type CompanySettings } from '../../core/booking/index.js';
import type { Tx } from '../../store/transaction.js';
import type { CompanyRow } from '../../store/schema.js';
import { companySetup } from '../scheduling/setup-cache.js';

/** A company as shown to its owner: never the credentials, only whether they exist. */
export interface CompanyView {
  id: number; uid: string; name: string; timezone: string; settings: CompanySettings; /** null once deleted. */ clientId: string | null; createdAt: number;
  slug: string | null; embedSites: string[];
  updatedAt: number | null;
  /** Set once the company is deleted: its data is kept, its credentials no longer work. */
  deletedAt: number | null;
}

export const companyView = (row: CompanyRow): CompanyView => ({
  id: row.id, uid: row.uid, name: row.name, timezone: row.timezone, settings: companySettings(row),
  clientId: row.deleted_at === null ? row.client_id : null, createdAt: row.created_at, slug: row.slug, embedSites: JSON.parse(row.embed_sites),
  updatedAt: row.updated_at ?? null, deletedAt: row.deleted_at ?? null,
});

export const companySettings = (row: CompanyRow): CompanySettings => withSettingsDefaults(JSON.parse(row.settings));

/** The company's row, from the setup cache while the company's setup stamp is unchanged. */
export async function getCompany(db: Tx, id: number): Promise<CompanyRow> {
  return (await companySetup(db, id)).company;
}
