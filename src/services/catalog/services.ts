// Services: what can be booked, for how long and by whom. A company-scope service lives at the
// primary location and is bookable at every location; a location-scope one only at its own.
import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { BookingLimits } from '../../core/booking/limits.js';
import type { RoundRobin } from '../../core/types.js';
import type { ServiceRow, ServiceTable } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { LIMIT_NAMES, limitColumns, serviceLimits } from '../scheduling/booking-limits.js';
import { findOwned, primaryLocation } from '../scheduling/load-setup.js';
import { checkWholeNumber, invalid, requireName } from './checks.js';
import type { Page, PageRequest } from './list-page.js';
import type { Ref } from './resources.js';
import { durationColumns, durationView, type DurationInput, type DurationView } from './service-duration.js';

export type ServiceScope = 'company' | 'location';

export interface ServiceInput extends DurationInput {
  name?: string;
  description?: string | null;
  /** Minutes. */
  duration?: number;
  /** Minutes between offered starts; absent on create: the duration. */
  interval?: number;
  paddingBefore?: number;
  paddingAfter?: number;
  /** Bookings per slot (group services take more than one). */
  capacity?: number;
  scope?: ServiceScope;
  /** The home of a location-scope service. */
  locationKey?: Key;
  roundRobin?: RoundRobin;
  /** null clears the service's own value, so the company's applies. */
  minHoursInAdvance?: number | null;
  maxDaysInAdvance?: number | null;
  /** Replaces the resources that offer the service. */
  resourceKeys?: Key[];
  /** OnSched's booking limits; each 0 (or absent on create) means unlimited. */
  limits?: Partial<BookingLimits>;
}

export interface ServiceView extends DurationView {
  id: number; uid: string; name: string; description: string | null; type: string; scope: ServiceScope; location: Ref;
  duration: number; interval: number; paddingBefore: number; paddingAfter: number; capacity: number; roundRobin: RoundRobin;
  minHoursInAdvance: number | null; maxDaysInAdvance: number | null; resources: Ref[]; limits: BookingLimits; createdAt: number;
}

const minutes = (value: number | undefined, field: string) => checkWholeNumber(value, field, 0, 10_080);
const length = (value: number | undefined, field: string) => checkWholeNumber(value, field, 1, 1440);
/** Booking notice and window: at most ten years, which also keeps the value inside a REAL column. */
const NOTICE_LIMITS = { minHoursInAdvance: 87_600, maxDaysInAdvance: 3650 } as const;
function notice(value: number | null | undefined, field: keyof typeof NOTICE_LIMITS): number | null | undefined {
  const max = NOTICE_LIMITS[field];
  if (value !== null && value !== undefined && !(value >= 0 && value <= max)) throw invalid(field, `${field} must be from 0 to ${max}`, value);
  return value;
}

export async function createService(ctx: ServiceContext, companyId: number, input: ServiceInput, idempotency?: Idempotency): Promise<ServiceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const scope = input.scope ?? 'company';
    const duration = length(input.duration, 'duration');
    if (duration === undefined) throw invalid('duration', 'duration is required');
    const row = await tx.insertInto('services').values({
      uid: randomUUID(), company_id: companyId, location_id: await homeLocation(tx, companyId, scope, input.locationKey, null), scope, type: 'service',
      name: requireName(input.name), description: input.description ?? null, category: null, color: null, duration,
      interval: length(input.interval, 'bookingInterval') ?? duration, padding_before: minutes(input.paddingBefore, 'paddingBefore') ?? 0,
      padding_after: minutes(input.paddingAfter, 'paddingAfter') ?? 0, price_cents: 0,
      capacity: checkWholeNumber(input.capacity, 'bookingsPerSlot', 1, 1000) ?? 1, round_robin: input.roundRobin ?? 'NONE',
      min_hours_in_advance: notice(input.minHoursInAdvance, 'minHoursInAdvance') ?? null,
      max_days_in_advance: notice(input.maxDaysInAdvance, 'maxDaysInAdvance') ?? null, private: 0, created_at: ctx.now(),
      ...checkedLimits(input.limits),
      ...durationColumns(input, duration),
    }).returning('id').executeTakeFirstOrThrow();
    if (input.resourceKeys) await linkResources(tx, companyId, Number(row.id), input.resourceKeys);
    return loadServiceView(tx, companyId, Number(row.id));
  });
}

export async function getService(ctx: ServiceContext, companyId: number, key: Key): Promise<ServiceView> {
  return loadServiceView(ctx.store.db, companyId, key);
}

/** With a location: the services bookable there (company-scope ones and its own). */
export async function listServices(ctx: ServiceContext, companyId: number, filter: { locationKey?: Key }, page: PageRequest): Promise<Page<ServiceView>> {
  const db = ctx.store.db;
  let query = db.selectFrom('services').where('company_id', '=', companyId).where('deleted', '=', 0);
  if (filter.locationKey !== undefined) {
    const location = await findOwned(db, 'locations', companyId, filter.locationKey, 'Location', 'locationId');
    query = query.where((eb) => eb.or([eb('scope', '=', 'company'), eb('location_id', '=', location.id)]));
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: await serviceViews(db, rows) };
}

