// Resource–service links per location (OnSched's /v3/resource/{id}/services). An OpenSlot resource
// works at one location, so a link is always at that location: it is the row in service_resources
// that the setup document's `services[].resources` and the /v3 `ResourceIds`/`ServiceIds` lists
// write too. A service with links is offered only by its linked resources; a service with no link
// at all is offered by every resource at the location (OpenSlot's convenience for a first setup).
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import type { Tx } from '../../store/transaction.js';
import { invalid } from './checks.js';

export interface LinkedService { id: number; uid: string; name: string; duration: number; location: { id: number; uid: string } }

async function linked(tx: Tx, companyId: number, resourceKey: Key): Promise<LinkedService[]> {
  const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'id');
  const location = await tx.selectFrom('locations').select(['id', 'uid']).where('id', '=', resource.location_id).executeTakeFirstOrThrow();
  const rows = await tx.selectFrom('service_resources as sr').innerJoin('services as s', 's.id', 'sr.service_id')
    .select(['s.id', 's.uid', 's.name', 's.duration']).where('sr.resource_id', '=', resource.id).where('s.deleted', '=', 0).orderBy('s.id').execute();
  return rows.map((r) => ({ ...r, location }));
}

export const listLinkedServices = (ctx: ServiceContext, companyId: number, resourceKey: Key) => linked(ctx.store.db, companyId, resourceKey);

export async function linkService(ctx: ServiceContext, companyId: number, resourceKey: Key, link: { serviceKey?: Key; locationKey?: Key }, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    if (link.serviceKey === undefined) throw invalid('ServiceId', 'ServiceId is required');
    const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'id');
    const service = await findOwned(tx, 'services', companyId, link.serviceKey, 'Service', 'ServiceId');
    if (link.locationKey !== undefined) {
      const location = await findOwned(tx, 'locations', companyId, link.locationKey, 'Location', 'LocationId');
      if (location.id !== resource.location_id) throw invalid('LocationId', `Resource ${resource.uid} works at another location; link it there`, link.locationKey);
    }
    if (service.scope === 'location' && service.location_id !== resource.location_id) {
      throw invalid('ServiceId', `Service ${service.uid} is offered only at another location`, link.serviceKey);
    }
    const exists = await tx.selectFrom('service_resources').select('resource_id').where('service_id', '=', service.id).where('resource_id', '=', resource.id).executeTakeFirst();
    if (!exists) await tx.insertInto('service_resources').values({ service_id: service.id, resource_id: resource.id }).execute();
    return linked(tx, companyId, resource.id);
  });
}

export async function unlinkService(ctx: ServiceContext, companyId: number, resourceKey: Key, serviceKey: Key | undefined, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    if (serviceKey === undefined) throw invalid('ServiceId', 'ServiceId is required');
    const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'id');
    const service = await findOwned(tx, 'services', companyId, serviceKey, 'Service', 'ServiceId');
    const gone = await tx.deleteFrom('service_resources').where('service_id', '=', service.id).where('resource_id', '=', resource.id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw invalid('ServiceId', `Resource ${resource.uid} is not linked to service ${service.uid}`, serviceKey);
    return linked(tx, companyId, resource.id);
  });
}
