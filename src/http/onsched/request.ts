// Turning parsed request values into what the services take: instants, pages, idempotency.
import type { FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { DomainError } from '../../core/errors.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import type { PageRequest } from '../../services/catalog/list-page.js';
import { listPage } from './envelope.js';
import type { Idempotency } from '../../services/run-action.js';
import { idempotencyKey } from '../idempotency-key.js';

export const invalid = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });

/** An instant the schema already checked is ISO 8601 with an offset. */
export function instant(text: string, field: string): number {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) throw invalid(field, `${field} "${text}" is not an ISO 8601 date-time`, text);
  return parsed.toMillis();
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** Whether reading `text` needs a zone: a date alone, or a date-time that does not say its offset. */
export const needsZone = (text: string): boolean => DATE_ONLY.test(text) || !HAS_OFFSET.test(text);

/**
 * A date or date-time read in `zone` when it carries no offset. A date alone is the start of that
 * day, or with `endOfDay` the start of the next, so `endDate=2025-05-01` includes all of May 1st.
 */
export function instantIn(text: string, zone: string, field: string, endOfDay = false): number {
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) throw invalid(field, `${field} "${text}" is not an ISO 8601 date or date-time`, text);
  return (DATE_ONLY.test(text) && endOfDay ? parsed.plus({ days: 1 }) : parsed).toMillis();
}

export function zoneParam(zone: string | undefined, field = 'timezone'): string | undefined {
  if (zone !== undefined && !isValidZone(zone)) throw invalid(field, `${field} "${zone}" is not an IANA time zone`, zone);
  return zone;
}

export const pageOf = (query: { limit: number; page: number }): PageRequest => ({ limit: query.limit, offset: (query.page - 1) * query.limit });

/** The list envelope around one page. */
export const listOf = <T>(page: PageRequest, result: { total: number; items: T[] }) => listPage(page, result.total, result.items);

/** The Idempotency-Key of a POST or PUT: a retry with the same body gets the first answer back. */
export const idempotency = (request: FastifyRequest): Idempotency | undefined => idempotencyKey(request, request.body ?? null);
