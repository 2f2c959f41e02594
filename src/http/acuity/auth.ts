// Who is calling: HTTP Basic with the company's numeric id and API key, or an OAuth2 bearer token
// with the api-v1 scope. The caller is remembered per request; the credential (not just the
// company) keys the rate limit, as Acuity limits per client.
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { authenticateBearer, companyForIdAndKey } from '../../services/oauth/authorization-code.js';
import { acuityError } from './errors.js';

export const API_SCOPE = 'api-v1';

export interface Caller {
  companyId: number;
  /** Identifies the credential used: "basic:<company id>" or "bearer:<first token characters>". */
  credential: string;
}

const callers = new WeakMap<FastifyRequest, Caller>();

export async function authenticate(services: ServiceContext, request: FastifyRequest): Promise<Caller | null> {
  const header = request.headers.authorization ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const user = decoded.slice(0, colon).trim();
    if (!/^\d{1,15}$/.test(user)) return null;
    const companyId = await companyForIdAndKey(services, Number(user), decoded.slice(colon + 1));
    return companyId === null ? null : { companyId, credential: `basic:${companyId}` };
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) {
    const grant = await authenticateBearer(services, bearer[1]);
    if (!grant || !grant.scopes.includes(API_SCOPE)) return null;
    return { companyId: grant.companyId, credential: `bearer:${bearer[1].slice(0, 12)}` };
  }
  return null;
}

export function remember(request: FastifyRequest, caller: Caller): void {
  callers.set(request, caller);
}

/** The authenticated caller; routes run only after the auth hook, so a missing one is a bug. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw acuityError(401, 'unauthorized', 'Unauthorized');
  return caller;
}

export const companyOf = (request: FastifyRequest): number => callerOf(request).companyId;
