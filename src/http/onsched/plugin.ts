// The OnSched v3 surface (/v3). A surface parses, authenticates, calls a service, and renders.
// Validation, credentials and errors are this plugin's own (Fastify encapsulation), so nothing
// here changes how the other surfaces behave.
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { appointmentChangeRoutes } from './appointment-changes.js';
import { appointmentReadRoutes } from './appointment-reads.js';
import { appointmentCreateRoutes } from './appointments.js';
import { authenticate, oauthRoutes } from './auth.js';
import { availabilityRoutes } from './availability.js';
import { companyRoutes } from './company.js';
import { customerRoutes } from './customers.js';
import { acceptEmptyJson } from '../empty-json.js';
import { useEnvelope } from './envelope.js';
import { errorBody, renderError } from './errors.js';
import { externalCalendarRoutes } from './external-calendars.js';
import { locationRoutes } from './locations.js';
import { publicLocationRoutes } from './public-locations.js';
import { openapiRoute } from './openapi.js';
import { recurringBlockRoutes } from './recurring-blocks.js';
import { resourceRoutes } from './resources.js';
import { locationAssociationRoutes } from './location-associations.js';
import { resourceServiceRoutes } from './resource-services.js';
import { serviceRoutes } from './services.js';
import { singleAllocationRoutes } from './single-allocations.js';
import { unavailabilityRoutes } from './unavailability.js';
import { canonicalize, validatorCompiler } from './validation.js';
import { weeklyAllocationRoutes } from './weekly-allocations.js';
import { webhookRoutes } from './webhooks.js';

export interface SurfaceOptions { services: ServiceContext }

export const onschedPlugin: FastifyPluginAsync<SurfaceOptions> = async (app, { services }) => {
  app.setValidatorCompiler(validatorCompiler);

  // PUT …/cancel and friends are often sent with a JSON content type and no body at all.
  acceptEmptyJson(app);

  useEnvelope(app);
  app.addHook('onRequest', authenticate(services, app.prefix));
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    if (schema.querystring) request.query = canonicalize(request.query, schema.querystring as object, true);
    if (schema.body) request.body = canonicalize(request.body ?? {}, schema.body as object);
  });

  app.setErrorHandler((error, request, reply) => {
    const { statusCode, body, ours } = renderError(error);
    if (ours) request.log.error(error);
    return reply.code(statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(404, `No route ${request.method} ${request.url.split('?')[0]}`, [{ field: 'path', message: 'Unknown route' }])));

  await oauthRoutes(app, services);
  await availabilityRoutes(app, services);
  await appointmentCreateRoutes(app, services);
  await appointmentChangeRoutes(app, services);
  await appointmentReadRoutes(app, services);
  await locationRoutes(app, services);
  await publicLocationRoutes(app, services);
  await serviceRoutes(app, services);
  await resourceRoutes(app, services);
  await resourceServiceRoutes(app, services);
  await locationAssociationRoutes(app, services);
  await externalCalendarRoutes(app, services);
  await customerRoutes(app, services);
  await companyRoutes(app, services);
  await weeklyAllocationRoutes(app, services);
  await singleAllocationRoutes(app, services);
  await unavailabilityRoutes(app, services);
  await recurringBlockRoutes(app, services);
  await webhookRoutes(app, services);
  await openapiRoute(app, app.prefix);
};
