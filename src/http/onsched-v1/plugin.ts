// OnSched's legacy v1 API (/consumer/v1, /setup/v1, /connect/token), as OnSched's own v3 host still
// answers it for migrating integrations. Part of the OnSched surface, with its own validation,
// credentials and error format (problem details); it maps v1 requests onto the same services the
// /v3 routes call and renders v1's view models. Nothing here imports a /v3 route file.
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { acceptEmptyJson } from '../empty-json.js';
import { authenticate, tokenRoute } from './auth.js';
import { consumerAppointmentRoutes } from './consumer-appointments.js';
import { appointmentChangeRoutes } from './appointment-changes.js';
import { consumerAvailabilityRoutes } from './consumer-availability.js';
import { consumerCatalogRoutes } from './consumer-catalog.js';
import { consumerCustomerRoutes } from './consumer-customers.js';
import { goneRoutes } from './gone.js';
import { setupBlockRoutes } from './setup-blocks.js';
import { setupLocationRoutes } from './setup-locations.js';
import { setupResourceRoutes } from './setup-resources.js';
import { setupServiceRoutes } from './setup-services.js';
import { renderProblem } from './problem.js';
import { canonicalQuery, validatorCompiler } from './validation.js';

export interface V1Options { services: ServiceContext }

/** v1 clients add a trailing slash freely; the router sees the path without it. */
export function stripV1TrailingSlash(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  if (path.length > 1 && path.endsWith('/') && /^\/(consumer\/v1|setup\/v1|connect\/token)\//.test(path)) {
    return path.replace(/\/+$/, '') + (query !== undefined ? `?${query}` : '');
  }
  return url;
}

export const onschedV1Plugin: FastifyPluginAsync<V1Options> = async (app, { services }) => {
  app.setValidatorCompiler(validatorCompiler);
  // Responses are shaped by `complete` against the view models; the schemas document them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  acceptEmptyJson(app);

  app.addHook('onRequest', authenticate(services));
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    if (schema?.querystring) request.query = canonicalQuery(request.query, schema.querystring as object);
    if (schema?.body && (request.body === undefined || request.body === null)) request.body = {};
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body, ours } = renderProblem(error, request.url.split('?')[0]);
    if (ours) request.log.error(error);
    return reply.code(status).type('application/problem+json').send(body);
  });

  await tokenRoute(app, services);
  await consumerCatalogRoutes(app, services);
  await consumerAvailabilityRoutes(app, services);
  await consumerAppointmentRoutes(app, services);
  await appointmentChangeRoutes(app, services);
  await consumerCustomerRoutes(app, services);
  await setupLocationRoutes(app, services);
  await setupServiceRoutes(app, services);
  await setupResourceRoutes(app, services);
  await setupBlockRoutes(app, services);
  await goneRoutes(app);
};
