// GET /consumer/v1/availability/{serviceId}/{startDate}/{endDate} (+ /days): v1's
// AvailabilityViewModel over the same findAvailability the /v3 surface calls.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { listAppointments } from '../../services/appointments/list-appointments.js';
import type { ServiceContext } from '../../services/context.js';
import { findAvailability, type Availability } from '../../services/scheduling/find-availability.js';
import { bookingZone } from '../../services/catalog/locations.js';
import { getResource } from '../../services/catalog/resources.js';
import { companyOf } from './auth.js';
import { datesBetween, requestedZone, roundRobinOf, windowOf } from './availability-input.js';
import { localParts } from './local-time.js';
import { invalid, keyList, militaryMinutes, optionalKey, requiredKey } from './request.js';
import { AvailabilityDayViewModel, AvailabilityViewModel } from './schemas/availability-models.js';
import { complete } from './schemas/v1-types.js';

const Params = Type.Object({ serviceId: Type.String({ maxLength: 64 }), startDate: Type.String({ maxLength: 40 }), endDate: Type.String({ maxLength: 40 }) });
const Query = Type.Object({
  locationId: Type.Optional(Type.String({ maxLength: 64 })), resourceId: Type.Optional(Type.String({ maxLength: 64 })),
  resourceIds: Type.Optional(Type.String({ maxLength: 2000 })), resourceGroupId: Type.Optional(Type.String({ maxLength: 64 })),
  roundRobin: Type.Optional(Type.String({ maxLength: 10 })), duration: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })), tzOffset: Type.Optional(Type.Integer()),
  timezoneName: Type.Optional(Type.String({ maxLength: 64 })), startTime: Type.Optional(Type.Integer()), endTime: Type.Optional(Type.Integer()),
  dayAvailability: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), dayAvailabilityStartDate: Type.Optional(Type.String({ maxLength: 40 })),
  firstDayAvailable: Type.Optional(Type.Boolean()), destination: Type.Optional(Type.String()), fullServerBasedAvailability: Type.Optional(Type.Boolean()),
});
type Params = Static<typeof Params>;
type Query = Static<typeof Query>;

const DAY = 86_400_000;
/** How far firstDayAvailable looks ahead for a first free day (findAvailability's widest window). */
const LOOK_AHEAD_DAYS = 90;

async function search(services: ServiceContext, request: FastifyRequest<{ Params: Params; Querystring: Query }>) {
  const { params: p, query: q } = request;
  const companyId = companyOf(request);
  const serviceKey = requiredKey(p.serviceId, 'serviceId');
  const locationKey = optionalKey(q.locationId, 'locationId');
  const resourceKeys = keyList(q.resourceIds, 'resourceIds') ?? (q.resourceId ? [requiredKey(q.resourceId, 'resourceId')] : undefined);
  const fromMinute = q.startTime === undefined ? 0 : militaryMinutes(q.startTime, 'startTime');
  const toMinute = q.endTime === undefined ? 1440 : militaryMinutes(q.endTime, 'endTime');
  if (toMinute <= fromMinute) throw invalid('endTime', 'endTime must be after startTime');
  const roundRobin = roundRobinOf(q.roundRobin);
  const asked = requestedZone(q.timezoneName, q.tzOffset);
  // Dates are read where the booking is (the location, else the primary one) unless the client names a zone.
  const zone = asked ?? await bookingZone(services, companyId, locationKey);
  const window = windowOf(p.startDate, p.endDate, zone);
  const query = { serviceKey, locationKey, resourceKeys, roundRobin, duration: q.duration, interval: q.interval, externalCalendars: true };
  const inHours = (a: Availability) => a.slots.filter((s) => { const t = localParts(s.start, zone).time; const m = Math.floor(t / 100) * 60 + (t % 100); return m >= fromMinute && m < toMinute; });
  let found = await findAvailability(services, companyId, { ...query, from: window.from, to: window.to });
  let slots = inHours(found);
  let firstAvailableDate: string | null = slots.length ? localParts(slots[0].start, zone).date : null;
  if (!slots.length && q.firstDayAvailable) {
    const ahead = await findAvailability(services, companyId, { ...query, from: window.to, to: window.to + LOOK_AHEAD_DAYS * DAY });
    const later = inHours(ahead);
    if (later.length) {
      firstAvailableDate = localParts(later[0].start, zone).date;
      found = ahead;
      slots = later.filter((s) => localParts(s.start, zone).date === firstAvailableDate);
    }
  }
  return { companyId, found, slots, zone, window, resourceKeys, firstAvailableDate, asked, query, inHours };
}

