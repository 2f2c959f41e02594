// Small readers every route uses: the caller's company, the normalised query, the Idempotency-Key.
import type { FastifyRequest } from 'fastify';
import { fingerprint, type Idempotency } from '../../services/run-action.js';
import { getCompany } from '../../services/companies/get-company.js';
import type { ServiceContext } from '../../services/context.js';
import { acuityError } from './errors.js';
import { normalizeQuery, type Query } from './query.js';

export { companyOf } from './auth.js';

export const queryOf = (request: FastifyRequest): Query => normalizeQuery(request.query);

/** Every mutating route honours an Idempotency-Key: a retry gets the first answer back. */
export function idempotencyOf(request: FastifyRequest): Idempotency | undefined {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.trim() === '') return undefined;
  if (key.length > 255) throw acuityError(400, 'bad_request', 'The Idempotency-Key header may be at most 255 characters.');
  return {
    key: key.trim(),
    scope: `${request.method} ${request.routeOptions.url}`,
    requestHash: fingerprint({ params: request.params, query: request.query, body: request.body ?? null }),
  };
}

/** The company's own zone: the fallback for datetimes without an offset and for listings. */
export async function companyZone(services: ServiceContext, companyId: number): Promise<string> {
  return (await getCompany(services.store.db, companyId)).timezone;
}

/** Where this server is reached from the caller's side, for links to its pages (the booking page). */
export const pageOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
