// Resource–service links (/v3/resource/{id}/services) and the weekly hours of locations and
// resources (/v3/location|resource/{id}/weeklyAvailability). Bare arrays; the plugin wraps them.
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { getLocation, updateLocation } from '../../services/catalog/locations.js';
import { linkService, listLinkedServices, unlinkService, type LinkedService } from '../../services/catalog/resource-links.js';
import { getResource, updateResource } from '../../services/catalog/resources.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { hoursFromWire, hoursToWire } from './hours.js';
import { idempotency } from './request.js';
import { ErrorResponses, IdParams, Uuid, WeeklyAvailability, doc } from './schemas/common.js';

const Linked = Type.Array(Type.Object({ id: Type.String(), name: Type.String(), duration: Type.Integer(), LocationId: Type.String() }));
const LinkBody = Type.Object({ ServiceId: Type.Optional(Uuid), LocationId: Type.Optional(Uuid) });
const UnlinkQuery = Type.Object({ ServiceId: Type.Optional(Uuid) });
const ServiceParams = Type.Object({ id: Uuid, serviceId: Uuid });
/** The rows themselves, or wrapped as {weeklyAvailability: [...]}. */
const HoursBody = Type.Unsafe<WeeklyAvailability | { weeklyAvailability: WeeklyAvailability }>({
  if: { type: 'array' }, then: WeeklyAvailability, else: Type.Object({ weeklyAvailability: WeeklyAvailability }),
});
const rowsOf = (b: WeeklyAvailability | { weeklyAvailability: WeeklyAvailability }) => (Array.isArray(b) ? b : b.weeklyAvailability);

const render = (list: LinkedService[]) => list.map((s) => ({ id: s.uid, name: s.name, duration: s.duration, LocationId: s.location.uid }));

export async function resourceServiceRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const links = { 200: Linked, ...ErrorResponses };
  app.get<{ Params: IdParams }>('/resource/:id/services', {
    schema: { ...doc('resources', 'The services a resource is linked to'), params: IdParams, response: links },
  }, async (request) => render(await listLinkedServices(services, companyOf(request), request.params.id)));
  app.post<{ Params: IdParams; Body: Static<typeof LinkBody> }>('/resource/:id/services', {
    schema: { ...doc('resources', 'Link a resource to a service at its location'), params: IdParams, body: LinkBody, response: links },
  }, async (request) => render(await linkService(services, companyOf(request), request.params.id,
    { serviceKey: request.body.ServiceId, locationKey: request.body.LocationId }, idempotency(request))));
  app.delete<{ Params: IdParams; Querystring: Static<typeof UnlinkQuery> }>('/resource/:id/services', {
    schema: { ...doc('resources', 'Unlink a resource from a service (ServiceId in the query)'), params: IdParams, querystring: UnlinkQuery, response: links },
  }, async (request) => render(await unlinkService(services, companyOf(request), request.params.id, request.query.ServiceId, idempotency(request))));
  app.delete<{ Params: Static<typeof ServiceParams> }>('/resource/:id/services/:serviceId', {
    schema: { ...doc('resources', 'Unlink a resource from a service'), params: ServiceParams, response: links },
  }, async (request) => render(await unlinkService(services, companyOf(request), request.params.id, request.params.serviceId, idempotency(request))));

  const hours = { 200: WeeklyAvailability, ...ErrorResponses };
  for (const kind of ['location', 'resource'] as const) {
    const read = kind === 'location' ? getLocation : getResource;
    app.get<{ Params: IdParams }>(`/${kind}/:id/weeklyAvailability`, {
      schema: { ...doc(`${kind}s`, `The ${kind}'s weekly hours`), params: IdParams, response: hours },
    }, async (request) => hoursToWire((await read(services, companyOf(request), request.params.id)).hours));
    app.post<{ Params: IdParams; Body: WeeklyAvailability | { weeklyAvailability: WeeklyAvailability } }>(`/${kind}/:id/weeklyAvailability`, {
      schema: { ...doc(`${kind}s`, `Replace the ${kind}'s weekly hours`), params: IdParams, body: HoursBody, response: hours },
    }, async (request) => {
      const input = { hours: hoursFromWire(rowsOf(request.body)) };
      const view = kind === 'location'
        ? await updateLocation(services, companyOf(request), request.params.id, input, idempotency(request))
        : await updateResource(services, companyOf(request), request.params.id, input, idempotency(request));
      return hoursToWire(view.hours);
    });
  }
}
