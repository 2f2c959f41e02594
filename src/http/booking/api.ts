// The booking page's JSON endpoints: a month of days, the times of a day, price, hold, extend,
// release, book, and reschedule from a manage link. Each parses, calls a service, and answers.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from 'luxon';
import { DomainError } from '../../core/errors.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import { createAppointment } from '../../services/appointments/create-appointment.js';
import { deleteHold } from '../../services/appointments/change-status.js';
import { rescheduleAppointment } from '../../services/appointments/reschedule-appointment.js';
import { bookHold } from '../../services/booking-page/book-hold.js';
import { extendHold } from '../../services/booking-page/extend-hold.js';
import { findBookingCompany, findPublicService } from '../../services/booking-page/find-company.js';
import { loadManagedAppointment } from '../../services/booking-page/managed-appointment.js';
import { manageToken } from '../../services/booking-page/manage-token.js';
import { quotePrice } from '../../services/booking-page/quote-price.js';
import type { ServiceContext } from '../../services/context.js';
import { monthStarts } from './month-slots.js';
import { dateKey } from './picker-markup.js';

const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 });
const Start = Type.String({ minLength: 20, maxLength: 30, format: 'date-time' });
const RangeQuery = Type.Object({
  tz: Type.String({ maxLength: 64 }), month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' })),
  addons: Type.Optional(Type.String({ pattern: '^(\\d{1,12}(,\\d{1,12}){0,19})?$' })), calendarID: Type.Optional(Type.Integer({ minimum: 1 })),
});
const HoldBody = Type.Object({ start: Start, addons: Type.Optional(Ids), calendarID: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
const PriceBody = Type.Object({ addons: Type.Optional(Ids), code: Type.Optional(Type.String({ maxLength: 100 })), email: Type.Optional(Type.String({ maxLength: 254 })) });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const BookBody = Type.Object({
  firstName: Name, lastName: Name, email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
  phone: Type.Optional(Type.String({ maxLength: 40 })), certificate: Type.Optional(Type.String({ maxLength: 100 })),
  timezone: Type.Optional(Type.String({ maxLength: 64 })),
  answers: Type.Optional(Type.Array(Type.Object({ id: Type.Integer({ minimum: 1 }), value: Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })]) }), { maxItems: 100 })),
}, { additionalProperties: false });
const RescheduleBody = Type.Object({ start: Start }, { additionalProperties: false });

type Route = { company: string; service: string; hold: string; token: string };
const limits = { bodyLimit: 32_768 };

const zoneOf = (tz: string) => {
  if (!isValidZone(tz)) throw new DomainError('invalid_input', { field: 'tz', message: `Unknown time zone "${tz}".` });
  return tz;
};
const instant = (iso: string) => {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new DomainError('invalid_input', { field: 'start', message: 'The time is not a valid date and time.' });
  return ms;
};
const idList = (text?: string) => (text ? text.split(',').map(Number) : []);

