// The unavailability calendar (OnSched's GET /v3/unavailability): one row per concrete interval in
// which an entity is not bookable, tagged with where it comes from, never merged. Sources:
// `weekly` (outside a resource's working hours), `block` (stored blocks, weekly ones expanded),
// `recurring` (recurring blocks, expanded), `appointment` (live appointments and holds).
import { expandBlock } from '../../core/availability/index.js';
import { expandRecurrence } from '../../core/time/recurrence.js';
import { subtract } from '../../core/time/intervals.js';
import { expandWorkingHours } from '../../core/time/zoned-days.js';
import type { Interval } from '../../core/types.js';
import type { LocationRow, ResourceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { invalid } from '../catalog/checks.js';
import { ruleOf } from '../catalog/recurring-blocks.js';
import { getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { loadAllocatedHours } from './allocation-hours.js';
import { resourceZone } from './calendars.js';
import { findOwned } from './load-setup.js';

export interface CalendarQuery { locationKeys?: Key[]; resourceKeys?: Key[]; serviceKey?: Key; from: number; to: number }

export interface CalendarRow {
  source: 'weekly' | 'block' | 'recurring' | 'appointment';
  entityType: 'company' | 'location' | 'resource' | 'service';
  entityId: string | null;
  start: number; end: number; reason: string | null;
  /** The stored block, recurring block or appointment the row comes from. */
  sourceId: string | null;
}

const MAX_DAYS = 100;

export async function unavailabilityCalendar(ctx: ServiceContext, companyId: number, q: CalendarQuery): Promise<CalendarRow[]> {
  if (!(q.to > q.from)) throw invalid('endDate', 'endDate must be after startDate');
  if (q.to - q.from > MAX_DAYS * 86_400_000) throw invalid('endDate', `The window may span at most ${MAX_DAYS} days`);
  if (!q.locationKeys?.length && !q.resourceKeys?.length && q.serviceKey === undefined) {
    throw invalid('LocationIds', 'Give at least one of LocationIds, ResourceIds and ServiceId');
  }
  const tx = ctx.store.db;
  const company = await getCompany(tx, companyId);
  const service = q.serviceKey === undefined ? null : await findOwned(tx, 'services', companyId, q.serviceKey, 'Service', 'ServiceId');
  const locations: LocationRow[] = [];
  for (const key of q.locationKeys ?? []) locations.push(await findOwned(tx, 'locations', companyId, key, 'Location', 'LocationIds'));
  const resources = await scopeResources(tx, companyId, q.resourceKeys, locations, service?.id ?? null);
  const locationIds = [...new Set([...locations.map((l) => l.id), ...resources.map((r) => r.location_id)])];
  const allLocations = locationIds.length ? await tx.selectFrom('locations').selectAll().where('id', 'in', locationIds).execute() : [];
  const byLocation = new Map(allLocations.map((l) => [l.id, l]));
  const window: Interval = { start: q.from, end: q.to };
  const rows: CalendarRow[] = [];
  const clip = (i: Interval) => i.start < window.end && i.end > window.start;

  const allocated = await loadAllocatedHours(tx, companyId, service?.id, resources, window);
  for (const r of resources) {
    const zone = resourceZone(r, byLocation.get(r.location_id)!, company.timezone);
    const a = allocated.get(r.id);
    const working = expandWorkingHours({ zone, hours: a?.hours ?? JSON.parse(r.hours), overrides: a?.overrides ?? JSON.parse(r.overrides), extra: a?.extra }, window);
    for (const closed of subtract([window], working)) rows.push({ source: 'weekly', entityType: 'resource', entityId: r.uid, ...closed, reason: 'Outside working hours', sourceId: null });
  }

  const resourceIds = resources.map((r) => r.id);
  const uidOf = new Map<string, string>([...resources.map((r) => [`resource:${r.id}`, r.uid] as const), ...allLocations.map((l) => [`location:${l.id}`, l.uid] as const)]);
  if (service) uidOf.set(`service:${service.id}`, service.uid);
  const zoneOf = (resourceId: number | null, locationId: number | null) => {
    const resource = resources.find((r) => r.id === resourceId);
    if (resource) return resourceZone(resource, byLocation.get(resource.location_id)!, company.timezone);
    return (locationId !== null ? byLocation.get(locationId)?.timezone : undefined) ?? company.timezone;
  };
  const blocks = await tx.selectFrom('blocks').selectAll().where('company_id', '=', companyId).where('start_at', '<', window.end)
    .where((eb) => eb.or([
      ...(resourceIds.length ? [eb('resource_id', 'in', resourceIds)] : []),
      ...(locationIds.length ? [eb.and([eb('resource_id', 'is', null), eb('location_id', 'in', locationIds)])] : []),
      eb.and([eb('resource_id', 'is', null), eb('location_id', 'is', null), eb('service_id', 'is', null)]),
      ...(service ? [eb('service_id', '=', service.id)] : []),
    ])).execute();
  for (const b of blocks) {
    const [entityType, entityId] = entity(b, uidOf);
    for (const o of expandBlock({ start: b.start_at, end: b.end_at, weekly: b.weekly === 1, until: b.until }, zoneOf(b.resource_id, b.location_id), window)) {
      rows.push({ source: 'block', entityType, entityId, ...o, reason: b.notes, sourceId: b.uid });
    }
  }

  const recurring = await tx.selectFrom('recurring_blocks').selectAll().where('company_id', '=', companyId)
    .where((eb) => eb.or([
      ...(resourceIds.length ? [eb('resource_id', 'in', resourceIds)] : []),
      ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []),
      ...(service ? [eb('service_id', '=', service.id)] : []),
    ])).execute();
  for (const b of recurring) {
    const [entityType, entityId] = entity(b, uidOf);
    for (const o of expandRecurrence(ruleOf(b), window)) rows.push({ source: 'recurring', entityType, entityId, ...o, reason: b.name, sourceId: b.uid });
  }

  if (resourceIds.length) {
    const now = ctx.now();
    const busy = await tx.selectFrom('appointment_resources as ar').innerJoin('appointments as a', 'a.id', 'ar.appointment_id')
      .select(['ar.resource_id', 'a.uid', 'a.status', 'a.start_at', 'a.end_at']).where('ar.resource_id', 'in', resourceIds).where('ar.live', '=', 1)
      .where((eb) => eb.or([eb('ar.expires_at', 'is', null), eb('ar.expires_at', '>', now)]))
      .where('a.start_at', '<', window.end).where('a.end_at', '>', window.start).execute();
    for (const b of busy) {
      rows.push({ source: 'appointment', entityType: 'resource', entityId: uidOf.get(`resource:${b.resource_id}`)!, start: b.start_at, end: b.end_at, reason: b.status, sourceId: b.uid });
    }
  }
  return rows.filter(clip).sort((a, b) => a.start - b.start || a.end - b.end || a.source.localeCompare(b.source));
}

function entity(b: { resource_id: number | null; location_id: number | null; service_id: number | null }, uidOf: Map<string, string>): [CalendarRow['entityType'], string | null] {
  if (b.resource_id !== null) return ['resource', uidOf.get(`resource:${b.resource_id}`) ?? null];
  if (b.service_id !== null) return ['service', uidOf.get(`service:${b.service_id}`) ?? null];
  if (b.location_id !== null) return ['location', uidOf.get(`location:${b.location_id}`) ?? null];
  return ['company', null];
}

/** The resources in question: those named, else those at the named locations, else the service's. */
async function scopeResources(tx: Tx, companyId: number, keys: Key[] | undefined, locations: LocationRow[], serviceId: number | null): Promise<ResourceRow[]> {
  if (keys?.length) {
    const rows: ResourceRow[] = [];
    for (const key of keys) rows.push(await findOwned(tx, 'resources', companyId, key, 'Resource', 'ResourceIds'));
    return rows;
  }
  const linked = serviceId === null ? [] : (await tx.selectFrom('service_resources').select('resource_id').where('service_id', '=', serviceId).execute()).map((r) => r.resource_id);
  let query = tx.selectFrom('resources').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0);
  if (locations.length) query = query.where('location_id', 'in', locations.map((l) => l.id));
  if (linked.length) query = query.where('id', 'in', linked);
  return query.orderBy('id').execute();
}