type Search = Awaited<ReturnType<typeof search>>;

/** One entry per local date with whether anything is free and how many appointments it already has. */
async function availableDays(services: ServiceContext, s: Search, q: Query) {
  const first = q.dayAvailability ? (q.dayAvailabilityStartDate ? windowOf(q.dayAvailabilityStartDate, q.dayAvailabilityStartDate, s.zone).first : s.window.first) : s.window.first;
  const last = q.dayAvailability ? first.plus({ days: q.dayAvailability - 1 }) : s.window.last;
  // dayAvailability may reach past the searched window: those days are searched too.
  const outside = first.toMillis() !== s.window.from || last.plus({ days: 1 }).toMillis() !== s.window.to;
  const slots = outside ? s.inHours(await findAvailability(services, s.companyId, { ...s.query, from: first.toMillis(), to: last.plus({ days: 1 }).toMillis() })) : s.slots;
  const free = new Set(slots.map((slot) => localParts(slot.start, s.zone).date));
  const booked = await listAppointments(services, s.companyId, {
    serviceKeys: [s.found.service.id], locationKey: s.found.location.id, statuses: ['BK', 'RS', 'IN'],
    from: first.toMillis(), to: last.plus({ days: 1 }).toMillis(), limit: 1000, offset: 0, direction: 'asc',
  });
  const counts = new Map<string, number>();
  for (const a of booked.items) { const d = localParts(a.start, s.zone).date; counts.set(d, (counts.get(d) ?? 0) + 1); }
  return datesBetween(first, last).map((date) => ({
    object: 'availableDay', date, available: free.has(date), closed: !free.has(date),
    reason: free.has(date) ? null : 'No times available', reasonCode: free.has(date) ? 0 : 1,
    bookingCount: counts.get(date) ?? 0, bookingLimit: 0,
  }));
}

function availableTimes(s: Search) {
  const service = s.found.service;
  return s.slots.flatMap((slot) => slot.resources.map((r) => {
    const start = localParts(slot.start, s.zone);
    return {
      date: start.date, time: start.time, displayTime: start.display, startDateTime: start.dateTime, endDateTime: localParts(slot.end, s.zone).dateTime,
      duration: Math.round((slot.end - slot.start) / 60_000), resourceId: String(r.id),
      allowableBookings: service.capacity, availableBookings: slot.seatsLeft, allowableCapacity: service.capacity, availableCapacity: slot.seatsLeft,
    };
  }));
}

async function header(services: ServiceContext, s: Search, request: FastifyRequest) {
  const { service, location } = s.found;
  const resource = s.resourceKeys?.length === 1 ? await getResource(services, s.companyId, s.resourceKeys[0]) : null;
  return {
    object: 'availability', url: request.url.split('?')[0], businessName: location.name, locationId: String(location.id),
    serviceId: String(service.id), serviceName: service.name, serviceDescription: service.description, serviceDuration: service.duration,
    resourceId: resource && String(resource.id), resourceName: resource?.name ?? null, resourceDescription: resource?.description ?? null,
    tzRequested: s.asked ? localParts(s.window.from, s.zone).offset : null,
  };
}

export async function consumerAvailabilityRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const base = '/consumer/v1/availability/:serviceId/:startDate/:endDate';
  app.get<{ Params: Params; Querystring: Query }>(base, {
    schema: { tags: ['v1 consumer'], summary: 'Free days and times of a service', params: Params, querystring: Query, response: { 200: AvailabilityViewModel } },
  }, async (request) => {
    const s = await search(services, request);
    return complete(AvailabilityViewModel, {
      ...(await header(services, s, request)), startDate: s.window.first.toISODate(), endDate: s.window.last.toISODate(),
      resourceIds: s.resourceKeys?.map(String).join(',') ?? null, firstAvailableDate: s.firstAvailableDate,
      availableDays: await availableDays(services, s, request.query), availableTimes: availableTimes(s),
    });
  });

  app.get<{ Params: Params; Querystring: Query }>(`${base}/days`, {
    schema: { tags: ['v1 consumer'], summary: 'Which days of a window have free times', params: Params, querystring: Query, response: { 200: AvailabilityDayViewModel } },
  }, async (request) => {
    const s = await search(services, request);
    return complete(AvailabilityDayViewModel, { ...(await header(services, s, request)), availableDays: await availableDays(services, s, request.query) });
  });
}
