// What a v1 booking integration reads before it books: locations, services (and their resources
// and allocations), resources (and their services), and the groups OpenSlot does not have.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { getLocation, listLocations } from '../../services/catalog/locations.js';
import { getResource, listResources } from '../../services/catalog/resources.js';
import { getService, listServices } from '../../services/catalog/services.js';
import { getAllocation, listAllocations } from '../../services/catalog/weekly-allocations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { renderAllocation, renderLocation, renderResource, renderService, resourceService } from './render-catalog.js';
import { IdParams, Paging, optionalKey, pageOf, v1List } from './request.js';
import { LocationListViewModel, LocationViewModel } from './schemas/location-models.js';
import { ResourceGroupListViewModel } from './schemas/resource-group-models.js';
import { ResourceListViewModel, ResourceServiceListViewModel, ResourceViewModel } from './schemas/resource-models.js';
import { ServiceAllocationListViewModel, ServiceAllocationViewModel, ServiceGroupListViewModel, ServiceListViewModel, ServiceViewModel } from './schemas/service-models.js';
import { V1Error } from './problem.js';

const Filter = Type.Object({
  locationId: Type.Optional(Type.String({ maxLength: 64 })), serviceId: Type.Optional(Type.String({ maxLength: 64 })),
  name: Type.Optional(Type.String({ maxLength: 200 })), email: Type.Optional(Type.String({ maxLength: 320 })), ...Paging,
}, { additionalProperties: true });
type Filter = Static<typeof Filter>;
const tags = ['v1 consumer'];
const ALL = { limit: 100_000, offset: 0 };

/** Service names by id, for resources that list what they offer. */
async function serviceNames(services: ServiceContext, companyId: number) {
  return new Map((await listServices(services, companyId, {}, ALL)).items.map((s) => [s.id, s.name]));
}

export async function consumerCatalogRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: Filter }>('/consumer/v1/locations', { schema: { tags, querystring: Filter, response: { 200: LocationListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listLocations(services, companyId, page);
    return v1List(request, page, { total: result.total, items: result.items.map((l) => renderLocation(l, companyId)) });
  });
  app.get<{ Params: IdParams }>('/consumer/v1/locations/:id', { schema: { tags, params: IdParams, response: { 200: LocationViewModel } } },
    async (request) => renderLocation(await getLocation(services, companyOf(request), request.params.id), companyOf(request)));

  app.get<{ Querystring: Filter }>('/consumer/v1/services', { schema: { tags, querystring: Filter, response: { 200: ServiceListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listServices(services, companyId, { locationKey: optionalKey(request.query.locationId, 'locationId') }, page);
    return v1List(request, page, { total: result.total, items: result.items.map((s) => renderService(s, companyId)) });
  });
  app.get<{ Params: IdParams }>('/consumer/v1/services/:id', { schema: { tags, params: IdParams, response: { 200: ServiceViewModel } } },
    async (request) => renderService(await getService(services, companyOf(request), request.params.id), companyOf(request)));
  app.get<{ Params: IdParams; Querystring: Filter }>('/consumer/v1/services/:id/resources', {
    schema: { tags, params: IdParams, querystring: Filter, response: { 200: ResourceListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listResources(services, companyId, { serviceKey: request.params.id, locationKey: optionalKey(request.query.locationId, 'locationId') }, page);
    const names = await serviceNames(services, companyId);
    return v1List(request, page, { total: result.total, items: result.items.map((r) => renderResource(r, names)) });
  });

  app.get<{ Params: IdParams; Querystring: Filter }>('/consumer/v1/services/:id/allocations', {
    schema: { tags, params: IdParams, querystring: Filter, response: { 200: ServiceAllocationListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const service = await getService(services, companyId, request.params.id);
    const result = await listAllocations(services, companyId, { serviceKey: service.id }, page);
    const items = await Promise.all(result.items.map(async (a) => renderAllocation(a, { service, resource: a.resource ? await getResource(services, companyId, a.resource.id) : null })));
    return v1List(request, page, { total: result.total, items });
  });
  app.get<{ Params: IdParams }>('/consumer/v1/services/allocations/:id', { schema: { tags, params: IdParams, response: { 200: ServiceAllocationViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const a = await getAllocation(services, companyId, request.params.id);
    return renderAllocation(a, { service: a.service ? await getService(services, companyId, a.service.id) : null, resource: a.resource ? await getResource(services, companyId, a.resource.id) : null });
  });

  app.get<{ Querystring: Filter }>('/consumer/v1/resources', { schema: { tags, querystring: Filter, response: { 200: ResourceListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listResources(services, companyId, { locationKey: optionalKey(request.query.locationId, 'locationId') }, page);
    const names = await serviceNames(services, companyId);
    return v1List(request, page, { total: result.total, items: result.items.map((r) => renderResource(r, names)) });
  });
  app.get<{ Params: IdParams }>('/consumer/v1/resources/:id', { schema: { tags, params: IdParams, response: { 200: ResourceViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    return renderResource(await getResource(services, companyId, request.params.id), await serviceNames(services, companyId));
  });
  app.get<{ Params: IdParams; Querystring: Filter }>('/consumer/v1/resources/:id/services', {
    schema: { tags, params: IdParams, querystring: Filter, response: { 200: ResourceServiceListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const resource = await getResource(services, companyId, request.params.id);
    const names = await serviceNames(services, companyId);
    const all = resource.services.map((s) => resourceService(resource, s.id, names.get(s.id) ?? null));
    return v1List(request, page, { total: all.length, items: all.slice(page.offset, page.offset + page.limit) });
  });

  // OpenSlot has no service or resource groups: the lists are empty and no group exists.
  app.get<{ Querystring: Filter }>('/consumer/v1/servicegroups', { schema: { tags, querystring: Filter, response: { 200: ServiceGroupListViewModel } } },
    async (request) => v1List(request, pageOf(request.query), { total: 0, items: [] }));
  app.get<{ Params: IdParams }>('/consumer/v1/servicegroups/:id', { schema: { tags, params: IdParams } }, async (request) => {
    throw new V1Error(404, `Service group ${request.params.id} was not found: OpenSlot has no service groups.`, 'id');
  });
  app.get<{ Querystring: Filter }>('/consumer/v1/resourcegroups', { schema: { tags, querystring: Filter, response: { 200: ResourceGroupListViewModel } } },
    async (request) => v1List(request, pageOf(request.query), { total: 0, items: [] }));
}
