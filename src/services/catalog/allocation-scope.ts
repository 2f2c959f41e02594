// What weekly and single allocations share: the scope (a resource, a service, or the pair), the
// checks on their windows, and how a stored row is read back.
import type { ExpressionBuilder } from 'kysely';
import { allocatedRanges, type WeeklyWindow } from '../../core/time/allocation-windows.js';
import { parseTimeRange } from '../../core/time/zoned-days.js';
import type { Database } from '../../store/schema.js';
import type { AllocationRow } from '../../store/schema-setup.js';
import type { Tx } from '../../store/transaction.js';
import { keyColumn, keyValue, notFound, type Key } from '../lookup.js';
import { resourceZone } from '../scheduling/calendars.js';
import { findOwned } from '../scheduling/load-setup.js';
import { companySetup } from '../scheduling/setup-cache.js';
import { checkWholeNumber, invalid } from './checks.js';
import type { Ref } from './resources.js';

export interface ScopeInput { resourceKey?: Key; serviceKey?: Key }
export interface Scope { resourceId: number | null; serviceId: number | null }

export interface AllocationView {
  id: number; uid: string; kind: 'weekly' | 'single'; resource: Ref | null; service: Ref | null;
  windows: WeeklyWindow[]; start: number | null; end: number | null; description: string | null;
  bookingsPerSlot: number | null; createdAt: number;
}

export interface AllocationFilter extends ScopeInput { from?: number; to?: number }

/** At least one of ResourceId and ServiceId; a pair only for a resource that offers the service. */
export async function resolveScope(tx: Tx, companyId: number, input: ScopeInput): Promise<Scope> {
  if (input.resourceKey === undefined && input.serviceKey === undefined) {
    throw invalid('ServiceId', 'ServiceId or ResourceId (or both, for one resource doing one service) is required');
  }
  const resource = input.resourceKey === undefined ? null : await findOwned(tx, 'resources', companyId, input.resourceKey, 'Resource', 'ResourceId');
  const service = input.serviceKey === undefined ? null : await findOwned(tx, 'services', companyId, input.serviceKey, 'Service', 'ServiceId');
  if (resource && service) {
    const links = await tx.selectFrom('service_resources').select('resource_id').where('service_id', '=', service.id).execute();
    if (links.length > 0 && !links.some((l) => l.resource_id === resource.id)) {
      throw invalid('ResourceId', `Resource ${resource.uid} does not offer service ${service.uid}: link them first`, resource.uid);
    }
  }
  return { resourceId: resource?.id ?? null, serviceId: service?.id ?? null };
}

/** The scope after an update: a side the input names is re-checked with the side it keeps. */
export async function updatedScope(tx: Tx, companyId: number, row: AllocationRow, input: ScopeInput): Promise<Scope> {
  if (input.resourceKey === undefined && input.serviceKey === undefined) return { resourceId: row.resource_id, serviceId: row.service_id };
  return resolveScope(tx, companyId, { resourceKey: input.resourceKey ?? row.resource_id ?? undefined, serviceKey: input.serviceKey ?? row.service_id ?? undefined });
}

/** Weekly rows: real weekdays, each end after its start, and no two overlapping on one day. */
export function checkWindows(rows: WeeklyWindow[] | undefined, legacy = false): WeeklyWindow[] {
  const field = 'weeklyAvailability';
  if (!rows?.length) throw invalid(field, `${field} must hold at least one {dayOfWeek, startTime, endTime}`);
  const seen: Array<{ day: number; start: number; end: number }> = [];
  rows.forEach((row, i) => {
    // The first version's flat body names its own fields.
    const name = (part: string) => (legacy ? { dayOfWeek: 'daysOfWeek', startTime: 'startTime', endTime: 'endTime' }[part] ?? field : `${field}[${i}]${part ? `.${part}` : ''}`);
    if (!Number.isInteger(row.dayOfWeek) || row.dayOfWeek < 0 || row.dayOfWeek > 6) {
      throw invalid(name('dayOfWeek'), `${name('dayOfWeek')} must be 0 (Sunday) to 6 (Saturday)`, row.dayOfWeek);
    }
    if (parseTimeRange([row.startTime, '24:00']) === null) throw invalid(name('startTime'), `${name('startTime')} is not a time of day`, row.startTime);
    const range = parseTimeRange([row.startTime, row.endTime]);
    if (range === null) throw invalid(name('endTime'), `${name('endTime')} must be a time of day after startTime`, row.endTime);
    if (seen.some((s) => s.day === row.dayOfWeek && s.start < range.end && range.start < s.end)) {
      throw invalid(name(''), `${name('')} overlaps another window on day ${row.dayOfWeek}`);
    }
    seen.push({ day: row.dayOfWeek, ...range });
  });
  return [...rows].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startTime.localeCompare(b.startTime));
}

