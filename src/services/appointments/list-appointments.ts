// Searching a company's appointments. Expired holds are never listed: they no longer exist.
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';
import { viewsOf, type AppointmentView } from './view.js';

export interface AppointmentFilter {
  locationKey?: Key;
  resourceKeys?: Key[];
  serviceKeys?: Key[];
  customerKey?: Key;
  statuses?: string[];
  /** Only appointments flagged (true) or not flagged (false) as no-shows. */
  noShow?: boolean;
  /** Appointments starting in [from, to). */
  from?: number;
  to?: number;
  customer?: { firstName?: string; lastName?: string; email?: string; phone?: string };
  limit: number;
  offset: number;
  direction: 'asc' | 'desc';
}

export async function listAppointments(ctx: ServiceContext, companyId: number, f: AppointmentFilter): Promise<{ total: number; items: AppointmentView[] }> {
  const tx = ctx.store.db;
  const now = ctx.now();
  const ids = async (table: 'locations' | 'resources' | 'services' | 'customers', keys: Key[], field: string) =>
    Promise.all(keys.map(async (k) => (await findOwned(tx, table, companyId, k, field, field)).id));
  const locationIds = f.locationKey !== undefined ? await ids('locations', [f.locationKey], 'locationId') : undefined;
  const resourceIds = f.resourceKeys?.length ? await ids('resources', f.resourceKeys, 'resourceIds') : undefined;
  const serviceIds = f.serviceKeys?.length ? await ids('services', f.serviceKeys, 'serviceIds') : undefined;
  const customerIds = f.customerKey !== undefined ? await ids('customers', [f.customerKey], 'customerId') : undefined;

  let q = tx.selectFrom('appointments as a').where('a.company_id', '=', companyId)
    .where((eb) => eb.or([eb('a.status', '!=', 'IN'), eb('a.expires_at', '>', now)]));
  if (locationIds) q = q.where('a.location_id', 'in', locationIds);
  if (serviceIds) q = q.where('a.service_id', 'in', serviceIds);
  if (customerIds) q = q.where('a.customer_id', 'in', customerIds);
  if (resourceIds) q = q.where('a.id', 'in', tx.selectFrom('appointment_resources').select('appointment_id').where('resource_id', 'in', resourceIds));
  if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses);
  if (f.noShow !== undefined) q = q.where('a.no_show', '=', f.noShow ? 1 : 0);
  if (f.from !== undefined) q = q.where('a.start_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('a.start_at', '<', f.to);
  const c = f.customer;
  if (c && Object.values(c).some((v) => v !== undefined)) {
    let who = tx.selectFrom('customers').select('id').where('company_id', '=', companyId);
    if (c.firstName !== undefined) who = who.where((eb) => eb(eb.fn('lower', ['first_name']), '=', c.firstName!.toLowerCase()));
    if (c.lastName !== undefined) who = who.where((eb) => eb(eb.fn('lower', ['last_name']), '=', c.lastName!.toLowerCase()));
    if (c.email !== undefined) who = who.where('email_key', '=', c.email.trim().toLowerCase());
    if (c.phone !== undefined) who = who.where('phone', '=', c.phone);
    q = q.where('a.customer_id', 'in', who);
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('a').orderBy('a.start_at', f.direction).orderBy('a.id', f.direction).limit(f.limit).offset(f.offset).execute();
  return { total: Number(n), items: await viewsOf(tx as Tx, rows) };
}
