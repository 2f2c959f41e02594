// Reading OAuth-style credentials off a request, for any surface that takes them: a bearer token,
// a client id and secret sent as HTTP Basic authentication (RFC 6749 §2.3.1), the company API key.
import type { FastifyRequest } from 'fastify';
import { companyForAccessToken, companyForApiKey } from '../services/auth/access-tokens.js';
import type { ServiceContext } from '../services/context.js';

export function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/** The company a bearer token or x-api-key names, null when neither is valid, and whether any was sent. */
export async function companyOfCredentials(services: ServiceContext, request: FastifyRequest): Promise<{ companyId: number | null; sent: boolean }> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  const apiKey = request.headers['x-api-key'];
  let companyId: number | null = null;
  if (bearer) companyId = await companyForAccessToken(services, bearer);
  if (companyId === null && typeof apiKey === 'string' && apiKey) companyId = await companyForApiKey(services, apiKey);
  return { companyId, sent: Boolean(bearer || apiKey) };
}
