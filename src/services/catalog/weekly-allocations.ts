// Weekly allocations: the recurring windows in which a resource does one service. Once a resource
// has any for a service, availability for that service uses them instead of the resource's own
// weekly hours (see core/time/allocation-hours.ts); other services keep the resource's hours.
import { randomUUID } from 'node:crypto';
import { parseTimeRange } from '../../core/time/zoned-days.js';
import { WEEKDAYS, type Weekday } from '../../core/types.js';
import type { WeeklyAllocationRow } from '../../store/schema-onsched.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { keyColumn, keyValue, notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { invalid } from './checks.js';
import type { Page, PageRequest } from './list-page.js';
import type { Ref } from './resources.js';

export interface AllocationInput {
  resourceKey?: Key;
  serviceKey?: Key;
  days?: Weekday[];
  /** "HH:MM" local to the resource; the end may be "24:00". */
  startTime?: string;
  endTime?: string;
}

export interface AllocationView {
  id: number; uid: string; resource: Ref; service: Ref; days: Weekday[]; startTime: string; endTime: string; createdAt: number;
}

export interface AllocationFilter { resourceKey?: Key; serviceKey?: Key }

export async function createAllocation(ctx: ServiceContext, companyId: number, input: AllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    if (input.resourceKey === undefined) throw invalid('ResourceId', 'ResourceId is required');
    if (input.serviceKey === undefined) throw invalid('ServiceId', 'ServiceId is required');
    const { resourceId, serviceId } = await checkPair(tx, companyId, input.resourceKey, input.serviceKey);
    const window = checkWindow(input.startTime, input.endTime);
    const row = await tx.insertInto('weekly_allocations').values({
      uid: randomUUID(), company_id: companyId, resource_id: resourceId, service_id: serviceId,
      days: JSON.stringify(checkDays(input.days)), start_time: window.startTime, end_time: window.endTime, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    return loadAllocationView(tx, companyId, Number(row.id));
  });
}

export async function getAllocation(ctx: ServiceContext, companyId: number, key: Key): Promise<AllocationView> {
  return loadAllocationView(ctx.store.db, companyId, key);
}

export async function listAllocations(ctx: ServiceContext, companyId: number, filter: AllocationFilter, page: PageRequest): Promise<Page<AllocationView>> {
  const db = ctx.store.db;
  let query = db.selectFrom('weekly_allocations').where('company_id', '=', companyId);
  if (filter.resourceKey !== undefined) query = query.where('resource_id', '=', (await findOwned(db, 'resources', companyId, filter.resourceKey, 'Resource', 'resourceId')).id);
  if (filter.serviceKey !== undefined) query = query.where('service_id', '=', (await findOwned(db, 'services', companyId, filter.serviceKey, 'Service', 'serviceId')).id);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: await allocationViews(db, rows) };
}

export async function updateAllocation(ctx: ServiceContext, companyId: number, key: Key, input: AllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findAllocation(tx, companyId, key);
    const pair = await checkPair(tx, companyId, input.resourceKey ?? row.resource_id, input.serviceKey ?? row.service_id);
    const window = checkWindow(input.startTime ?? row.start_time, input.endTime ?? row.end_time);
    await tx.updateTable('weekly_allocations').set({
      resource_id: pair.resourceId, service_id: pair.serviceId, start_time: window.startTime, end_time: window.endTime,
      days: input.days !== undefined ? JSON.stringify(checkDays(input.days)) : row.days,
    }).where('id', '=', row.id).execute();
    return loadAllocationView(tx, companyId, row.id);
  });
}

export async function deleteAllocation(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const view = await loadAllocationView(tx, companyId, key);
    await tx.deleteFrom('weekly_allocations').where('id', '=', view.id).execute();
    return view;
  });
}

/** An allocation is only meaningful for a resource that offers the service. */
async function checkPair(tx: Tx, companyId: number, resourceKey: Key, serviceKey: Key) {
  const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'ResourceId');
  const service = await findOwned(tx, 'services', companyId, serviceKey, 'Service', 'ServiceId');
  const links = await tx.selectFrom('service_resources').select('resource_id').where('service_id', '=', service.id).execute();
  if (links.length > 0 && !links.some((l) => l.resource_id === resource.id)) {
    throw invalid('ResourceId', `Resource ${resource.uid} does not offer service ${service.uid}: link them first`, resource.uid);
  }
  return { resourceId: resource.id, serviceId: service.id };
}

function checkDays(days: Weekday[] | undefined): Weekday[] {
  if (!days?.length) throw invalid('daysOfWeek', 'daysOfWeek must name at least one day');
  if (days.some((d) => !WEEKDAYS.includes(d))) throw invalid('daysOfWeek', 'daysOfWeek holds an unknown day', days);
  return WEEKDAYS.filter((d) => days.includes(d));
}

function checkWindow(startTime: string | undefined, endTime: string | undefined): { startTime: string; endTime: string } {
  if (startTime === undefined) throw invalid('startTime', 'startTime is required');
  if (endTime === undefined) throw invalid('endTime', 'endTime is required');
  if (parseTimeRange([startTime, '24:00']) === null) throw invalid('startTime', `startTime "${startTime}" is not a time of day`, startTime);
  if (parseTimeRange([startTime, endTime]) === null) throw invalid('endTime', 'endTime must be a time of day after startTime', endTime);
  return { startTime, endTime };
}

async function findAllocation(tx: Tx, companyId: number, key: Key): Promise<WeeklyAllocationRow> {
  const column = keyColumn(key);
  if (!column) throw invalid('id', `id "${key}" is not a valid id`, key);
  const row = await tx.selectFrom('weekly_allocations').selectAll().where('company_id', '=', companyId).where(column, '=', keyValue(key) as never).executeTakeFirst();
  if (!row) throw notFound('Weekly allocation', key, 'id');
  return row;
}

async function loadAllocationView(tx: Tx, companyId: number, key: Key): Promise<AllocationView> {
  return (await allocationViews(tx, [await findAllocation(tx, companyId, key)]))[0];
}

async function allocationViews(tx: Tx, rows: WeeklyAllocationRow[]): Promise<AllocationView[]> {
  if (rows.length === 0) return [];
  const refs = async (table: 'resources' | 'services', ids: number[]) =>
    new Map((await tx.selectFrom(table).select(['id', 'uid']).where('id', 'in', [...new Set(ids)]).execute()).map((r) => [r.id, r]));
  const resources = await refs('resources', rows.map((r) => r.resource_id));
  const services = await refs('services', rows.map((r) => r.service_id));
  return rows.map((r) => ({
    id: r.id, uid: r.uid, resource: resources.get(r.resource_id)!, service: services.get(r.service_id)!,
    days: JSON.parse(r.days), startTime: r.start_time, endTime: r.end_time, createdAt: r.created_at,
  }));
}
