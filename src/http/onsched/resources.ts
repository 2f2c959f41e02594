// /v3/resources and /v3/resource/{id}: who is booked, where, in which zone, with which hours.
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createResource, deleteResource, getResource, listResources, updateResource, type ResourceInput, type ResourceView } from '../../services/catalog/resources.js';
import type { ServiceContext } from '../../services/context.js';
import { hoursFromWire } from './hours.js';
import { renderResource } from './render-setup.js';
import { zoneParam } from './request.js';
import { Resource, ResourceBody, ResourceFilter } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

const input = (b: ResourceBody): ResourceInput => ({
  name: b.name, locationKey: b.LocationId, email: b.email, phone: b.phone, description: b.description,
  timezone: b.timezone === null ? null : zoneParam(b.timezone), capacity: b.bookingsPerSlot, bookingLimit: b.bookingLimit,
  hours: b.weeklyAvailability && hoursFromWire(b.weeklyAvailability), serviceKeys: b.ServiceIds,
});

export async function resourceRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<ResourceBody, Static<typeof ResourceFilter>, ResourceView>(app, {
    tag: 'resources', one: 'resource', many: ['resources'], body: ResourceBody, object: Resource, filter: ResourceFilter,
    create: (companyId, body, idempotency) => createResource(services, companyId, input(body), idempotency),
    list: (companyId, query, page) => listResources(services, companyId, { locationKey: query.locationId, serviceKey: query.serviceId }, page),
    get: (companyId, id) => getResource(services, companyId, id),
    update: (companyId, id, body, idempotency) => updateResource(services, companyId, id, input(body), idempotency),
    remove: (companyId, id, idempotency) => deleteResource(services, companyId, id, idempotency),
    render: renderResource,
  });
}
