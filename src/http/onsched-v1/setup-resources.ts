// /setup/v1/resources: resources CRUD, their weekly availability in v1's form, and the services
// they offer (link some, or unlink).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { createResource, deleteResource, getResource, listResources, updateResource, type ResourceInput, type ResourceView } from '../../services/catalog/resources.js';
import { listServices } from '../../services/catalog/services.js';
import type { ServiceContext } from '../../services/context.js';
import type { Key } from '../../services/lookup.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderResourceAvailability, renderSetupResource } from './render-setup.js';
import { IdParams, Paging, keyList, optionalKey, pageOf, v1List } from './request.js';
import { AvailabilityInputModel, ResourceAvailabilityViewModel, ResourceInputModel, ResourceUpdateModel, SetupResourceListViewModel, SetupResourceViewModel } from './schemas/setup-resource-models.js';
import { hoursFromV1 } from './weekly-hours.js';

type Body = Static<typeof ResourceInputModel>;
const tags = ['v1 setup'];
const ListQuery = Type.Object({ locationId: Type.Optional(Type.String({ maxLength: 64 })), ...Paging }, { additionalProperties: true });
const ServiceIds = Type.Array(Type.Union([Type.String({ maxLength: 64 }), Type.Integer({ minimum: 1 })]), { maxItems: 500 });

function input(b: Body, current?: ResourceView): ResourceInput {
  const c = b.contact;
  return {
    name: b.name ?? undefined, email: b.email, description: b.description, locationKey: optionalKey(b.locationId, 'locationId'),
    timezone: b.timezoneId === undefined ? undefined : b.timezoneId === null ? null : String(b.timezoneId),
    phone: c ? (c.businessPhone ?? c.mobilePhone ?? c.homePhone ?? null) : undefined,
    hours: b.availability ? hoursFromV1(b.availability, current?.hours) : undefined,
    serviceKeys: b.serviceIds ? keyList(b.serviceIds.join(','), 'serviceIds') ?? [] : undefined,
  };
}

export async function setupResourceRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const names = async (companyId: number) => new Map((await listServices(services, companyId, {}, { limit: 100_000, offset: 0 })).items.map((s) => [s.id, s.name]));
  const render = async (companyId: number, r: ResourceView) => renderSetupResource(r, await names(companyId));

  app.get<{ Querystring: Static<typeof ListQuery> }>('/setup/v1/resources', { schema: { tags, querystring: ListQuery, response: { 200: SetupResourceListViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const page = pageOf(request.query);
    const result = await listResources(services, companyId, { locationKey: optionalKey(request.query.locationId, 'locationId') }, page);
    const serviceNames = await names(companyId);
    return v1List(request, page, { total: result.total, items: result.items.map((r) => renderSetupResource(r, serviceNames)) });
  });
  app.post<{ Body: Body }>('/setup/v1/resources', { schema: { tags, body: ResourceInputModel, response: { 200: SetupResourceViewModel } } },
    async (request) => render(companyOf(request), await createResource(services, companyOf(request), input(request.body), idempotencyOf(request))));
  app.get<{ Params: IdParams }>('/setup/v1/resources/:id', { schema: { tags, params: IdParams, response: { 200: SetupResourceViewModel } } },
    async (request) => render(companyOf(request), await getResource(services, companyOf(request), request.params.id)));
  app.put<{ Params: IdParams; Body: Body }>('/setup/v1/resources/:id', { schema: { tags, params: IdParams, body: ResourceUpdateModel, response: { 200: SetupResourceViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const current = await getResource(services, companyId, request.params.id);
    return render(companyId, await updateResource(services, companyId, request.params.id, input(request.body, current), idempotencyOf(request)));
  });
  app.delete<{ Params: IdParams }>('/setup/v1/resources/:id', { schema: { tags, params: IdParams, response: { 200: SetupResourceViewModel } } },
    async (request) => render(companyOf(request), await deleteResource(services, companyOf(request), request.params.id, idempotencyOf(request))));

  app.get<{ Params: IdParams }>('/setup/v1/resources/:id/availability', { schema: { tags, params: IdParams, response: { 200: ResourceAvailabilityViewModel } } },
    async (request) => renderResourceAvailability(await getResource(services, companyOf(request), request.params.id)));
  app.put<{ Params: IdParams; Body: Static<typeof AvailabilityInputModel> }>('/setup/v1/resources/:id/availability', {
    schema: { tags, summary: 'Weekly hours, e.g. {mon: {startTime: 900, endTime: 1700}}; days left out keep theirs, {0, 0} closes a day', params: IdParams, body: AvailabilityInputModel, response: { 200: ResourceAvailabilityViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const current = await getResource(services, companyId, request.params.id);
    return renderResourceAvailability(await updateResource(services, companyId, request.params.id, { hours: hoursFromV1(request.body, current.hours) }, idempotencyOf(request)));
  });

  const link = async (companyId: number, id: string, keys: (current: ResourceView) => Key[], request: Parameters<typeof idempotencyOf>[0]) => {
    const current = await getResource(services, companyId, id);
    return render(companyId, await updateResource(services, companyId, id, { serviceKeys: keys(current) }, idempotencyOf(request)));
  };
  app.post<{ Params: IdParams; Body: Static<typeof ServiceIds> }>('/setup/v1/resources/:id/services', {
    schema: { tags, summary: 'Add services this resource offers (a list of service ids)', params: IdParams, body: ServiceIds, response: { 200: SetupResourceViewModel } },
  }, async (request) => {
    const added = keyList(request.body.join(','), 'body') ?? [];
    return link(companyOf(request), request.params.id, (r) => [...r.services.map((s) => s.id), ...added], request);
  });
  app.delete<{ Params: IdParams }>('/setup/v1/resources/:id/services', {
    schema: { tags, summary: 'Stop offering every service (the resource then offers none)', params: IdParams, response: { 200: SetupResourceViewModel } },
  }, async (request) => link(companyOf(request), request.params.id, () => [], request));
}
