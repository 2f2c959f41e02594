// GET /v3/availability: free times of a service, in the seed's shape.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bookingZone } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { findAvailability } from '../../services/scheduling/find-availability.js';
import { companyOf } from './auth.js';
import { renderAvailability } from './render.js';
import { instantIn, needsZone, zoneParam } from './request.js';
import { AvailabilityQuery, AvailabilityResponse } from './schemas/appointments.js';
import { ErrorResponses, doc } from './schemas/common.js';

export async function availabilityRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  // /public/availability is the same answer for the booking widget (public key + x-client-id).
  for (const path of ['/availability', '/public/availability']) {
    app.get<{ Querystring: AvailabilityQuery }>(path, {
      schema: { ...doc('availability', 'Free times of a service at a location'), querystring: AvailabilityQuery, response: { 200: AvailabilityResponse, ...ErrorResponses } },
    }, (request) => availability(services, request));
  }
}

async function availability(services: ServiceContext, request: FastifyRequest<{ Querystring: AvailabilityQuery }>) {
  const q = request.query;
  const companyId = companyOf(request);
  const requested = zoneParam(q.timezone);
  // Dates without an offset are read where the client is (the zone it names) or where the booking is.
  const readZone = requested ?? (needsZone(q.startDate) || needsZone(q.endDate) ? await bookingZone(services, companyId, q.LocationId) : 'UTC');
  const availability = await findAvailability(services, companyId, {
    serviceKey: q.ServiceId, locationKey: q.LocationId, resourceKeys: q.ResourceIds?.length ? q.ResourceIds : undefined,
    from: instantIn(q.startDate, readZone, 'startDate'), to: instantIn(q.endDate, readZone, 'endDate', true),
    roundRobin: q.roundRobin, duration: q.duration, interval: q.interval,
    // OnSched's switch for connected calendars: off unless asked for (the seed's speed trade-off).
    externalCalendars: q.syncExternal === true,
    customerId: q.CustomerId,
  });
  return renderAvailability(availability, requested ?? availability.zone, requested !== undefined);
}
