// Who is calling a v1 path. OnSched's v1 clients buy a token at POST /connect/token (its identity
// server's client-credentials grant); any token of the company works here, whichever endpoint issued
// it (this one or /v3/oauth/token), and so does the company's x-api-key.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { issueAccessToken } from '../../services/auth/access-tokens.js';
import type { ServiceContext } from '../../services/context.js';
import { basicCredentials, companyOfCredentials } from '../credentials.js';
import { V1Error, problem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A v1 route that needs no credentials (the token endpoint, retired routes). */
    v1Public?: boolean;
  }
}

const companies = new WeakMap<FastifyRequest, number>();

export function companyOf(request: FastifyRequest): number {
  const id = companies.get(request);
  if (id === undefined) throw new V1Error(401, 'Authentication is required.');
  return id;
}

export function authenticate(services: ServiceContext) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.v1Public || request.is404) return;
    const { companyId, sent } = await companyOfCredentials(services, request);
    if (companyId === null) {
      throw new V1Error(401, sent ? 'The access token is invalid or expired.' : 'Missing credentials: send Authorization: Bearer <token> from POST /connect/token.');
    }
    companies.set(request, companyId);
  };
}

// Everything optional: a missing or odd field is answered in OAuth's words (below), not as a schema error.
const TokenRequest = Type.Object({
  grant_type: Type.Optional(Type.String({ maxLength: 64 })),
  client_id: Type.Optional(Type.String({ maxLength: 256 })),
  client_secret: Type.Optional(Type.String({ maxLength: 256 })),
  scope: Type.Optional(Type.String({ maxLength: 256 })),
});
const TokenResponse = Type.Object({ access_token: Type.String(), expires_in: Type.Integer(), token_type: Type.Literal('Bearer'), scope: Type.String() });
const SCOPES = new Set(['OnSchedApi', 'distance']);

/** An OAuth error: problem details plus the `error` code OAuth clients look for (RFC 6749 §5.2). */
const oauthError = (status: number, error: string, detail: string) => ({ ...problem(status, detail, '/connect/token'), error, error_description: detail });

export async function tokenRoute(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.post<{ Body: Static<typeof TokenRequest> }>('/connect/token', {
    config: { v1Public: true },
    schema: { tags: ['v1 auth'], summary: 'Client-credentials token for the v1 (and v3) API', security: [], body: TokenRequest, response: { 200: TokenResponse } },
  }, async (request, reply) => {
    const body = request.body;
    if (body.grant_type === undefined) return reply.code(400).send(oauthError(400, 'invalid_request', 'grant_type is required'));
    if (body.grant_type !== 'client_credentials') return reply.code(400).send(oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials'));
    const requested = (body.scope ?? 'OnSchedApi').split(/\s+/).filter(Boolean);
    const unknown = requested.find((s) => !SCOPES.has(s));
    if (unknown) return reply.code(400).send(oauthError(400, 'invalid_scope', `Unknown scope ${unknown}: use OnSchedApi`));
    const basic = basicCredentials(request.headers.authorization);
    const clientId = body.client_id || basic?.id;
    const clientSecret = body.client_secret || basic?.secret;
    if (!clientId || !clientSecret) return reply.code(400).send(oauthError(400, 'invalid_client', 'client_id and client_secret are required'));
    const issued = await issueAccessToken(services, clientId, clientSecret);
    if (!issued) return reply.code(400).send(oauthError(400, 'invalid_client', 'Unknown client or wrong secret'));
    return { access_token: issued.accessToken, expires_in: issued.expiresIn, token_type: 'Bearer' as const, scope: requested.join(' ') };
  });
}
