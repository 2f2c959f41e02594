// /setup/v1/services: services CRUD, the resources that offer one, and its allocations (v1's
// recurring service allocations are OpenSlot's weekly allocations).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { getResource, listResources } from '../../services/catalog/resources.js';
import { createService, deleteService, getService, listServices, updateService, type ServiceInput } from '../../services/catalog/services.js';
import { createAllocation, deleteAllocation, getAllocation, listAllocations, updateAllocation } from '../../services/catalog/weekly-allocations.js';
import type { ServiceContext } from '../../services/context.js';
import { allocationInput } from './allocation-input.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderAllocation, renderService } from './render-catalog.js';
import { renderSetupResource } from './render-setup.js';
import { IdParams, Paging, optionalKey, pageOf, v1List } from './request.js';
import { ServiceAllocationListViewModel, ServiceAllocationViewModel, ServiceListViewModel, ServiceViewModel } from './schemas/service-models.js';
import { ServiceAllocationInputModel, ServiceAllocationUpdateModel, ServiceInputModel, ServiceUpdateModel } from './schemas/setup-input-models.js';
import { SetupResourceListViewModel } from './schemas/setup-resource-models.js';

type Body = Static<typeof ServiceInputModel>;
type AllocationBody = Static<typeof ServiceAllocationInputModel>;
const tags = ['v1 setup'];
const ListQuery = Type.Object({ locationId: Type.Optional(Type.String({ maxLength: 64 })), deleted: Type.Optional(Type.Boolean()), ...Paging }, { additionalProperties: true });

/** v1's service fields that OpenSlot keeps; fees, groups and the service's own hours are not kept (docs/onsched-v1.md). */
function input(b: Body): ServiceInput {
  const locationKey = optionalKey(b.locationId, 'locationId');
  return {
    name: b.name ?? undefined, description: b.description, duration: b.duration ?? undefined, interval: b.bookingInterval ?? undefined,
    capacity: b.maxCapacity ?? undefined, paddingAfter: b.options?.padding ?? undefined,
    ...(locationKey !== undefined ? { scope: 'location' as const, locationKey } : {}),
    minHoursInAdvance: b.settings?.bookInAdvance, maxDaysInAdvance: b.settings?.bookAheadValue,
  };
}

export async function setupServiceRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: Static<typeof ListQuery> }>('/setup/v1/services', { schema: { tags, querystring: ListQuery, response: { 200: ServiceListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listServices(services, companyId, { locationKey: optionalKey(request.query.locationId, 'locationId') }, page);
    return v1List(request, page, { total: result.total, items: result.items.map((s) => renderService(s, companyId)) });
  });
  app.post<{ Body: Body }>('/setup/v1/services', { schema: { tags, body: ServiceInputModel, response: { 200: ServiceViewModel } } },
    async (request) => renderService(await createService(services, companyOf(request), input(request.body), idempotencyOf(request)), companyOf(request)));
  app.get<{ Params: IdParams }>('/setup/v1/services/:id', { schema: { tags, params: IdParams, response: { 200: ServiceViewModel } } },
    async (request) => renderService(await getService(services, companyOf(request), request.params.id), companyOf(request)));
  app.put<{ Params: IdParams; Body: Body }>('/setup/v1/services/:id', { schema: { tags, params: IdParams, body: ServiceUpdateModel, response: { 200: ServiceViewModel } } },
    async (request) => renderService(await updateService(services, companyOf(request), request.params.id, input(request.body), idempotencyOf(request)), companyOf(request)));
  app.delete<{ Params: IdParams }>('/setup/v1/services/:id', { schema: { tags, params: IdParams, response: { 200: ServiceViewModel } } },
    async (request) => renderService(await deleteService(services, companyOf(request), request.params.id, idempotencyOf(request)), companyOf(request)));

  app.get<{ Params: IdParams; Querystring: Static<typeof ListQuery> }>('/setup/v1/services/:id/resources', {
    schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: SetupResourceListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listResources(services, companyId, { serviceKey: request.params.id }, page);
    const names = new Map((await listServices(services, companyId, {}, { limit: 100_000, offset: 0 })).items.map((s) => [s.id, s.name]));
    return v1List(request, page, { total: result.total, items: result.items.map((r) => renderSetupResource(r, names)) });
  });

  const allocation = async (companyId: number, a: Awaited<ReturnType<typeof getAllocation>>) =>
    renderAllocation(a, { service: a.service ? await getService(services, companyId, a.service.id) : null, resource: a.resource ? await getResource(services, companyId, a.resource.id) : null });
  app.get<{ Params: IdParams; Querystring: Static<typeof ListQuery> }>('/setup/v1/services/:id/allocations', {
    schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: ServiceAllocationListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listAllocations(services, companyId, { serviceKey: request.params.id }, page);
    return v1List(request, page, { total: result.total, items: await Promise.all(result.items.map((a) => allocation(companyId, a))) });
  });
  app.post<{ Params: IdParams; Body: AllocationBody }>('/setup/v1/services/:id/allocations', {
    schema: { tags, summary: 'A recurring weekly allocation of a resource to the service', params: IdParams, body: ServiceAllocationInputModel, response: { 200: ServiceAllocationViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const made = await createAllocation(services, companyId, { ...allocationInput(request.body), serviceKey: request.params.id }, idempotencyOf(request));
    return allocation(companyId, made);
  });
  app.get<{ Params: IdParams }>('/setup/v1/services/allocations/:id', { schema: { tags, params: IdParams, response: { 200: ServiceAllocationViewModel } } },
    async (request) => allocation(companyOf(request), await getAllocation(services, companyOf(request), request.params.id)));
  app.put<{ Params: IdParams; Body: AllocationBody }>('/setup/v1/services/allocations/:id', {
    schema: { tags, params: IdParams, body: ServiceAllocationUpdateModel, response: { 200: ServiceAllocationViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const existing = await getAllocation(services, companyId, request.params.id);
    return allocation(companyId, await updateAllocation(services, companyId, request.params.id, allocationInput(request.body, existing), idempotencyOf(request)));
  });
  app.delete<{ Params: IdParams }>('/setup/v1/services/allocations/:id', { schema: { tags, params: IdParams, response: { 200: ServiceAllocationViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const before = await allocation(companyId, await getAllocation(services, companyId, request.params.id));
    await deleteAllocation(services, companyId, request.params.id, idempotencyOf(request));
    return before;
  });
}
