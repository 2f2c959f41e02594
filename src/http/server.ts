// The Fastify server: health, OpenAPI documents, and one plugin per surface under its own prefix.
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ServiceContext } from '../services/context.js';
import { adminPlugin } from './admin/plugin.js';
import { onschedPlugin } from './onsched/plugin.js';
import { acuityPlugin } from './acuity/plugin.js';
import { acuityOAuthPlugin } from './acuity/oauth.js';
import { icalFeedPlugin } from './ical-feed.js';

export interface ServerOptions {
  services: ServiceContext;
  adminTokenHash: string;
  logger?: boolean;
  /** What GET /api/v1/meta lists as the address ranges webhooks come from. */
  webhookSourceRanges?: string[];
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    // Ids in paths are UUIDs or integers; keep the router strict and bodies modest.
    bodyLimit: 1_048_576,
  });
  await app.register(formbody);
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

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(adminPlugin, { prefix: '/admin/v1', services: opts.services, adminTokenHash: opts.adminTokenHash });
  await app.register(onschedPlugin, { prefix: '/v3', services: opts.services });
  await app.register(acuityPlugin, { prefix: '/api/v1', services: opts.services, webhookSourceRanges: opts.webhookSourceRanges ?? [] });
  await app.register(acuityOAuthPlugin, { prefix: '/oauth2', services: opts.services });
  await app.register(icalFeedPlugin, { services: opts.services });
  return app;
}
