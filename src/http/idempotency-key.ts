// The Idempotency-Key header of an OnSched mutation (v3 and v1 alike), scoped to the exact method
// and path so one key can never replay another action.
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';
import { fingerprint, type Idempotency } from '../services/run-action.js';

const MAX_KEY_LENGTH = 255;

/** `replayed` is what a retry must repeat exactly to get the first answer back (the body, or the body and query). */
export function idempotencyKey(request: FastifyRequest, replayed: unknown): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new DomainError('invalid_input', { field: 'Idempotency-Key', message: `Idempotency-Key must be one value of 1 to ${MAX_KEY_LENGTH} characters` });
  }
  return { key, scope: `${request.method} ${request.url.split('?')[0]}`, requestHash: fingerprint(replayed) };
}
