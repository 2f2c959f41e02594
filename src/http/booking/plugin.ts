// The customer's booking page (/book/…, /embed.js): server-rendered HTML, its JSON endpoints and
// the browser bundles. Its own error handler shows every problem to the visitor as a message
// (HTML pages) or {error: {code, message, field}} (JSON), always a 4xx for bad input.
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { readFileSync } from 'node:fs';
import { isDomainError, type DomainError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { STATUS_OF_KIND, frameworkClientStatus } from '../status.js';
import { registerApi } from './api.js';
import { loadWebAssets } from './assets.js';
import { errorHtml } from './layout.js';
import type { Catalog } from './messages.js';
import { registerPages } from './pages.js';
import { frameAncestors } from './security-headers.js';
import { visitorOf } from './visitor.js';

export interface BookingOptions { services: ServiceContext }

/** Domain messages are English and technical; the ones a visitor meets often get the catalog's words. */
function visitorMessage(error: DomainError, cat: Catalog): string {
  if (error.code === 'slot_unavailable' || error.code === 'no_available_resource') return cat.taken;
  if (error.code === 'hold_expired') return cat.holdExpired;
  if (error.code === 'required_field') return cat.required;
  return error.message;
}

/** The form field an error is about, named as the page names its inputs. */
function fieldOf(error: DomainError | FastifyError): string | undefined {
  if (isDomainError(error)) {
    if (error.field === 'fields' && typeof error.value === 'number') return `field-${error.value}`;
    if (error.field === 'Customer.email') return 'email';
    return error.field;
  }
  const path = (error.validation?.[0] as { instancePath?: string } | undefined)?.instancePath ?? '';
  return path.split('/').filter(Boolean)[0];
}

export const bookingPlugin: FastifyPluginAsync<BookingOptions> = async (app: FastifyInstance, { services }) => {
  const assets = loadWebAssets();
  // Framing is governed per company by CSP frame-ancestors, so X-Frame-Options stays off.
  await app.register(helmet, { contentSecurityPolicy: false, frameguard: false, crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } });
  await app.register(compress, { global: true, threshold: 1024 });
  if (assets) {
    await app.register(fastifyStatic, { root: assets.dir, prefix: '/book/assets/', decorateReply: false, immutable: true, maxAge: '365d', index: false });
    const loader = readFileSync(`${assets.dir}${assets.files['embed.js']}`, 'utf8');
    // The loader's address is fixed (sites paste it), so it is cached briefly, unlike the fingerprinted bundles.
    app.get('/embed.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(loader));
  }

  const isApi = (request: FastifyRequest) => request.url.startsWith('/book/api/');
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const v = visitorOf(request);
    let status: number;
    let code: string;
    let message: string;
    if (isDomainError(error)) {
      status = STATUS_OF_KIND[error.kind];
      code = error.code;
      message = visitorMessage(error, v.cat);
    } else if (error.validation?.length) {
      status = 400; code = 'invalid_input'; message = `${fieldOf(error) ?? 'input'}: ${error.validation[0].message ?? 'is invalid'}`;
    } else if (frameworkClientStatus(error)) {
      status = frameworkClientStatus(error)!; code = 'bad_request'; message = error.message;
    } else {
      request.log.error(error);
      status = 500; code = 'internal'; message = v.cat.errorTitle;
    }
    if (isApi(request)) return reply.code(status).send({ error: { code, message, field: status < 500 ? fieldOf(error) ?? null : null } });
    return reply.code(status).header('content-security-policy', frameAncestors(null)).type('text/html; charset=utf-8')
      .send(errorHtml(v.lang, v.cat, assets?.files['booking.css'] ?? null, status, message));
  });
  // Unknown addresses under /book answer in the page's own words; the rest of the server keeps its 404.
  app.all('/book/*', async (request, reply) => {
    const v = visitorOf(request);
    if (isApi(request)) return reply.code(404).send({ error: { code: 'not_found', message: 'No such endpoint.', field: null } });
    return reply.code(404).type('text/html; charset=utf-8').send(errorHtml(v.lang, v.cat, assets?.files['booking.css'] ?? null, 404, v.cat.notFoundTitle));
  });

  registerPages(app, services, assets);
  registerApi(app, services);
};
