// A resource's bookingLimit: the upcoming BK and live IN appointments one customer may have with
// it, whatever the service (RS does not count, as for the service's bookingLimit). Checked inside
// the booking transaction; on PostgreSQL the limited resources' rows are locked first, so two
// bookings by one customer on one resource take turns (SQLite has a single writer).
import { resourcesAtCustomerLimit, type CountedAppointment } from '../../core/booking/limits.js';
import { DomainError } from '../../core/errors.js';
import type { Store } from '../../store/database.js';
import type { Tx } from '../../store/transaction.js';
import { emailKey } from '../customers/find-or-create-customer.js';
import { keyColumn, keyValue, type Key } from '../lookup.js';
import { companySetup } from './setup-cache.js';

/** Resource id → bookingLimit, for the given resources (all of the company's when absent) that have one. */
async function limitsOf(tx: Tx, companyId: number, resourceIds?: number[]): Promise<Map<number, number>> {
  const setup = await companySetup(tx, companyId);
  const rows = resourceIds ? resourceIds.map((id) => setup.resources.byId.get(id)).filter((r) => r !== undefined) : setup.resources.all;
  return new Map(rows.filter((r) => r.booking_limit > 0).map((r) => [r.id, r.booking_limit]));
}

/** The customer's upcoming BK and IN appointments on those resources (expiry is judged by the core). */
async function customerAppointments(tx: Tx, customerId: number, resourceIds: number[], now: number, ignoreIds: number[]): Promise<CountedAppointment[]> {
  let query = tx.selectFrom('appointments as a').innerJoin('appointment_resources as ar', 'ar.appointment_id', 'a.id')
    .select(['a.id', 'a.status', 'a.start_at', 'a.end_at', 'a.expires_at', 'ar.resource_id'])
    .where('a.customer_id', '=', customerId).where('a.status', 'in', ['BK', 'IN']).where('a.end_at', '>', now).where('ar.resource_id', 'in', resourceIds);
  if (ignoreIds.length) query = query.where('a.id', 'not in', ignoreIds);
  const byId = new Map<number, CountedAppointment>();
  for (const r of await query.execute()) {
    const seen = byId.get(r.id);
    if (seen) seen.resourceIds.push(r.resource_id);
    else byId.set(r.id, { customerId, resourceIds: [r.resource_id], status: r.status, start: r.start_at, end: r.end_at, expiresAt: r.expires_at });
  }
  return [...byId.values()];
}

export interface ResourceLimitCheck { companyId: number; customerId: number | null; resourceIds: number[]; now: number; ignoreIds?: number[] }

/** Refuses (422, field bookingLimit) a booking on a resource whose bookingLimit the customer has reached. */
export async function enforceResourceLimits(store: Store, tx: Tx, check: ResourceLimitCheck): Promise<void> {
  if (check.customerId === null) return;
  const limits = await limitsOf(tx, check.companyId, check.resourceIds);
  if (limits.size === 0) return;
  const ids = [...limits.keys()].sort((a, b) => a - b);
  if (store.dialect === 'postgres') await tx.selectFrom('resources').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
  const full = resourcesAtCustomerLimit(limits, await customerAppointments(tx, check.customerId, ids, check.now, check.ignoreIds ?? []), check.now);
  const [first] = ids.filter((id) => full.has(id));
  if (first !== undefined) {
    const resource = (await companySetup(tx, check.companyId)).resources.byId.get(first)!;
    throw new DomainError('booking_limit_reached', {
      field: 'bookingLimit', message: `A customer may hold at most ${limits.get(first)} upcoming bookings with resource ${resource.uid}.`,
    });
  }
}

/** For availability: the resources whose bookingLimit the customer has reached (none without a customer). */
export async function resourcesFullFor(tx: Tx, companyId: number, customerId: number | null, now: number): Promise<Set<number>> {
  if (customerId === null) return new Set();
  const limits = await limitsOf(tx, companyId);
  if (limits.size === 0) return new Set();
  return resourcesAtCustomerLimit(limits, await customerAppointments(tx, customerId, [...limits.keys()], now, []), now);
}

/**
 * For a booking that names no resources: leave out those whose bookingLimit a known customer has
 * reached, so round robin picks one that can take it (all of them reached: keep them, and the
 * limit check refuses with its 422). Only a read: the check inside the transaction decides.
 */
export async function withoutFullResources<R extends { id: number }>(tx: Tx, companyId: number, customer: { id?: Key; email?: string | null } | undefined, resources: R[], now: number): Promise<R[]> {
  if (!customer) return resources;
  // Found as the booking will find it (by id, else by email); a bad id is refused there, not here.
  const customers = tx.selectFrom('customers').select('id').where('company_id', '=', companyId);
  const column = customer.id === undefined ? null : keyColumn(customer.id);
  const email = customer.id === undefined ? emailKey(customer.email) : null;
  const known = column ? await customers.where(column, '=', keyValue(customer.id!) as never).executeTakeFirst()
    : email ? await customers.where('email_key', '=', email).executeTakeFirst() : undefined;
  if (!known) return resources;
  const full = await resourcesFullFor(tx, companyId, known.id, now);
  const open = resources.filter((r) => !full.has(r.id));
  return open.length ? open : resources;
}