export async function updateService(ctx: ServiceContext, companyId: number, key: Key, input: ServiceInput, idempotency?: Idempotency): Promise<ServiceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'services', companyId, key, 'Service', 'id');
    const set: Updateable<ServiceTable> = {};
    if (input.name !== undefined) set.name = requireName(input.name);
    if (input.description !== undefined) set.description = input.description;
    if (input.duration !== undefined) set.duration = length(input.duration, 'duration');
    if (input.interval !== undefined) set.interval = length(input.interval, 'bookingInterval');
    if (input.paddingBefore !== undefined) set.padding_before = minutes(input.paddingBefore, 'paddingBefore');
    if (input.paddingAfter !== undefined) set.padding_after = minutes(input.paddingAfter, 'paddingAfter');
    if (input.capacity !== undefined) set.capacity = checkWholeNumber(input.capacity, 'bookingsPerSlot', 1, 1000);
    if (input.roundRobin !== undefined) set.round_robin = input.roundRobin;
    if (input.minHoursInAdvance !== undefined) set.min_hours_in_advance = notice(input.minHoursInAdvance, 'minHoursInAdvance');
    if (input.maxDaysInAdvance !== undefined) set.max_days_in_advance = notice(input.maxDaysInAdvance, 'maxDaysInAdvance');
    Object.assign(set, checkedLimits(input.limits));
    Object.assign(set, durationColumns(input, set.duration ?? row.duration, row));
    if (input.scope !== undefined || input.locationKey !== undefined) {
      set.scope = input.scope ?? (row.scope as ServiceScope);
      set.location_id = await homeLocation(tx, companyId, set.scope, input.locationKey, row);
    }
    if (Object.keys(set).length) await tx.updateTable('services').set(set).where('id', '=', row.id).execute();
    if (input.resourceKeys) await linkResources(tx, companyId, row.id, input.resourceKeys);
    return loadServiceView(tx, companyId, row.id);
  });
}

/** Removed services stay in the database so their appointments keep rendering. */
export async function deleteService(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<ServiceView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const view = await loadServiceView(tx, companyId, key);
    await tx.updateTable('services').set({ deleted: 1 }).where('id', '=', view.id).execute();
    return view;
  });
}

/** Company scope: the primary location. Location scope: the named one, else the one it already has. */
async function homeLocation(tx: Tx, companyId: number, scope: ServiceScope, locationKey: Key | undefined, current: ServiceRow | null): Promise<number> {
  const primary = await primaryLocation(tx, companyId);
  if (scope === 'company') return primary.id;
  if (locationKey !== undefined) return (await findOwned(tx, 'locations', companyId, locationKey, 'Location', 'LocationId')).id;
  if (current?.scope === 'location' && current.location_id !== null) return current.location_id;
  throw invalid('LocationId', 'LocationId is required for a LOCATION scope service');
}

/** Each limit a whole number from 0 (unlimited) to 100 000. */
function checkedLimits(limits: Partial<BookingLimits> | undefined) {
  for (const name of LIMIT_NAMES) checkWholeNumber(limits?.[name], name, 0, 100_000);
  return limitColumns(limits);
}

async function linkResources(tx: Tx, companyId: number, serviceId: number, resourceKeys: Key[]): Promise<void> {
  const ids = new Set<number>();
  for (const key of resourceKeys) ids.add((await findOwned(tx, 'resources', companyId, key, 'Resource', 'ResourceIds')).id);
  await tx.deleteFrom('service_resources').where('service_id', '=', serviceId).execute();
  for (const resource_id of ids) await tx.insertInto('service_resources').values({ service_id: serviceId, resource_id }).execute();
}

async function loadServiceView(tx: Tx, companyId: number, key: Key): Promise<ServiceView> {
  return (await serviceViews(tx, [await findOwned(tx, 'services', companyId, key, 'Service', 'id')]))[0];
}

async function serviceViews(tx: Tx, rows: ServiceRow[]): Promise<ServiceView[]> {
  if (rows.length === 0) return [];
  const locationIds = [...new Set(rows.map((r) => r.location_id).filter((id): id is number => id !== null))];
  const locations = new Map(locationIds.length ? (await tx.selectFrom('locations').select(['id', 'uid']).where('id', 'in', locationIds).execute()).map((l) => [l.id, l]) : []);
  const fallback = rows.some((r) => r.location_id === null) ? await primaryLocation(tx, rows[0].company_id) : null;
  const links = await tx.selectFrom('service_resources as sr').innerJoin('resources as r', 'r.id', 'sr.resource_id')
    .select(['sr.service_id', 'r.id', 'r.uid']).where('sr.service_id', 'in', rows.map((r) => r.id)).where('r.deleted', '=', 0).orderBy('r.id').execute();
  return rows.map((r) => {
    const home = (r.location_id !== null ? locations.get(r.location_id) : undefined) ?? fallback!;
    return {
      id: r.id, uid: r.uid, name: r.name, description: r.description, type: r.type, scope: r.scope, location: { id: home.id, uid: home.uid },
      duration: r.duration, interval: r.interval, paddingBefore: r.padding_before, paddingAfter: r.padding_after, capacity: r.capacity,
      roundRobin: r.round_robin as RoundRobin, minHoursInAdvance: r.min_hours_in_advance, maxDaysInAdvance: r.max_days_in_advance,
      resources: links.filter((l) => l.service_id === r.id).map(({ id, uid }) => ({ id, uid })), limits: serviceLimits(r), createdAt: r.created_at, ...durationView(r),
    };
  });
}
