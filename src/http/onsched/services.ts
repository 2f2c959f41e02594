// /v3/services and /v3/service/{id}: duration, interval, padding, bookingsPerSlot, scope, round robin.
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createService, deleteService, getService, listServices, updateService, type ServiceInput, type ServiceView } from '../../services/catalog/services.js';
import type { ServiceContext } from '../../services/context.js';
import { renderService } from './render-setup.js';
import { LocationFilter, Service, ServiceBody } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

const input = (b: ServiceBody): ServiceInput => ({
  name: b.name, description: b.description, duration: b.duration, interval: b.bookingInterval, paddingBefore: b.paddingBefore,
  paddingAfter: b.paddingAfter, capacity: b.bookingsPerSlot, scope: b.scope && (b.scope === 'LOCATION' ? 'location' : 'company'),
  locationKey: b.LocationId, roundRobin: b.roundRobin, minHoursInAdvance: b.minHoursInAdvance, maxDaysInAdvance: b.maxDaysInAdvance,
  resourceKeys: b.ResourceIds, durationSelect: b.durationSelect, durationMin: b.durationMin, durationMax: b.durationMax,
  durationInterval: b.durationInterval,
  limits: {
    bookingLimit: b.bookingLimit, maxBookingLimit: b.maxBookingLimit, maxResourceBookingLimit: b.maxResourceBookingLimit,
    dailyBookingLimitCount: b.dailyBookingLimitCount, dailyBookingLimitMinutes: b.dailyBookingLimitMinutes,
  },
});

export async function serviceRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<ServiceBody, Static<typeof LocationFilter>, ServiceView>(app, {
    tag: 'services', one: 'service', many: ['services'], body: ServiceBody, object: Service, filter: LocationFilter,
    create: (companyId, body, idempotency) => createService(services, companyId, input(body), idempotency),
    list: (companyId, query, page) => listServices(services, companyId, { locationKey: query.locationId }, page),
    get: (companyId, id) => getService(services, companyId, id),
    update: (companyId, id, body, idempotency) => updateService(services, companyId, id, input(body), idempotency),
    remove: (companyId, id, idempotency) => deleteService(services, companyId, id, idempotency),
    render: renderService,
  });
}
