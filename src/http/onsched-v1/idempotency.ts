// Idempotency-Key on v1 mutations: a retry must repeat the body and the query (v1 puts options such
// as completeBooking in the query) to get the first answer back.
import type { FastifyRequest } from 'fastify';
import type { Idempotency } from '../../services/run-action.js';
import { idempotencyKey } from '../idempotency-key.js';

export const idempotencyOf = (request: FastifyRequest): Idempotency | undefined =>
  idempotencyKey(request, { body: request.body ?? null, query: request.query ?? null });
