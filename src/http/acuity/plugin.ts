// The Acuity v1 surface (/api/v1). A surface parses, authenticates, calls a service, and renders.
// Every 4xx is Acuity's envelope {status_code, message, error}: domain errors are mapped to Acuity's
// codes (errors.ts), unknown paths are 404 not_found, known paths with another method 405
// method_not_allowed, and bodies that are not JSON objects 400 bad_request.
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { serveOpenApiForPrefix } from '../openapi.js';
import { authenticate, remember } from './auth.js';
import { metaRoutes } from './routes/meta.js';
import { acuityError, clientError, fromDomain, isAcuityError, type AcuityError } from './errors.js';
import { BUSY_MESSAGE, isTemporaryDatabaseFailure } from '../status.js';
import { RateLimiter, isRateLimited, rateLimitConfig } from './rate-limit.js';
import { accountRoutes } from './routes/account.js';
import { appointmentReadRoutes } from './routes/appointments.js';
import { bookingRoutes } from './routes/book.js';
import { appointmentChangeRoutes } from './routes/appointment-changes.js';
import { availabilityRoutes } from './routes/availability.js';
import { blockRoutes } from './routes/blocks.js';
import { catalogRoutes } from './routes/catalog.js';
import { certificateRoutes } from './routes/certificates.js';
import { clientRoutes } from './routes/clients.js';
import { commerceRoutes } from './routes/commerce.js';
import { webhookRoutes } from './routes/webhooks.js';

export interface SurfaceOptions { services: ServiceContext; webhookSourceRanges?: string[] }

export const acuityPlugin: FastifyPluginAsync<SurfaceOptions> = async (app, { services, webhookSourceRanges = [] }) => {
  // Acuity reports problems in its own order and words; the routes check requests themselves, so
  // the schemas only document. Responses are plain JSON, exactly as rendered.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  acceptJsonLeniently(app);
  app.setErrorHandler(renderError);
  answerUnknownRoutes(app);

  serveOpenApiForPrefix(app, '/openapi.json', app.prefix, () => ({
    info: { title: 'OpenSlot — Acuity Scheduling API v1', version: '1', description: 'Acuity-compatible API. Authenticate with HTTP Basic (user id, API key) or an OAuth2 bearer token (scope api-v1).' },
    security: [{ basic: [] }, { oauth2: ['api-v1'] }],
    components: {
      ...((app.swagger() as { components?: object }).components ?? {}),
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic' },
        oauth2: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: '/oauth2/authorize', tokenUrl: '/oauth2/token', scopes: { 'api-v1': 'The Acuity API' } } } },
      },
    },
  }));

  await app.register(metaRoutes, { hooks: webhookSourceRanges }); // public: registered outside the credential check below
  const limits = rateLimitConfig();
  const limiter = isRateLimited(limits) ? new RateLimiter(limits) : null;
  await app.register(async (api) => {
    requireCaller(api, services, limiter);
    for (const routes of [accountRoutes, appointmentReadRoutes, bookingRoutes, appointmentChangeRoutes, availabilityRoutes, blockRoutes,
      catalogRoutes, certificateRoutes, clientRoutes, commerceRoutes, webhookRoutes]) {
      await api.register(routes, { services });
    }
  });
};

function requireCaller(api: FastifyInstance, services: ServiceContext, limiter: RateLimiter | null): void {
  const admitted = new WeakMap<FastifyRequest, string>();
  const leave = async (request: FastifyRequest) => {
    const credential = admitted.get(request);
    if (credential !== undefined && limiter) {
      admitted.delete(request);
      limiter.leave(credential);
    }
  };
  api.addHook('onRequest', async (request, reply) => {
    const caller = await authenticate(services, request);
    if (!caller) {
      reply.header('www-authenticate', 'Basic realm="Acuity Scheduling API"');
      return send(reply, acuityError(401, 'unauthorized', 'Unauthorized'));
    }
    remember(request, caller);
    if (limiter) {
      if (!limiter.enter(caller.credential, Date.now())) {
        reply.header('retry-after', '1');
        return send(reply, acuityError(429, 'too_many_requests', 'Too many requests. Slow down and try again.'));
      }
      admitted.set(request, caller.credential);
    }
  });
  api.addHook('onResponse', leave);
  api.addHook('onRequestAbort', leave);
}

const send = (reply: FastifyReply, error: AcuityError) => reply.code(error.statusCode).send(error.toJSON());

function renderError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isAcuityError(error)) return send(reply, error);
  if (isDomainError(error)) return send(reply, fromDomain(error));
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return send(reply, clientError(status, error.message));
  if (isTemporaryDatabaseFailure(error)) return send(reply, acuityError(503, 'service_unavailable', BUSY_MESSAGE));
  request.log.error(error);
  return reply.code(500).send({ status_code: 500, message: 'Internal server error.', error: 'internal_error' });
}

/** JSON bodies: empty is no body; anything unparsable is bad_request; unknown content types are tried as JSON. */
function acceptJsonLeniently(app: FastifyInstance): void {
  const parse = (_request: FastifyRequest, text: string, done: (err: Error | null, body?: unknown) => void) => {
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' ? undefined : value)));
    } catch {
      done(acuityError(400, 'bad_request', 'Expected a JSON object.'));
    }
  };
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  app.addContentTypeParser('*', { parseAs: 'string' }, parse);
}

/** 404 for paths the surface does not have; 405 (with Allow) for paths it has under other methods. */
function answerUnknownRoutes(app: FastifyInstance): void {
  const routes: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    const source = route.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+');
    routes.push({ pattern: new RegExp(`^${source}/?$`), methods: ([] as string[]).concat(route.method) });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))];
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return send(reply, acuityError(405, 'method_not_allowed', `The method ${request.method} is not allowed on ${path}.`));
    }
    return send(reply, acuityError(404, 'not_found', 'Not found.'));
  });
}
