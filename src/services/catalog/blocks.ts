// Blocks: time a resource (or a whole location, or the whole company) is not bookable. Acuity calls
// them blocks, OnSched unavailability; availability reads the same rows either way (calendars.ts).
// A block may overlap existing appointments: blocking time never cancels what is already booked.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { BlockRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { keyColumn, keyValue, notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';

export interface BlockInput {
  /** The resource blocked; absent or null: every resource (of the location, when one is given). */
  resourceKey?: Key | null;
  locationKey?: Key | null;
  /** A block on a service: no booking of it anywhere (never together with a resource or location). */
  serviceKey?: Key | null;
  start: number;
  end: number;
  /** Repeats at the same local wall time every 7 days, until `until` (null: for ever). */
  weekly?: boolean;
  until?: number | null;
  notes?: string | null;
}

export interface BlockView {
  id: number; uid: string; companyId: number;
  resource: { id: number; uid: string; name: string } | null;
  location: { id: number; uid: string; name: string } | null;
  service: { id: number; uid: string; name: string } | null;
  start: number; end: number; weekly: boolean; until: number | null; notes: string | null; createdAt: number;
}

export interface BlockFilter {
  resourceKeys?: Key[];
  locationKey?: Key;
  serviceKey?: Key;
  /** Blocks that touch [from, to); a weekly block touches every window after its start until `until`. */
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
}

const MAX_NOTES = 4000;
const invalid = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });

export async function createBlock(ctx: ServiceContext, companyId: number, input: BlockInput, idempotency?: Idempotency): Promise<BlockView> {
  return runAction(ctx, companyId, idempotency, (tx) => insertBlock(tx, companyId, input, ctx.now()));
}

/** Checks and writes one block inside the caller's transaction. */
export async function insertBlock(tx: Tx, companyId: number, input: BlockInput, now: number): Promise<BlockView> {
  checkTimes(input);
  if (input.notes != null && input.notes.length > MAX_NOTES) throw invalid('notes', `notes may be at most ${MAX_NOTES} characters`);
  const resource = input.resourceKey != null ? await findOwned(tx, 'resources', companyId, input.resourceKey, 'Resource', 'resourceId') : null;
  const location = input.locationKey != null ? await findOwned(tx, 'locations', companyId, input.locationKey, 'Location', 'locationId') : null;
  const service = input.serviceKey != null ? await findOwned(tx, 'services', companyId, input.serviceKey, 'Service', 'ServiceId') : null;
  if (service && (resource || location)) throw invalid('ServiceId', 'A block is on a service, or on a resource or location, not both', input.serviceKey);
  if (resource && location && resource.location_id !== location.id) {
    throw invalid('resourceId', `Resource ${input.resourceKey} does not work at location ${input.locationKey}`, input.resourceKey);
  }
  const { id } = await tx.insertInto('blocks').values({
    uid: randomUUID(), company_id: companyId, resource_id: resource?.id ?? null, location_id: location?.id ?? null, service_id: service?.id ?? null,
    start_at: input.start, end_at: input.end, weekly: input.weekly ? 1 : 0, until: input.weekly ? (input.until ?? null) : null,
    notes: input.notes ?? null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return (await viewsOf(tx, [await blockRow(tx, companyId, Number(id))]))[0];
}

export async function listBlocks(ctx: ServiceContext, companyId: number, f: BlockFilter = {}): Promise<{ total: number; items: BlockView[] }> {
  const tx = ctx.store.db;
  const resourceIds = f.resourceKeys?.length
    ? await Promise.all(f.resourceKeys.map(async (k) => (await findOwned(tx, 'resources', companyId, k, 'Resource', 'resourceId')).id))
    : undefined;
  const location = f.locationKey !== undefined ? await findOwned(tx, 'locations', companyId, f.locationKey, 'Location', 'locationId') : undefined;
  const service = f.serviceKey !== undefined ? await findOwned(tx, 'services', companyId, f.serviceKey, 'Service', 'ServiceId') : undefined;
  let q = tx.selectFrom('blocks').where('company_id', '=', companyId);
  if (resourceIds) q = q.where('resource_id', 'in', resourceIds);
  if (location) q = q.where('location_id', '=', location.id);
  if (service) q = q.where('service_id', '=', service.id);
  if (f.to !== undefined) q = q.where('start_at', '<', f.to);
  if (f.from !== undefined) {
    const from = f.from;
    q = q.where((eb) => eb.or([
      eb('end_at', '>', from),
      eb.and([eb('weekly', '=', 1), eb.or([eb('until', 'is', null), eb('until', '>', from)])]),
    ]));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('start_at').orderBy('id').limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  return { total: Number(n), items: await viewsOf(tx, rows) };
}

export async function getBlock(ctx: ServiceContext, companyId: number, key: Key): Promise<BlockView> {
  const tx = ctx.store.db;
  return (await viewsOf(tx, [await blockRow(tx, companyId, key)]))[0];
}

/** Deletes a block and returns what it was. */
export async function deleteBlock(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<BlockView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await blockRow(tx, companyId, key);
    const [view] = await viewsOf(tx, [row]);
    await tx.deleteFrom('blocks').where('id', '=', row.id).execute();
    return view;
  });
}

function checkTimes(input: BlockInput): void {
  const instant = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (!instant(input.start)) throw invalid('start', 'start is required', input.start);
  if (!instant(input.end)) throw invalid('end', 'end is required', input.end);
  if (input.end <= input.start) throw invalid('end', 'end must be after start', input.end);
  if (input.weekly && input.until != null) {
    if (!instant(input.until)) throw invalid('until', 'until must be an instant', input.until);
    if (input.until <= input.start) throw invalid('until', 'until must be after start', input.until);
  }
}

async function blockRow(tx: Tx, companyId: number, key: Key): Promise<BlockRow> {
  const column = keyColumn(key);
  if (!column) throw invalid('id', `Block "${key}" is not a valid id`, key);
  const row = await tx.selectFrom('blocks').selectAll().where('company_id', '=', companyId)
    .where(column, '=', keyValue(key) as never).executeTakeFirst();
  if (!row) throw notFound('Block', key, 'id');
  return row;
}

export async function viewsOf(tx: Tx, rows: BlockRow[]): Promise<BlockView[]> {
  const ids = (pick: (r: BlockRow) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
  const resourceIds = ids((r) => r.resource_id);
  const locationIds = ids((r) => r.location_id);
  const resources = new Map(resourceIds.length
    ? (await tx.selectFrom('resources').select(['id', 'uid', 'name']).where('id', 'in', resourceIds).execute()).map((r) => [r.id, r]) : []);
  const locations = new Map(locationIds.length
    ? (await tx.selectFrom('locations').select(['id', 'uid', 'name']).where('id', 'in', locationIds).execute()).map((l) => [l.id, l]) : []);
  const serviceIds = ids((r) => r.service_id);
  const services = new Map(serviceIds.length
    ? (await tx.selectFrom('services').select(['id', 'uid', 'name']).where('id', 'in', serviceIds).execute()).map((l) => [l.id, l]) : []);
  return rows.map((r) => ({
    id: r.id, uid: r.uid, companyId: r.company_id,
    resource: r.resource_id === null ? null : resources.get(r.resource_id) ?? null,
    location: r.location_id === null ? null : locations.get(r.location_id) ?? null,
    service: r.service_id === null ? null : services.get(r.service_id) ?? null,
    start: r.start_at, end: r.end_at, weekly: r.weekly === 1, until: r.until, notes: r.notes, createdAt: r.created_at,
  }));
}
