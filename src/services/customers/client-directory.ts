// Customers the way Acuity's client list addresses them: searched by any part of a name, email or
// phone, and identified by first name, last name and (optionally) phone rather than by an id.
// Changing and deleting them is customers.ts's job; this file only finds them.
import { sql } from 'kysely';
import { notFound } from '../lookup.js';
import type { ServiceContext } from '../context.js';
import { customerRecord, type CustomerRecord } from './customers.js';

const MAX_RESULTS = 1000;

/** Live customers whose first or last name, full name, email or phone contains `search` (case-insensitive). */
export async function searchClients(ctx: ServiceContext, companyId: number, search?: string): Promise<CustomerRecord[]> {
  let q = ctx.store.db.selectFrom('customers').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0);
  const text = search?.trim().toLowerCase();
  if (text) {
    // Substring search without LIKE's wildcards (emails are full of "_"): instr / strpos.
    const position = sql.raw(ctx.store.dialect === 'postgres' ? 'strpos' : 'instr');
    const contains = (column: string) => sql<boolean>`${position}(lower(${sql.raw(column)}), ${text}) > 0`;
    q = q.where((eb) => eb.or(['first_name', 'last_name', "first_name || ' ' || last_name", 'email_key', 'phone'].map(contains)));
  }
  return (await q.orderBy('last_name').orderBy('first_name').orderBy('id').limit(MAX_RESULTS).execute()).map(customerRecord);
}

export interface ClientIdentity { firstName: string; lastName: string; phone?: string }

/** The oldest live customer with these names (case-insensitive) and, when given, this phone. */
export async function findClient(ctx: ServiceContext, companyId: number, who: ClientIdentity): Promise<CustomerRecord> {
  let q = ctx.store.db.selectFrom('customers').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0)
    .where((eb) => eb(eb.fn('lower', ['first_name']), '=', who.firstName.trim().toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['last_name']), '=', who.lastName.trim().toLowerCase()));
  if (who.phone !== undefined) q = q.where('phone', '=', who.phone.trim());
  const row = await q.orderBy('id').executeTakeFirst();
  if (!row) throw notFound('Client', `${who.firstName} ${who.lastName}`, 'client');
  return customerRecord(row);
}
