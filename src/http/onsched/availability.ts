// GET /v3/availability (and /v3/public/availability for the booking widget): free times of a
// service, in the seed's shape. Dates without an offset are read in `timezone`, default UTC.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { RoundRobin } from '../../core/types.js';
import type { ServiceContext } from '../../services/context.js';
import { findAvailability, type Availability, type AvailabilityQuery as Search } from '../../services/scheduling/find-availability.js';
import { companyOf } from './auth.js';
import { renderAvailability } from './render.js';
import { instantIn, invalid, zoneParam } from './request.js';
import { AvailabilityQuery, AvailabilityResponse } from './schemas/appointments.js';
import { ErrorResponses, doc } from './schemas/common.js';

const DIGIT_MODES: Record<string, RoundRobin> = { 0: 'NONE', 1: 'RANDOM', 2: 'BALANCED' };
const DAY = 86_400_000;
/** How far firstAvailable looks ahead of the window, in steps the service's search allows. */
const FIRST_AVAILABLE_DAYS = 366;
const FIRST_AVAILABLE_STEP_DAYS = 31;

export async function availabilityRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  for (const path of ['/availability', '/public/availability']) {
    app.get<{ Querystring: AvailabilityQuery }>(path, {
      schema: { ...doc('availability', 'Free times of a service at a location'), querystring: AvailabilityQuery, response: { 200: AvailabilityResponse, ...ErrorResponses } },
    }, (request) => availability(services, request));
  }
}

async function availability(services: ServiceContext, request: FastifyRequest<{ Querystring: AvailabilityQuery }>) {
  const q = request.query;
  const companyId = companyOf(request);
  const requested = zoneParam(q.timezone);
  const readZone = requested ?? 'UTC';
  if (q.duration !== undefined && q.overrideDuration !== undefined && q.duration !== q.overrideDuration) {
    throw invalid('overrideDuration', 'duration and overrideDuration differ');
  }
  const search: Search = {
    serviceKey: q.ServiceId, locationKey: q.LocationId, resourceKeys: q.ResourceIds?.length ? q.ResourceIds : undefined,
    from: instantIn(q.startDate, readZone, 'startDate'), to: instantIn(q.endDate, readZone, 'endDate', true),
    roundRobin: q.roundRobin === undefined ? undefined : DIGIT_MODES[q.roundRobin] ?? (q.roundRobin as RoundRobin), serviceModeByDefault: true,
    duration: q.overrideDuration ?? q.duration, durationField: q.overrideDuration !== undefined ? 'overrideDuration' : 'duration', interval: q.interval,
    // OnSched's switch for connected calendars: off unless asked for (the seed's speed trade-off).
    externalCalendars: q.syncExternal === true && q.ignoreExternalEvents !== true,
    paddingOverflow: q.allowPaddingOverflow === true, customerId: q.CustomerId,
  };
  let found = await findAvailability(services, companyId, search);
  if (q.firstAvailable === true && found.slots.length === 0) found = await firstAvailable(services, companyId, search, readZone) ?? found;
  return renderAvailability(found, requested ?? found.zone, requested !== undefined);
}

/**
 * firstAvailable: the window moved forward to start on the first day (in `zone`) that has a free
 * time, keeping its length; null when none comes within a year.
 */
async function firstAvailable(services: ServiceContext, companyId: number, search: Search, zone: string): Promise<Availability | null> {
  const length = search.to - search.from;
  for (let from = search.to; from < search.to + FIRST_AVAILABLE_DAYS * DAY; from += FIRST_AVAILABLE_STEP_DAYS * DAY) {
    const ahead = await findAvailability(services, companyId, { ...search, from, to: from + FIRST_AVAILABLE_STEP_DAYS * DAY });
    if (ahead.slots.length === 0) continue;
    const day = DateTime.fromMillis(ahead.slots[0].start, { zone }).startOf('day').toMillis();
    return findAvailability(services, companyId, { ...search, from: day, to: day + length });
  }
  return null;
}
