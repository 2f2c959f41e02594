// The process's Prometheus counters, incremented where things happen (HTTP hooks, services,
// integrations) and served by /metrics. One registry per process: several apps started in one
// process (tests) share it, so readers compare before and after, never absolute values.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'openslot_' });

export const httpRequests = new Counter({
  name: 'openslot_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const, registers: [processRegistry],
});

export const httpDuration = new Histogram({
  name: 'openslot_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export type BookingOutcome = 'booked' | 'conflict' | 'refused' | 'invalid' | 'unavailable';
export const bookings = new Counter({
  name: 'openslot_bookings_total',
  help: 'Booking attempts (book, hold, reserve) by surface and outcome: booked, conflict (time taken), refused (a booking rule), invalid (other 4xx), unavailable (5xx).',
  labelNames: ['surface', 'outcome'] as const, registers: [processRegistry],
});

export const holdsExpired = new Counter({
  name: 'openslot_holds_expired_total', help: 'Expired holds deleted (by the sweeper or inside a booking transaction).', registers: [processRegistry],
});

export const deliveries = new Counter({
  name: 'openslot_deliveries_total', help: 'Notification send attempts by channel and outcome (done, retry, failed, lost).',
  labelNames: ['channel', 'outcome'] as const, registers: [processRegistry],
});

export const calendarSyncs = new Counter({
  name: 'openslot_calendar_syncs_total', help: 'External calendar reads by outcome (ok, failed).',
  labelNames: ['outcome'] as const, registers: [processRegistry],
});
