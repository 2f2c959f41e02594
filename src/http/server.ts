// The Fastify server: health, OpenAPI documents, and one plugin per surface under its own prefix.
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ServiceContext } from '../services/context.js';
import { adminPlugin } from './admin/plugin.js';
import { onschedPlugin } from './onsched/plugin.js';
import { onschedV1Plugin, stripV1TrailingSlash } from './onsched-v1/plugin.js';
import { acuityPlugin } from './acuity/plugin.js';
import { acuityOAuthPlugin } from './acuity/oauth.js';
import { icalFeedPlugin } from './ical-feed.js';
import { bookingPlugin } from './booking/plugin.js';
import { registerHealthRoutes, type HealthOptions } from './health.js';
import { RETRY_AFTER_SECONDS } from './status.js';
import { registerMetrics } from './metrics.js';

export interface ServerOptions {
  services: ServiceContext;
  adminTokenHash: string;
  logger?: boolean;
  health?: HealthOptions;
  /** What GET /api/v1/meta lists as the address ranges webhooks come from. */
  webhookSourceRanges?: string[];
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    // Ids in paths are UUIDs or integers; keep the router strict and bodies modest.
    bodyLimit: 1_048_576,
    // OnSched v1 clients add trailing slashes; only those paths are rewritten.
    rewriteUrl: (request) => stripV1TrailingSlash(request.url ?? '/'),
  });
  await app.register(formbody);
  // Every 503 (database busy or down), whichever surface rendered it, tells the client when to retry.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return payload;
  });
  await app.register(swagger, {
    openapi: { info: { title: 'OpenSlot', version: '0.1.0', description: 'OpenSlot scheduling server: admin, OnSched v3 and Acuity v1 surfaces.' } },
  });
  // /docs lists each surface's own document, so a vendor-API user reads just that API.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: {
      urls: [
        { url: '/v3/openapi.json', name: 'OnSched v3 (/v3)' },
        { url: '/api/v1/openapi.json', name: 'Acuity v1 (/api/v1)' },
        { url: '/docs/json', name: 'Everything (admin included)' },
      ],
    } as Record<string, unknown>,
  });

  registerMetrics(app, opts.services.store);
  registerHealthRoutes(app, opts.services.store, opts.health ?? { timeoutMs: 2_000, cacheMs: 1_000 });
  await app.register(adminPlugin, { prefix: '/admin/v1', services: opts.services, adminTokenHash: opts.adminTokenHash });
  await app.register(onschedPlugin, { prefix: '/v3', services: opts.services });
  await app.register(onschedV1Plugin, { services: opts.services });
  await app.register(acuityPlugin, { prefix: '/api/v1', services: opts.services, webhookSourceRanges: opts.webhookSourceRanges ?? [] });
  await app.register(acuityOAuthPlugin, { prefix: '/oauth2', services: opts.services });
  await app.register(icalFeedPlugin, { services: opts.services });
  await app.register(bookingPlugin, { services: opts.services });
  return app;
}
