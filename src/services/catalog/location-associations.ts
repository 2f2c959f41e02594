// Location associations (OnSched's setAssociations / addAssociations / removeAssociations). OnSched
// links services and resources to locations many-to-many; in OpenSlot a resource works at exactly
// one location and a LOCATION-scope service is offered at exactly one, so associating one of them
// with a location MOVES it there, which is refused while it has upcoming live appointments at its
// current location (they would be left at a place it no longer is). A COMPANY-scope service is
// offered everywhere already. Nothing can be left without a location, so taking a resource or a
// service away from the location it is at is refused (422): associate it elsewhere instead.
// Double booking stays impossible whatever moves: bookings lock per resource, not per location.
import { DomainError } from '../../core/errors.js';
import type { ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { invalid } from './checks.js';

export interface AssociationInput { serviceKeys?: Key[]; resourceKeys?: Key[] }
export interface Associations { location: { id: number; uid: string }; services: string[]; resources: string[] }
type Change = 'set' | 'add' | 'remove';

/** What is associated with a location: the services offered there and the resources working there. */
async function associations(tx: Tx, companyId: number, locationId: number): Promise<Associations> {
  const location = await tx.selectFrom('locations').select(['id', 'uid']).where('id', '=', locationId).executeTakeFirstOrThrow();
  const services = await tx.selectFrom('services').select('uid').where('company_id', '=', companyId).where('deleted', '=', 0)
    .where((eb) => eb.or([eb('scope', '=', 'company'), eb('location_id', '=', locationId)])).orderBy('id').execute();
  const resources = await tx.selectFrom('resources').select('uid').where('company_id', '=', companyId).where('deleted', '=', 0)
    .where('location_id', '=', locationId).orderBy('id').execute();
  return { location, services: services.map((s) => s.uid), resources: resources.map((r) => r.uid) };
}

export async function getAssociations(ctx: ServiceContext, companyId: number, locationKey: Key): Promise<Associations> {
  const location = await findOwned(ctx.store.db, 'locations', companyId, locationKey, 'Location', 'id');
  return associations(ctx.store.db, companyId, location.id);
}

export async function changeAssociations(ctx: ServiceContext, companyId: number, locationKey: Key, change: Change, input: AssociationInput, idempotency?: Idempotency): Promise<Associations> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const location = await findOwned(tx, 'locations', companyId, locationKey, 'Location', 'id');
    if (input.serviceKeys === undefined && input.resourceKeys === undefined) throw invalid('ServiceIds', 'ServiceIds or ResourceIds is required');
    // Resolve every id first, so a bad one anywhere changes nothing.
    const services = await rows(tx, companyId, 'services', input.serviceKeys ?? [], 'ServiceIds');
    const resources = await rows(tx, companyId, 'resources', input.resourceKeys ?? [], 'ResourceIds');
    const now = ctx.now();
    if (change === 'remove') {
      services.forEach((s, i) => { if (offeredAt(s, location.id)) throw cannotRemove(`ServiceIds[${i}]`, serviceStays(s)); });
      resources.forEach((r, i) => { if (r.location_id === location.id) throw cannotRemove(`ResourceIds[${i}]`, `Resource ${r.uid} works only at this location; associate it with another location to move it`); });
      return associations(tx, companyId, location.id);
    }
    if (change === 'set') await refuseDropped(tx, companyId, location.id, input, services, resources);
    for (const [i, service] of services.entries()) {
      if (offeredAt(service, location.id)) continue;
      await refuseUpcoming(tx, `ServiceIds[${i}]`, `Service ${service.uid}`, now, location.id, { serviceId: service.id });
      await tx.updateTable('services').set({ location_id: location.id }).where('id', '=', service.id).execute();
      // Its links to resources elsewhere could no longer be booked.
      await tx.deleteFrom('service_resources').where('service_id', '=', service.id)
        .where('resource_id', 'not in', tx.selectFrom('resources').select('id').where('location_id', '=', location.id)).execute();
    }
    for (const [i, resource] of resources.entries()) {
      if (resource.location_id === location.id) continue;
      await refuseUpcoming(tx, `ResourceIds[${i}]`, `Resource ${resource.uid}`, now, location.id, { resourceId: resource.id });
      await tx.updateTable('resources').set({ location_id: location.id }).where('id', '=', resource.id).execute();
      // Its links to LOCATION services of other locations could no longer be booked.
      await tx.deleteFrom('service_resources').where('resource_id', '=', resource.id)
        .where('service_id', 'in', tx.selectFrom('services').select('id').where('scope', '=', 'location').where('location_id', '!=', location.id)).execute();
    }
    return associations(tx, companyId, location.id);
  });
}

