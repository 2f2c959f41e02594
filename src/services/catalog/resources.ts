// Resources: the people, rooms or things that are booked. Each works at one location, in its own
// zone if it has one, with weekly hours, and offers the services it is linked to.
import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { WeeklyHours } from '../../core/types.js';
import type { ResourceRow, ResourceTable } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned, primaryLocation } from '../scheduling/load-setup.js';
import { checkEmail, checkHours, checkZone } from '../setup/checks.js';
import { checkWholeNumber, requireName } from './checks.js';
import type { Page, PageRequest } from './list-page.js';

export interface ResourceInput {
  name?: string;
  /** Absent on create: the primary location. */
  locationKey?: Key;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  timezone?: string | null;
  /** Bookings one resource takes at the same time. */
  capacity?: number;
  /** Upcoming bookings one customer may have with the resource (0 = unlimited). */
  bookingLimit?: number;
  hours?: WeeklyHours;
  /** Replaces the services this resource offers. */
  serviceKeys?: Key[];
}

export interface Ref { id: number; uid: string }

export interface ResourceView {
  id: number; uid: string; name: string; location: Ref; email: string | null; phone: string | null; description: string | null;
  timezone: string | null; capacity: number; bookingLimit: number; hours: WeeklyHours; services: Ref[]; createdAt: number;
}

export interface ResourceFilter { locationKey?: Key; serviceKey?: Key }

export async function createResource(ctx: ServiceContext, companyId: number, input: ResourceInput, idempotency?: Idempotency): Promise<ResourceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const location = input.locationKey === undefined ? await primaryLocation(tx, companyId)
      : await findOwned(tx, 'locations', companyId, input.locationKey, 'Location', 'LocationId');
    const row = await tx.insertInto('resources').values({
      uid: randomUUID(), company_id: companyId, location_id: location.id, name: requireName(input.name),
      email: input.email ? checkEmail(input.email, 'email') : null, phone: input.phone ?? null, description: input.description ?? null,
      timezone: input.timezone ? checkZone(input.timezone, 'timezone')! : null, hours: JSON.stringify(checkHours(input.hours, 'hours')),
      overrides: '[]', capacity: checkWholeNumber(input.capacity, 'bookingsPerSlot', 1, 1000) ?? 1,
      booking_limit: checkWholeNumber(input.bookingLimit, 'bookingLimit', 0, 100_000) ?? 0, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    if (input.serviceKeys) await linkServices(tx, companyId, Number(row.id), input.serviceKeys);
    return loadResourceView(tx, companyId, Number(row.id));
  });
}

export async function getResource(ctx: ServiceContext, companyId: number, key: Key): Promise<ResourceView> {
  return loadResourceView(ctx.store.db, companyId, key);
}

export async function listResources(ctx: ServiceContext, companyId: number, filter: ResourceFilter, page: PageRequest): Promise<Page<ResourceView>> {
  const db = ctx.store.db;
  let query = db.selectFrom('resources').where('company_id', '=', companyId).where('deleted', '=', 0);
  if (filter.locationKey !== undefined) query = query.where('location_id', '=', (await findOwned(db, 'locations', companyId, filter.locationKey, 'Location', 'locationId')).id);
  if (filter.serviceKey !== undefined) {
    const service = await findOwned(db, 'services', companyId, filter.serviceKey, 'Service', 'serviceId');
    query = query.where('id', 'in', db.selectFrom('service_resources').select('resource_id').where('service_id', '=', service.id));
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: await resourceViews(db, rows) };
}

export async function updateResource(ctx: ServiceContext, companyId: number, key: Key, input: ResourceInput, idempotency?: Idempotency): Promise<ResourceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'resources', companyId, key, 'Resource', 'id');
    const set: Updateable<ResourceTable> = {};
    if (input.name !== undefined) set.name = requireName(input.name);
    if (input.locationKey !== undefined) set.location_id = (await findOwned(tx, 'locations', companyId, input.locationKey, 'Location', 'LocationId')).id;
    if (input.email !== undefined) set.email = input.email ? checkEmail(input.email, 'email') : null;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.description !== undefined) set.description = input.description;
    if (input.timezone !== undefined) set.timezone = input.timezone ? checkZone(input.timezone, 'timezone')! : null;
    if (input.capacity !== undefined) set.capacity = checkWholeNumber(input.capacity, 'bookingsPerSlot', 1, 1000)!;
    if (input.bookingLimit !== undefined) set.booking_limit = checkWholeNumber(input.bookingLimit, 'bookingLimit', 0, 100_000)!;
    if (input.hours !== undefined) set.hours = JSON.stringify(checkHours(input.hours, 'hours'));
    if (Object.keys(set).length) await tx.updateTable('resources').set(set).where('id', '=', row.id).execute();
    if (input.serviceKeys) await linkServices(tx, companyId, row.id, input.serviceKeys);
    return loadResourceView(tx, companyId, row.id);
  });
}

/** Removed resources stay in the database so past appointments still say who they were with. */
export async function deleteResource(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<ResourceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const view = await loadResourceView(tx, companyId, key);
    await tx.updateTable('resources').set({ deleted: 1 }).where('id', '=', view.id).execute();
    return view;
  });
}

async function linkServices(tx: Tx, companyId: number, resourceId: number, serviceKeys: Key[]): Promise<void> {
  const ids = new Set<number>();
  for (const key of serviceKeys) ids.add((await findOwned(tx, 'services', companyId, key, 'Service', 'ServiceIds')).id);
  await tx.deleteFrom('service_resources').where('resource_id', '=', resourceId).execute();
  for (const service_id of ids) await tx.insertInto('service_resources').values({ service_id, resource_id: resourceId }).execute();
}

async function loadResourceView(tx: Tx, companyId: number, key: Key): Promise<ResourceView> {
  return (await resourceViews(tx, [await findOwned(tx, 'resources', companyId, key, 'Resource', 'id')]))[0];
}

async function resourceViews(tx: Tx, rows: ResourceRow[]): Promise<ResourceView[]> {
  if (rows.length === 0) return [];
  const locations = new Map((await tx.selectFrom('locations').select(['id', 'uid']).where('id', 'in', [...new Set(rows.map((r) => r.location_id))]).execute()).map((l) => [l.id, l]));
  const links = await tx.selectFrom('service_resources as sr').innerJoin('services as s', 's.id', 'sr.service_id')
    .select(['sr.resource_id', 's.id', 's.uid']).where('sr.resource_id', 'in', rows.map((r) => r.id)).where('s.deleted', '=', 0).orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id, uid: r.uid, name: r.name, location: locations.get(r.location_id)!, email: r.email, phone: r.phone, description: r.description,
    timezone: r.timezone, capacity: r.capacity, bookingLimit: r.booking_limit, hours: JSON.parse(r.hours),
    services: links.filter((l) => l.resource_id === r.id).map(({ id, uid }) => ({ id, uid })), createdAt: r.created_at,
  }));
}
