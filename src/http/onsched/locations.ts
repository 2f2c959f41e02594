// /v3/locations and /v3/location/{id}: time zone, primary, expirationDelay, business hours.
import type { FastifyInstance } from 'fastify';
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation, type LocationInput } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { hoursFromWire } from './hours.js';
import { renderLocation } from './render-setup.js';
import { zoneParam } from './request.js';
import { Location, LocationBody, PageQuery } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

const input = (b: LocationBody): LocationInput => ({
  name: b.name, timezone: zoneParam(b.timezone), primary: b.primary, expirationDelay: b.expirationDelay, address: b.address,
  hours: b.weeklyAvailability && hoursFromWire(b.weeklyAvailability),
});

export async function locationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<LocationBody, { limit: number; page: number }, Awaited<ReturnType<typeof getLocation>>>(app, {
    tag: 'locations', one: 'location', many: ['locations'], body: LocationBody, object: Location, filter: PageQuery,
    create: (companyId, body, idempotency) => createLocation(services, companyId, input(body), idempotency),
    list: (companyId, _query, page) => listLocations(services, companyId, page),
    get: (companyId, id) => getLocation(services, companyId, id),
    update: (companyId, id, body, idempotency) => updateLocation(services, companyId, id, input(body), idempotency),
    remove: (companyId, id, idempotency) => deleteLocation(services, companyId, id, idempotency),
    render: renderLocation,
  });
}