const offeredAt = (service: ServiceRow, locationId: number) => service.scope === 'company' || service.location_id === locationId;
const serviceStays = (s: ServiceRow) => (s.scope === 'company'
  ? `Service ${s.uid} is a COMPANY service, offered at every location; make it a LOCATION service to offer it at one`
  : `Service ${s.uid} is offered only at this location; associate it with another location to move it`);
const cannotRemove = (field: string, message: string) => new DomainError('association_required', { field, message });

async function rows<T extends 'services' | 'resources'>(tx: Tx, companyId: number, table: T, keys: Key[], field: string) {
  const found: Array<{ id: number }> = [];
  for (const [i, key] of keys.entries()) {
    const row = await findOwned(tx, table, companyId, key, table === 'services' ? 'Service' : 'Resource', `${field}[${i}]`) as unknown as { id: number };
    if (!found.some((r) => r.id === row.id)) found.push(row);
  }
  return found as unknown as (T extends 'services' ? ServiceRow : ResourceRow)[];
}

/** setAssociations replaces a kind's whole set, so whatever is here and not listed would be left with no location. */
async function refuseDropped(tx: Tx, companyId: number, locationId: number, input: AssociationInput, services: ServiceRow[], resources: ResourceRow[]) {
  const here = await tx.selectFrom('services').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0).orderBy('id').execute();
  const service = input.serviceKeys && here.find((s) => offeredAt(s, locationId) && !services.some((l) => l.id === s.id));
  if (service) throw cannotRemove('ServiceIds', `${serviceStays(service)} (list it to keep it)`);
  const working = await tx.selectFrom('resources').select(['id', 'uid']).where('company_id', '=', companyId).where('deleted', '=', 0)
    .where('location_id', '=', locationId).orderBy('id').execute();
  const resource = input.resourceKeys && working.find((r) => !resources.some((l) => l.id === r.id));
  if (resource) throw cannotRemove('ResourceIds', `Resource ${resource.uid} works only at this location; list it, or associate it with another location first`);
}

/** 409 while the thing has live appointments (BK, RS, an unexpired hold) that have not ended, at another location. */
async function refuseUpcoming(tx: Tx, field: string, what: string, now: number, locationId: number, of: { serviceId: number } | { resourceId: number }) {
  let query = tx.selectFrom('appointments').select(['uid', 'start_at']).where('end_at', '>', now).where('location_id', '!=', locationId)
    .where((eb) => eb.or([eb('status', 'in', ['BK', 'RS']), eb.and([eb('status', '=', 'IN'), eb('expires_at', '>', now)])]));
  query = 'serviceId' in of ? query.where('service_id', '=', of.serviceId)
    : query.where('id', 'in', tx.selectFrom('appointment_resources').select('appointment_id').where('resource_id', '=', of.resourceId));
  const upcoming = await query.orderBy('start_at').limit(1).executeTakeFirst();
  if (upcoming) {
    throw new DomainError('has_upcoming_appointments', {
      field, message: `${what} has upcoming appointments at its current location (the first starts ${new Date(Number(upcoming.start_at)).toISOString()}); cancel or move them first`,
    });
  }
}
