// /setup/v1/locations: create, list, read, update and remove locations (v1 answers the entity bare).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation, type LocationInput } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderLocation } from './render-catalog.js';
import { IdParams, Paging, pageOf, v1List } from './request.js';
import { LocationListViewModel, LocationViewModel } from './schemas/location-models.js';
import { LocationInputModel, LocationUpdateModel } from './schemas/setup-input-models.js';
import { hoursFromV1 } from './weekly-hours.js';

type Body = Static<typeof LocationInputModel>;
const tags = ['v1 setup'];
const ListQuery = Type.Object({ name: Type.Optional(Type.String()), deleted: Type.Optional(Type.Boolean()), ...Paging });

/** The address lines as one text, the way OpenSlot keeps a location's address. */
function addressOf(a: Body['address']): string | null | undefined {
  if (a === undefined) return undefined;
  if (a === null) return null;
  const text = [a.addressLine1, a.addressLine2, a.city, a.state, a.postalCode, a.country].filter((x) => x && x.trim()).join(', ');
  return text || null;
}

function input(b: Body, currentHours?: LocationInput['hours']): LocationInput {
  return {
    name: b.name ?? undefined, timezone: b.timezoneName ?? undefined, address: addressOf(b.address),
    hours: b.businessHours ? hoursFromV1(b.businessHours, currentHours) : undefined,
  };
}

export async function setupLocationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: Static<typeof ListQuery> }>('/setup/v1/locations', { schema: { tags, querystring: ListQuery, response: { 200: LocationListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listLocations(services, companyId, page);
    return v1List(request, page, { total: result.total, items: result.items.map((l) => renderLocation(l, companyId)) });
  });
  app.post<{ Body: Body }>('/setup/v1/locations', { schema: { tags, body: LocationInputModel, response: { 200: LocationViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    return renderLocation(await createLocation(services, companyId, input(request.body), idempotencyOf(request)), companyId);
  });
  app.get<{ Params: IdParams }>('/setup/v1/locations/:id', { schema: { tags, params: IdParams, response: { 200: LocationViewModel } } },
    async (request) => renderLocation(await getLocation(services, companyOf(request), request.params.id), companyOf(request)));
  app.put<{ Params: IdParams; Body: Body }>('/setup/v1/locations/:id', { schema: { tags, params: IdParams, body: LocationUpdateModel, response: { 200: LocationViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const current = await getLocation(services, companyId, request.params.id);
    return renderLocation(await updateLocation(services, companyId, request.params.id, input(request.body, current.hours), idempotencyOf(request)), companyId);
  });
  app.delete<{ Params: IdParams }>('/setup/v1/locations/:id', { schema: { tags, params: IdParams, response: { 200: LocationViewModel } } },
    async (request) => renderLocation(await deleteLocation(services, companyOf(request), request.params.id, idempotencyOf(request)), companyOf(request)));
}
