// Idempotency-Key on v1 mutations, scoped to the exact path so one key cannot replay another action.
import type { FastifyRequest } from 'fastify';
import { fingerprint, type Idempotency } from '../../services/run-action.js';
import { invalid } from './request.js';

const MAX_KEY_LENGTH = 255;

export function idempotencyOf(request: FastifyRequest): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalid('Idempotency-Key', `Idempotency-Key must be one value of 1 to ${MAX_KEY_LENGTH} characters`);
  }
  return { key, scope: `${request.method} ${request.url.split('?')[0]}`, requestHash: fingerprint({ body: request.body ?? null, query: request.query ?? null }) };
}
