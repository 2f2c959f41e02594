import { withSettingsDefaults, type CompanySettings } from '../../core/booking/index.js';
import type { Tx } from '../../store/transaction.js';
import type { CompanyRow } from '../../store/schema.js';
import { companySetup } from '../scheduling/setup-cache.js';

/** A company as shown to its owner: never the credentials, only whether they exist. */
export interface CompanyView {
  id: number; uid: string; name: string; timezone: string; settings: CompanySettings; clientId: string; createdAt: number;
}

export const companyView = (row: CompanyRow): CompanyView => ({
  id: row.id, uid: row.uid, name: row.name, timezone: row.timezone, settings: companySettings(row),
  clientId: row.client_id, createdAt: row.created_at,
});

export const companySettings = (row: CompanyRow): CompanySettings => withSettingsDefaults(JSON.parse(row.settings));

/** The company's row, from the setup cache while the company's setup stamp is unchanged. */
export async function getCompany(db: Tx, id: number): Promise<CompanyRow> {
  return (await companySetup(db, id)).company;
}