/** Single ranges: each end after its start, and in one set (listField) no two overlapping. */
export function checkRanges(ranges: Array<{ start: number; end: number }>, listField?: string): void {
  ranges.forEach((r, i) => {
    const at = listField ? `${listField}[${i}].` : '';
    if (!(r.end > r.start)) throw invalid(`${at}endDate`, `${at}endDate must be after startDate`);
    if (listField && ranges.some((o, j) => j < i && o.start < r.end && r.start < o.end)) {
      throw invalid(`${listField}[${i}]`, `${listField}[${i}] overlaps another allocation in the set`);
    }
  });
}

export const checkSeats = (value: number | null | undefined): number | null => checkWholeNumber(value ?? undefined, 'bookingsPerSlot', 1, 1000) ?? null;

/** Rows of exactly this scope (resource-only, service-only or the pair). */
export const inScope = (scope: Scope) => (eb: ExpressionBuilder<Database, 'allocations'>) => eb.and([
  scope.resourceId === null ? eb('resource_id', 'is', null) : eb('resource_id', '=', scope.resourceId),
  scope.serviceId === null ? eb('service_id', 'is', null) : eb('service_id', '=', scope.serviceId),
]);

export async function findAllocation(tx: Tx, companyId: number, kind: 'weekly' | 'single', key: Key): Promise<AllocationRow> {
  const column = keyColumn(key);
  if (!column) throw invalid('id', `id "${key}" is not a valid id`, key);
  const row = await tx.selectFrom('allocations').selectAll().where('company_id', '=', companyId).where('kind', '=', kind)
    .where(column, '=', keyValue(key) as never).executeTakeFirst();
  if (!row) throw notFound(kind === 'weekly' ? 'Weekly allocation' : 'Single allocation', key, 'id');
  return row;
}

export async function allocationViews(tx: Tx, rows: AllocationRow[]): Promise<AllocationView[]> {
  if (rows.length === 0) return [];
  const refs = async (table: 'resources' | 'services', ids: Array<number | null>) => {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    return new Map(wanted.length ? (await tx.selectFrom(table).select(['id', 'uid']).where('id', 'in', wanted).execute()).map((r) => [r.id, r]) : []);
  };
  const resources = await refs('resources', rows.map((r) => r.resource_id));
  const services = await refs('services', rows.map((r) => r.service_id));
  return rows.map((r) => ({
    id: r.id, uid: r.uid, kind: r.kind,
    resource: r.resource_id === null ? null : resources.get(r.resource_id) ?? null,
    service: r.service_id === null ? null : services.get(r.service_id) ?? null,
    windows: JSON.parse(r.windows), start: r.start_at, end: r.end_at, description: r.description,
    bookingsPerSlot: r.bookings_per_slot, createdAt: r.created_at,
  }));
}

/**
 * Weekly allocations have no dates: one matches a startDate–endDate range when its pattern has a
 * window in that range (always, for a week or more), read in its zone: the resource's (else its
 * location's, else the company's), or for a service-wide one the service's home location's.
 */
async function occursIn(tx: Tx, companyId: number, row: AllocationRow, range: { start: number; end: number }): Promise<boolean> {
  const setup = await companySetup(tx, companyId);
  const resource = row.resource_id === null ? undefined : setup.resources.byId.get(row.resource_id);
  const service = row.service_id === null ? undefined : setup.services.byId.get(row.service_id);
  const home = (id: number | null | undefined) => (id == null ? undefined : setup.locations.byId.get(id));
  const location = resource ? home(resource.location_id) : home(service?.location_id);
  const zone = resource && location ? resourceZone(resource, location, setup.company.timezone) : location?.timezone ?? setup.company.timezone;
  return allocatedRanges(JSON.parse(row.windows) as WeeklyWindow[], [], zone, range).length > 0;
}

/** One page of a kind's allocations, filtered by resource, service and date (overlap; for weekly ones, an occurrence). */
export async function listAllocationRows(tx: Tx, companyId: number, kind: 'weekly' | 'single', filter: AllocationFilter, page: { limit: number; offset: number }) {
  let query = tx.selectFrom('allocations').where('company_id', '=', companyId).where('kind', '=', kind);
  if (filter.resourceKey !== undefined) query = query.where('resource_id', '=', (await findOwned(tx, 'resources', companyId, filter.resourceKey, 'Resource', 'ResourceId')).id);
  if (filter.serviceKey !== undefined) query = query.where('service_id', '=', (await findOwned(tx, 'services', companyId, filter.serviceKey, 'Service', 'ServiceId')).id);
  if (kind === 'single' && filter.to !== undefined) query = query.where('start_at', '<', filter.to);
  if (kind === 'single' && filter.from !== undefined) query = query.where('end_at', '>', filter.from);
  if (kind === 'weekly' && filter.from !== undefined && filter.to !== undefined) {
    const range = { start: filter.from, end: filter.to };
    const matching = [];
    for (const row of await query.selectAll().orderBy('id').execute()) if (await occursIn(tx, companyId, row, range)) matching.push(row);
    return { total: matching.length, items: await allocationViews(tx, matching.slice(page.offset, page.offset + page.limit)) };
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: await allocationViews(tx, rows) };
}