export function registerApi(app: FastifyInstance, ctx: ServiceContext) {
  const load = async (p: Route) => {
    const company = await findBookingCompany(ctx.store.db, p.company);
    return { company, service: await findPublicService(ctx.store.db, company.id, p.service) };
  };

  app.get<{ Params: Route; Querystring: Static<typeof RangeQuery> }>('/book/api/:company/:service/month', { schema: { querystring: RangeQuery } }, async (request) => {
    const { company, service } = await load(request.params);
    const zone = zoneOf(request.query.tz);
    const month = request.query.month ?? DateTime.fromMillis(ctx.now(), { zone }).toFormat('yyyy-MM');
    const starts = await monthStarts(ctx, { company, service, month, zone, addonIds: idList(request.query.addons), resourceId: request.query.calendarID });
    const days = new Map<string, string[]>();
    for (const s of starts) {
      const date = dateKey(s, zone);
      if (date.startsWith(month)) days.set(date, [...(days.get(date) ?? []), new Date(s).toISOString()]);
    }
    return { month, zone, starts: starts.map((s) => new Date(s).toISOString()), days: [...days].map(([date, times]) => ({ date, times })) };
  });

  app.get<{ Params: Route; Querystring: Static<typeof RangeQuery> }>('/book/api/:company/:service/day', { schema: { querystring: RangeQuery } }, async (request) => {
    const { company, service } = await load(request.params);
    const zone = zoneOf(request.query.tz);
    const date = request.query.date;
    if (!date || !DateTime.fromISO(date, { zone }).isValid) throw new DomainError('invalid_input', { field: 'date', message: 'date must be a calendar date (YYYY-MM-DD).' });
    const starts = await monthStarts(ctx, { company, service, month: date.slice(0, 7), zone, addonIds: idList(request.query.addons), resourceId: request.query.calendarID });
    return { date, zone, times: starts.filter((s) => dateKey(s, zone) === date).map((s) => new Date(s).toISOString()) };
  });

  app.post<{ Params: Route; Body: Static<typeof PriceBody> }>('/book/api/:company/:service/price', { schema: { body: PriceBody }, ...limits }, async (request) => {
    const { company, service } = await load(request.params);
    return quotePrice(ctx, company.id, service, { addonIds: request.body.addons ?? [], code: request.body.code?.trim() || undefined, email: request.body.email });
  });

  app.post<{ Params: Route; Body: Static<typeof HoldBody> }>('/book/api/:company/:service/hold', { schema: { body: HoldBody }, ...limits }, async (request, reply) => {
    const { company, service } = await load(request.params);
    const hold = await createAppointment(ctx, company.id, {
      serviceKey: service.id, start: instant(request.body.start), addonKeys: request.body.addons,
      resourceKeys: request.body.calendarID ? [request.body.calendarID] : undefined,
    }, { status: 'IN', onGrid: true });
    return reply.code(201).send({ hold: hold.uid, start: new Date(hold.start).toISOString(), end: new Date(hold.end).toISOString(), expiresAt: new Date(hold.expiresAt!).toISOString() });
  });

  const holdCompany = async (p: Route) => (await findBookingCompany(ctx.store.db, p.company)).id;
  const holdKey = (p: Route) => {
    if (!/^[0-9a-f-]{36}$/i.test(p.hold)) throw new DomainError('not_found', { field: 'hold', message: 'This time is no longer held for you.' });
    return p.hold;
  };

  app.post<{ Params: Route }>('/book/api/:company/holds/:hold/extend', limits, async (request) => {
    const { expiresAt } = await extendHold(ctx, await holdCompany(request.params), holdKey(request.params));
    return { expiresAt: new Date(expiresAt).toISOString() };
  });

  app.delete<{ Params: Route }>('/book/api/:company/holds/:hold', async (request, reply) => {
    await deleteHold(ctx, await holdCompany(request.params), holdKey(request.params));
    return reply.code(204).send();
  });

  app.post<{ Params: Route; Body: Static<typeof BookBody> }>('/book/api/:company/holds/:hold/book', { schema: { body: BookBody }, ...limits }, async (request) => {
    const b = request.body;
    const timezone = b.timezone && isValidZone(b.timezone) ? b.timezone : undefined;
    const booked = await bookHold(ctx, await holdCompany(request.params), holdKey(request.params), {
      customer: { firstName: b.firstName.trim(), lastName: b.lastName.trim(), email: b.email.trim(), phone: b.phone?.trim() || null },
      answers: (b.answers ?? []).map((a) => ({ id: a.id, value: a.value })), certificate: b.certificate?.trim() || undefined, timezone,
    });
    return { status: booked.status, start: new Date(booked.start).toISOString(), manageUrl: `/book/manage/${manageToken(ctx, booked.uid, booked.end)}` };
  });

  app.post<{ Params: Route; Body: Static<typeof RescheduleBody> }>('/book/api/manage/:token/reschedule', { schema: { body: RescheduleBody }, ...limits }, async (request) => {
    const managed = await loadManagedAppointment(ctx, request.params.token);
    const moved = await rescheduleAppointment(ctx, managed.company.id, managed.appointment.id, { start: instant(request.body.start) }, { inPlace: true, onGrid: true, clientRules: true });
    return { status: moved.status, start: new Date(moved.start).toISOString(), manageUrl: `/book/manage/${manageToken(ctx, moved.uid, moved.end)}` };
  });

  app.get<{ Params: Route; Querystring: Static<typeof RangeQuery> }>('/book/api/manage/:token/month', { schema: { querystring: RangeQuery } }, async (request) => {
    const { company, appointment: a } = await loadManagedAppointment(ctx, request.params.token);
    const service = await ctx.store.db.selectFrom('services').selectAll().where('id', '=', a.service.id).executeTakeFirstOrThrow();
    const zone = zoneOf(request.query.tz);
    const month = request.query.month ?? DateTime.fromMillis(ctx.now(), { zone }).toFormat('yyyy-MM');
    const starts = await monthStarts(ctx, { company, service, month, zone, addonIds: a.addonIds, ignoreAppointmentId: a.id });
    return { month, zone, starts: starts.map((s) => new Date(s).toISOString()) };
  });

  app.get<{ Params: Route }>('/book/api/manage/:token', async (request) => {
    const m = await loadManagedAppointment(ctx, request.params.token);
    const a = m.appointment;
    return { status: a.status, service: a.service.name, start: new Date(a.start).toISOString(), end: new Date(a.end).toISOString(), canCancel: m.canCancel, canReschedule: m.canReschedule };
  });
}
