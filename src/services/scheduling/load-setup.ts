// Loads the setup rows a scheduling decision needs: the service, where it is offered, and by whom.
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../store/transaction.js';
import type { LocationRow, ResourceRow, ServiceRow } from '../../store/schema.js';
import { keyColumn, keyValue, notFound, type Key } from '../lookup.js';
import { companySetup, type CompanySetup } from './setup-cache.js';

type Keyed = 'services' | 'locations' | 'resources' | 'customers' | 'appointments' | 'addons' | 'class_sessions' | 'labels';
const CACHED = new Set<Keyed>(['services', 'locations', 'resources']);

/** One row of a company's table by id or uid, or a not_found naming `field`. */
export async function findOwned<T extends Keyed>(tx: Tx, table: T, companyId: number, key: Key, what: string, field?: string) {
  const column = keyColumn(key);
  if (!column) throw new DomainError('invalid_input', { field, value: key, message: `${field ?? what} "${key}" is not a valid id` });
  const row = CACHED.has(table) ? cachedRow(await companySetup(tx, companyId), table as 'services', column, keyValue(key))
    : await tx.selectFrom(table as 'services').selectAll()
      .where('company_id', '=', companyId).where(column, '=', keyValue(key) as never).executeTakeFirst();
  if (!row || ('deleted' in row && row.deleted)) throw notFound(what, key, field);
  return row as unknown as import('kysely').Selectable<import('../../store/schema.js').Database[T]>;
}

function cachedRow(setup: CompanySetup, table: 'services' | 'locations' | 'resources', column: 'id' | 'uid', value: number | string) {
  const rows = setup[table] as CompanySetup['services'];
  return column === 'id' ? rows.byId.get(value as number) : rows.byUid.get(value as string);
}

export async function primaryLocation(tx: Tx, companyId: number): Promise<LocationRow> {
  // The primary one, else the oldest: rows are in id order.
  const live = (await companySetup(tx, companyId)).locations.all.filter((l) => !l.deleted);
  const row = live.find((l) => l.is_primary) ?? live[0];
  if (!row) throw new DomainError('not_found', { message: 'The company has no location.' });
  return row;
}

/** The location a booking happens at; a location-scope service only at its own. */
export async function resolveLocation(tx: Tx, companyId: number, service: ServiceRow, locationKey?: Key): Promise<LocationRow> {
  const location = locationKey === undefined ? await primaryLocation(tx, companyId)
    : await findOwned(tx, 'locations', companyId, locationKey, 'Location', 'LocationId');
  if (service.scope === 'location' && service.location_id !== location.id) {
    throw new DomainError('invalid_input', { field: 'LocationId', value: locationKey, message: `Service ${service.uid} is not offered at location ${location.uid}` });
  }
  return location;
}

/**
 * The resources that may take a booking: the ones asked for (each must work at the location and,
 * when the service names its resources, be one of them), else the service's own at the location.
 */
export async function resolveResources(tx: Tx, companyId: number, service: ServiceRow, location: LocationRow, keys?: Key[]): Promise<ResourceRow[]> {
  const setup = await companySetup(tx, companyId);
  const linkedIds = setup.serviceResources.get(service.id) ?? new Set<number>();
  if (keys && keys.length > 0) {
    const rows: ResourceRow[] = [];
    for (const key of keys) {
      const row = await findOwned(tx, 'resources', companyId, key, 'Resource', 'ResourceIds');
      if (row.location_id !== location.id) {
        throw new DomainError('invalid_input', { field: 'ResourceIds', value: key, message: `Resource ${row.uid} does not work at location ${location.uid}` });
      }
      if (linkedIds.size > 0 && !linkedIds.has(row.id)) {
        throw new DomainError('invalid_input', { field: 'ResourceIds', value: key, message: `Resource ${row.uid} does not offer service ${service.uid}` });
      }
      if (!rows.some((r) => r.id === row.id)) rows.push(row);
    }
    return rows;
  }
  return setup.resources.all.filter((r) => r.location_id === location.id && !r.deleted && (linkedIds.size === 0 || linkedIds.has(r.id)));
}

export async function loadAddons(tx: Tx, companyId: number, service: ServiceRow, keys: Key[] | undefined, allowPrivate: boolean) {
  if (!keys?.length) return [];
  const offered = new Set((await tx.selectFrom('service_addons').select('addon_id').where('service_id', '=', service.id).execute()).map((r) => r.addon_id));
  const addons = [];
  for (const key of keys) {
    const addon = await findOwned(tx, 'addons', companyId, key, 'Add-on', 'addonIDs');
    if (!offered.has(addon.id) || (addon.private && !allowPrivate)) {
      throw new DomainError('invalid_input', { field: 'addonIDs', value: key, message: `The add-on "${key}" is not available for this service.` });
    }
    addons.push(addon);
  }
  return addons;
}
