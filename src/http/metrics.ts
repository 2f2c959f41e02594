// /metrics (Prometheus text) and the hooks that count every HTTP request and every booking attempt.
// A booking's outcome is read from the answer: its status, and the error code the surface threw
// (OnSched's domain codes, Acuity's own), so each surface is counted without a line of its code.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bookings, httpDuration, httpRequests, type BookingOutcome } from '../metrics/counters.js';
import { createMetricsScrape } from '../metrics/scrape.js';
import type { Store } from '../store/database.js';

/** The routes that book, hold or reserve a time, and the surface each belongs to. */
const BOOKING_ROUTES: Record<string, string> = {
  'POST /api/v1/appointments': 'acuity',
  'POST /v3/appointment': 'onsched',
  'POST /v3/appointment/hold': 'onsched',
  'POST /v3/appointment/reserve': 'onsched',
  'PUT /v3/appointment/:id/book': 'onsched',
  'POST /v3/public/appointment/hold': 'onsched',
  'PUT /v3/public/appointment/:id/book': 'onsched',
  'POST /consumer/v1/appointments': 'onsched-v1',
  'PUT /consumer/v1/appointments/:id/book': 'onsched-v1',
  'PUT /consumer/v1/appointments/:id/reserve': 'onsched-v1',
  'POST /book/api/:company/:service/hold': 'booking-page',
  'POST /book/api/:company/holds/:hold/book': 'booking-page',
};
const CONFLICT_CODES = new Set(['slot_unavailable', 'class_full', 'no_available_resource', 'not_available', 'no_available_calendar']);
const RULE_CODES = new Set(['too_soon', 'too_far', 'not_available_min_hours_in_advance', 'not_available_max_days_in_advance', 'limit_reached', 'booking_limit_reached', 'appointment_in_past']);

const errorCodes = new WeakMap<FastifyRequest, string>();

function bookingOutcome(status: number, code: string | undefined): BookingOutcome {
  if (status < 400) return 'booked';
  if (status >= 500) return 'unavailable';
  if (status === 409 || (code && CONFLICT_CODES.has(code))) return 'conflict';
  return code && RULE_CODES.has(code) ? 'refused' : 'invalid';
}

/** Register before the surfaces, so their routes inherit the hooks. */
export function registerMetrics(app: FastifyInstance, store: Store): void {
  const scrape = createMetricsScrape(store);
  app.addHook('onError', async (request, _reply, error) => {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') errorCodes.set(request, code);
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in paths would make one series per appointment.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    const surface = BOOKING_ROUTES[`${request.method} ${route}`];
    if (surface) bookings.inc({ surface, outcome: bookingOutcome(reply.statusCode, errorCodes.get(request)) });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => reply.type(scrape.contentType).send(await scrape.render()));
}
