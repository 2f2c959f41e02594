// Locations: where a company books. Exactly one is primary (company-scope services live there and
// bookings without a LocationId go there); removing one keeps it for the history of its bookings.
import { randomUUID } from 'node:crypto';
import type { WeeklyHours } from '../../core/types.js';
import type { Updateable } from 'kysely';
import type { LocationRow, LocationTable } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned, primaryLocation } from '../scheduling/load-setup.js';
import { checkHours, checkZone } from '../setup/checks.js';
import { checkWholeNumber, invalid, requireName } from './checks.js';
import type { Page, PageRequest } from './list-page.js';

export interface LocationInput {
  name?: string;
  timezone?: string;
  primary?: boolean;
  /** Seconds a hold (IN) keeps its slot. */
  expirationDelay?: number;
  /** Business hours. */
  hours?: WeeklyHours;
  address?: string | null;
}

export interface LocationView {
  id: number; uid: string; name: string; timezone: string; primary: boolean; expirationDelay: number;
  hours: WeeklyHours; address: string | null; createdAt: number;
}

export const locationView = (row: LocationRow): LocationView => ({
  id: row.id, uid: row.uid, name: row.name, timezone: row.timezone, primary: row.is_primary === 1,
  expirationDelay: row.expiration_delay, hours: JSON.parse(row.hours), address: row.address, createdAt: row.created_at,
});

const DEFAULT_EXPIRATION_DELAY = 300;
const checkDelay = (seconds: number | undefined) => checkWholeNumber(seconds, 'expirationDelay', 1, 86_400);

export async function createLocation(ctx: ServiceContext, companyId: number, input: LocationInput, idempotency?: Idempotency): Promise<LocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const company = await getCompany(tx, companyId);
    const row = await tx.insertInto('locations').values({
      uid: randomUUID(), company_id: companyId, name: requireName(input.name), timezone: checkZone(input.timezone, 'timezone') ?? company.timezone,
      is_primary: 0, expiration_delay: checkDelay(input.expirationDelay) ?? DEFAULT_EXPIRATION_DELAY,
      hours: JSON.stringify(checkHours(input.hours, 'hours')), address: input.address ?? null, created_at: ctx.now(),
    }).returningAll().executeTakeFirstOrThrow();
    if (input.primary) await makePrimary(tx, companyId, row.id);
    return locationView(await findOwned(tx, 'locations', companyId, row.id, 'Location'));
  });
}

export async function getLocation(ctx: ServiceContext, companyId: number, key: Key): Promise<LocationView> {
  return locationView(await findOwned(ctx.store.db, 'locations', companyId, key, 'Location', 'id'));
}

/** The zone bookings at a location are read in: the named location's, else the primary's. */
export async function bookingZone(ctx: ServiceContext, companyId: number, locationKey?: Key): Promise<string> {
  const db = ctx.store.db;
  const location = locationKey === undefined ? await primaryLocation(db, companyId) : await findOwned(db, 'locations', companyId, locationKey, 'Location', 'LocationId');
  return location.timezone;
}

/**
 * The zone an appointment list reads its dates in: the location's; else the one zone the named
 * resources share (each resource's own, else its location's); else the company's.
 */
export async function listZone(ctx: ServiceContext, companyId: number, filter: { locationKey?: Key; resourceKeys?: Key[] }): Promise<string> {
  const db = ctx.store.db;
  if (filter.locationKey !== undefined) return (await findOwned(db, 'locations', companyId, filter.locationKey, 'Location', 'locationId')).timezone;
  const zones = new Set<string>();
  for (const key of filter.resourceKeys ?? []) {
    const resource = await findOwned(db, 'resources', companyId, key, 'Resource', 'resourceIds');
    zones.add(resource.timezone ?? (await findOwned(db, 'locations', companyId, resource.location_id, 'Location')).timezone);
  }
  if (zones.size === 1) return [...zones][0];
  return (await db.selectFrom('companies').select('timezone').where('id', '=', companyId).executeTakeFirstOrThrow()).timezone;
}

export async function listLocations(ctx: ServiceContext, companyId: number, page: PageRequest): Promise<Page<LocationView>> {
  const query = ctx.store.db.selectFrom('locations').where('company_id', '=', companyId).where('deleted', '=', 0);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('is_primary', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: rows.map(locationView) };
}

export async function updateLocation(ctx: ServiceContext, companyId: number, key: Key, input: LocationInput, idempotency?: Idempotency): Promise<LocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'locations', companyId, key, 'Location', 'id');
    if (input.primary === false && row.is_primary === 1) {
      throw invalid('primary', 'A company always has a primary location: make another location primary instead');
    }
    const set: Updateable<LocationTable> = {};
    if (input.name !== undefined) set.name = requireName(input.name);
    if (input.timezone !== undefined) set.timezone = checkZone(input.timezone, 'timezone')!;
    if (input.expirationDelay !== undefined) set.expiration_delay = checkDelay(input.expirationDelay)!;
    if (input.hours !== undefined) set.hours = JSON.stringify(checkHours(input.hours, 'hours'));
    if (input.address !== undefined) set.address = input.address;
    if (Object.keys(set).length) await tx.updateTable('locations').set(set).where('id', '=', row.id).execute();
    if (input.primary === true) await makePrimary(tx, companyId, row.id);
    return locationView(await findOwned(tx, 'locations', companyId, row.id, 'Location'));
  });
}

export async function deleteLocation(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<LocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'locations', companyId, key, 'Location', 'id');
    if (row.is_primary === 1) throw invalid('id', 'The primary location cannot be deleted: make another location primary first', row.uid);
    await tx.updateTable('locations').set({ deleted: 1 }).where('id', '=', row.id).execute();
    return locationView({ ...row, deleted: 1 });
  });
}

async function makePrimary(tx: Tx, companyId: number, locationId: number): Promise<void> {
  await tx.updateTable('locations').set({ is_primary: 0 }).where('company_id', '=', companyId).where('id', '!=', locationId).execute();
  await tx.updateTable('locations').set({ is_primary: 1 }).where('id', '=', locationId).execute();
}
