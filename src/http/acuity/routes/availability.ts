// Availability: the dates of a month with a free time, the free times of a date (with how many
// calendars are free at each), class sessions with their seats, and whether given times are bookable.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { companySettings, getCompany } from '../../../services/companies/get-company.js';
import type { ServiceContext } from '../../../services/context.js';
import { listResources, serviceLocationKey } from '../../../services/catalog/read-catalog.js';
import { listClassSchedule } from '../../../services/scheduling/class-schedule.js';
import { findAvailability } from '../../../services/scheduling/find-availability.js';
import { acuityError, translating } from '../errors.js';
import { formatDatetime, formatIsoDate, monthWindow, nextDayStart, startOfDate } from '../format.js';
import { addonIds, optionalCalendar, optionalTimezone, requireAppointmentType } from '../params.js';
import { flag, list, single, type Query } from '../query.js';
import { renderClass } from '../render-catalog.js';
import { companyOf, queryOf } from '../request.js';
import { AvailableDateSchema, AvailableTimeSchema, ClassSchema, doc } from '../schemas.js';
import { checkTimesRoute } from './check-times.js';

const DAY = 86_400_000;
const Ids = Type.Array(Type.Integer(), { description: 'addonIDs[]=1 or addonIDs[0]=1' });
const SlotQuery = {
  appointmentTypeID: Type.Integer(), calendarID: Type.Optional(Type.Integer()), addonIDs: Type.Optional(Ids), timezone: Type.Optional(Type.String()),
};

export const availabilityRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  /** Free slots of the type over a window wide enough for every local date of [from, to) in any zone. */
  const slotsAround = async (companyId: number, q: Query, from: number, to: number) => {
    const type = await requireAppointmentType(services, companyId, single(q, 'appointmentTypeID'));
    const calendar = await optionalCalendar(services, companyId, single(q, 'calendarID'));
    const timezone = optionalTimezone(single(q, 'timezone'));
    const addons = addonIds(list(q, 'addonIDs'));
    const ignore = list(q, 'ignoreAppointmentIDs');
    const availability = await translating({ calendarID: single(q, 'calendarID') }, () => findAvailability(services, companyId, {
      serviceKey: type.service.id, locationKey: serviceLocationKey(type.service), resourceKeys: calendar ? [calendar.resource.id] : undefined, from: from - DAY, to: to + DAY,
      addonKeys: addons, ignoreAppointmentKeys: ignore,
    }));
    return { slots: availability.slots, zone: timezone ?? calendar?.zone ?? availability.zone };
  };

  app.get('/availability/dates', {
    schema: doc('Dates of a month with at least one available time', {
      querystring: Type.Object({ month: Type.String({ examples: ['2016-02'] }), ...SlotQuery }), response: Type.Array(AvailableDateSchema),
    }),
  }, async (request) => {
    const q = queryOf(request);
    const month = single(q, 'month');
    if (month === undefined) throw acuityError(400, 'required_month', 'The parameter "month" is required.');
    const window = monthWindow(month, 'UTC');
    if (!window) throw acuityError(400, 'invalid_month', `The month "${month}" is invalid.`);
    const { slots, zone } = await slotsAround(companyOf(request), q, window.start, window.end);
    const dates = new Set(slots.map((s) => formatIsoDate(s.start, zone)).filter((d) => d.startsWith(month)));
    return [...dates].sort().map((date) => ({ date }));
  });

  app.get('/availability/times', {
    schema: doc('Available times of a date', {
      querystring: Type.Object({ date: Type.String({ examples: ['2016-02-04'] }), ...SlotQuery, ignoreAppointmentIDs: Type.Optional(Ids) }),
      response: Type.Array(AvailableTimeSchema),
    }),
  }, async (request) => {
    const q = queryOf(request);
    const date = single(q, 'date');
    if (date === undefined) throw acuityError(400, 'required_date', 'The parameter "date" is required.');
    const day = startOfDate(date, 'UTC');
    if (day === null) throw acuityError(400, 'invalid_date', `The date "${date}" is invalid.`);
    const { slots, zone } = await slotsAround(companyOf(request), q, day, day + DAY);
    return slots.filter((s) => formatIsoDate(s.start, zone) === date.trim())
      .map((s) => ({ time: formatDatetime(s.start, zone), slotsAvailable: s.seatsLeft }));
  });

  app.get('/availability/classes', {
    schema: doc('Class sessions with their seats', {
      querystring: Type.Object({
        month: Type.Optional(Type.String()), appointmentTypeID: Type.Optional(Type.Integer()), calendarID: Type.Optional(Type.Integer()),
        timezone: Type.Optional(Type.String()), minDate: Type.Optional(Type.String()), maxDate: Type.Optional(Type.String()),
        includeUnavailable: Type.Optional(Type.Boolean()), includePrivate: Type.Optional(Type.Boolean()),
      }),
      response: Type.Array(ClassSchema),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const company = await getCompany(services.store.db, companyId);
    const timezone = optionalTimezone(single(q, 'timezone'));
    const zone = timezone ?? company.timezone;
    const typeId = single(q, 'appointmentTypeID');
    const type = typeId === undefined ? undefined : await requireAppointmentType(services, companyId, typeId);
    const calendar = await optionalCalendar(services, companyId, single(q, 'calendarID'));
    const window = classWindow(q, zone);
    const classes = await listClassSchedule(services, companyId, {
      serviceId: type?.service.id, resourceId: calendar?.resource.id, from: window.start, to: window.end,
      includeUnavailable: flag(q, 'includeUnavailable'), includePrivate: flag(q, 'includePrivate'),
    });
    const zones = new Map((await listResources(services, companyId)).map((r) => [r.resource.id, r.zone]));
    const { timeFormat } = companySettings(company);
    return classes.map((c) => renderClass(c, timezone, timeFormat, zones.get(c.resource.id) ?? company.timezone));
  });

  await app.register(checkTimesRoute, { services });
};

/** The month asked for, else minDate through maxDate (a month from minDate when maxDate is absent). */
function classWindow(q: Query, zone: string): { start: number; end: number } {
  const month = single(q, 'month');
  const minDate = single(q, 'minDate');
  if (month !== undefined) {
    const window = monthWindow(month, zone);
    if (!window) throw acuityError(400, 'invalid_month', `The month "${month}" is invalid.`);
    return window;
  }
  if (minDate === undefined) throw acuityError(400, 'required_month', 'The parameter "month" is required.');
  const start = startOfDate(minDate, zone);
  if (start === null) throw acuityError(400, 'invalid_date', `The date "${minDate}" is invalid.`);
  const maxDate = single(q, 'maxDate');
  const last = maxDate === undefined ? start + 30 * DAY : startOfDate(maxDate, zone);
  if (last === null || last < start) throw acuityError(400, 'invalid_date', `The date "${maxDate}" is invalid.`);
  if (last - start > 366 * DAY) throw acuityError(400, 'invalid_date', 'The dates may span at most a year.');
  return { start, end: nextDayStart(last, zone) };
}
