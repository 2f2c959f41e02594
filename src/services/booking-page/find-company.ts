// The company a booking page belongs to, by its slug or uid; and its public services.
import { DomainError } from '../../core/errors.js';
import type { CompanyRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { slugify } from '../companies/company-slug.js';
import { keyColumn } from '../lookup.js';

const unknownCompany = () => new DomainError('not_found', { field: 'company', message: 'There is no booking page at this address.' });

/** A deleted company has no booking page: the same 404 as an address that never had one. */
export async function findBookingCompany(db: Tx, key: string): Promise<CompanyRow> {
  if (key.length > 100) throw unknownCompany();
  const column = keyColumn(key) === 'uid' ? 'uid' : 'slug';
  const row = await db.selectFrom('companies').selectAll().where(column, '=', key.toLowerCase())
    .where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw unknownCompany();
  return row;
}

/** Services a customer may book on the page: not private, not deleted, plain services (classes are booked elsewhere). */
export async function publicServices(db: Tx, companyId: number): Promise<ServiceRow[]> {
  return db.selectFrom('services').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0)
    .where('private', '=', 0).where('type', '=', 'service').orderBy('id').execute();
}

/** A public service by id, uid or the slug of its name ("initial-consultation"). */
export async function findPublicService(db: Tx, companyId: number, key: string): Promise<ServiceRow> {
  const services = await publicServices(db, companyId);
  const column = keyColumn(key);
  const found = services.find((s) => (column === 'id' ? s.id === Number(key) : column === 'uid' ? s.uid === key.toLowerCase() : slugify(s.name) === key));
  if (!found) throw new DomainError('not_found', { field: 'service', message: 'This service cannot be booked here.' });
  return found;
}
