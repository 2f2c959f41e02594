// Who is calling: OAuth2 client credentials buy a bearer token at POST /v3/oauth/token; every
// other route takes that token (`Authorization: Bearer …`) alone, or the company's `x-api-key`
// alone (an OpenSlot convenience). The booking-widget routes under /v3/public/ take only the
// company's public key (`x-api-key`) with its public client id (`x-client-id`), and those two
// open nothing else.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { companyForAccessToken, companyForApiKey, issueAccessToken } from '../../services/auth/access-tokens.js';
import type { ServiceContext } from '../../services/context.js';
import { companyForPublicKey } from '../../services/auth/public-keys.js';
import { HttpError } from './errors.js';
import { ErrorResponses, StringEnum } from './schemas/common.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An OnSched route that needs no credentials (the token endpoint, the OpenAPI document). */
    onschedPublic?: boolean;
  }
}

const companies = new WeakMap<FastifyRequest, number>();

/** The company the authenticated request acts for. */
export function companyOf(request: FastifyRequest): number {
  const id = companies.get(request);
  if (id === undefined) throw new HttpError(401, 'Authentication is required.');
  return id;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value ? value : undefined;
};

/** The public widget's credentials: both headers, and they must belong together. */
async function widgetCompany(services: ServiceContext, request: FastifyRequest): Promise<number> {
  const publicKey = header(request, 'x-api-key');
  const clientId = header(request, 'x-client-id');
  if (!publicKey || !clientId) {
    throw new HttpError(401, 'Missing credentials: /v3/public routes take the public key in x-api-key and the public client id in x-client-id.',
      [{ field: publicKey ? 'x-client-id' : 'x-api-key', message: 'required' }]);
  }
  const companyId = await companyForPublicKey(services, publicKey, clientId);
  if (companyId === null) throw new HttpError(401, 'The public key or client id is invalid.');
  return companyId;
}

/** Who the audit names for this request: the booking widget, or an API client. */
export const actorOf = (request: FastifyRequest): string => (widgetRequests.has(request) ? 'widget' : 'api');
const widgetRequests = new WeakSet<FastifyRequest>();

export function authenticate(services: ServiceContext, prefix: string) {
  const widgetPrefix = `${prefix}/public/`;
  return async (request: FastifyRequest): Promise<void> => {
    // Open routes need no credentials; unknown routes answer 404 whoever asks.
    if (request.routeOptions.config.onschedPublic || request.is404) return;
    if (request.routeOptions.url?.startsWith(widgetPrefix)) {
      companies.set(request, await widgetCompany(services, request));
      widgetRequests.add(request);
      return;
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const apiKey = request.headers['x-api-key'];
    let companyId: number | null = null;
    if (bearer) companyId = await companyForAccessToken(services, bearer);
    if (companyId === null && typeof apiKey === 'string' && apiKey) companyId = await companyForApiKey(services, apiKey);
    if (companyId === null) {
      throw new HttpError(401, bearer || apiKey ? 'The access token or API key is invalid or expired.' : 'Missing credentials: send Authorization: Bearer <token> or x-api-key.');
    }
    companies.set(request, companyId);
  };
}

const TokenRequest = Type.Object({
  grant_type: StringEnum(['client_credentials']),
  client_id: Type.Optional(Type.String({ minLength: 1 })),
  client_secret: Type.Optional(Type.String({ minLength: 1 })),
}, { description: 'As application/x-www-form-urlencoded or JSON. The client credentials may instead come as HTTP Basic authentication.' });

const TokenResponse = Type.Object({ access_token: Type.String(), token_type: Type.Literal('Bearer'), expires_in: Type.Integer() });

/** RFC 6749 also lets a client send its credentials as HTTP Basic authentication. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) } : null;
}

export async function oauthRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.post<{ Body: Static<typeof TokenRequest> }>('/oauth/token', {
    config: { onschedPublic: true, onschedRaw: true },
    schema: {
      tags: ['auth'], summary: 'Exchange client credentials for a bearer token', security: [],
      body: TokenRequest, response: { 200: TokenResponse, ...ErrorResponses },
    },
  }, async (request) => {
    const basic = basicCredentials(request.headers.authorization);
    const clientId = request.body.client_id ?? basic?.id;
    const clientSecret = request.body.client_secret ?? basic?.secret;
    if (!clientId) throw new HttpError(400, 'Missing required parameter: client_id', [{ field: 'client_id', message: 'client_id is required' }]);
    if (!clientSecret) throw new HttpError(400, 'Missing required parameter: client_secret', [{ field: 'client_secret', message: 'client_secret is required' }]);
    const issued = await issueAccessToken(services, clientId, clientSecret);
    if (!issued) throw new HttpError(401, 'The client credentials are not valid.', [{ field: 'client_id', message: 'Unknown client or wrong secret' }]);
    return { access_token: issued.accessToken, token_type: 'Bearer' as const, expires_in: issued.expiresIn };
  });
}
