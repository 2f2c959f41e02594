// Reading appointments: the filtered list, one appointment, and its payments.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { listAppointments } from '../../../services/appointments/list-appointments.js';
import { loadAppointmentView } from '../../../services/appointments/view.js';
import type { ServiceContext } from '../../../services/context.js';
import { acuityError, translating } from '../errors.js';
import { nextDayStart, parseDatetime, startOfDate } from '../format.js';
import { asId } from '../input.js';
import { fieldFilters, flag, single, type Query } from '../query.js';
import { appointmentRendering, renderAppointment } from '../render-appointment.js';
import { companyOf, companyZone, queryOf, pageOrigin } from '../request.js';
import { AppointmentSchema, PaymentSchema, doc } from '../schemas.js';

const MAX_LIST = 10_000;
const IdParams = Type.Object({ id: Type.Integer() });

const ListQuery = Type.Partial(Type.Object({
  max: Type.Integer({ default: 100 }), minDate: Type.String(), maxDate: Type.String(), calendarID: Type.Integer(), appointmentTypeID: Type.Integer(),
  canceled: Type.Boolean({ default: false }), showall: Type.Boolean(), firstName: Type.String(), lastName: Type.String(), email: Type.String(),
  phone: Type.String(), excludeForms: Type.Boolean(), direction: Type.Union([Type.Literal('ASC'), Type.Literal('DESC')], { default: 'DESC' }),
}), { description: 'Also field:<id>=value to match an intake-form answer' });

/** An appointment id from the path, or 404: a path that names no appointment finds nothing. */
export function appointmentId(raw: unknown): number {
  const id = asId(raw);
  if (id === null) throw acuityError(404, 'not_found', `The appointment "${String(raw)}" does not exist.`);
  return id;
}

export async function loadAppointment(services: ServiceContext, companyId: number, id: number) {
  return translating({}, () => loadAppointmentView(services.store.db, companyId, id));
}

export const appointmentReadRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/appointments', { schema: doc('Appointments, newest first unless direction=ASC', { querystring: ListQuery, response: Type.Array(AppointmentSchema) }) }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const zone = await companyZone(services, companyId);
    const max = asId(single(q, 'max')) ?? 100;
    const fields = fieldFilters(q);
    const calendarID = single(q, 'calendarID');
    const appointmentTypeID = single(q, 'appointmentTypeID');
    const { items } = await translating({ calendarID, appointmentTypeID }, () => listAppointments(services, companyId, {
      resourceKeys: calendarID === undefined ? undefined : [asIdOr(calendarID, 'invalid_calendar', 'calendar')],
      serviceKeys: appointmentTypeID === undefined ? undefined : [asIdOr(appointmentTypeID, 'invalid_appointment_type', 'appointment type')],
      statuses: flag(q, 'showall') ? ['BK', 'RS', 'CN'] : flag(q, 'canceled') ? ['CN'] : ['BK', 'RS'],
      from: dateBound(q, 'minDate', zone, false),
      to: dateBound(q, 'maxDate', zone, true),
      customer: { firstName: single(q, 'firstName'), lastName: single(q, 'lastName'), email: single(q, 'email'), phone: single(q, 'phone') },
      // Intake answers are matched here, after the query, so fetch enough to fill `max` after that.
      limit: fields.size ? MAX_LIST : Math.min(max, MAX_LIST),
      offset: 0,
      direction: single(q, 'direction')?.toUpperCase() === 'ASC' ? 'asc' : 'desc',
    }));
    const matching = items.filter((v) => [...fields].every(([fieldId, value]) =>
      v.formAnswers.some((a) => a.fieldId === fieldId && a.value.toLowerCase() === value.toLowerCase()))).slice(0, max);
    const rendering = await appointmentRendering(services, companyId, matching, pageOrigin(request));
    return matching.map((v) => renderAppointment(v, rendering, { excludeForms: flag(q, 'excludeForms') }));
  });

  app.get<{ Params: { id: string } }>('/appointments/:id', {
    schema: doc('One appointment', { params: IdParams, querystring: Type.Object({ pastFormAnswers: Type.Optional(Type.Boolean()) }), response: AppointmentSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const view = await loadAppointment(services, companyId, appointmentId(request.params.id));
    return renderAppointment(view, await appointmentRendering(services, companyId, [view], pageOrigin(request)));
  });

  app.get<{ Params: { id: string } }>('/appointments/:id/payments', {
    schema: doc('Payments made for an appointment', { params: IdParams, response: Type.Array(PaymentSchema) }),
  }, async (request) => {
    await loadAppointment(services, companyOf(request), appointmentId(request.params.id));
    // Payments are not taken through OpenSlot; an appointment has none on record.
    return [];
  });
};

function asIdOr(raw: string, code: string, what: string): number {
  const id = asId(raw);
  if (id === null) throw acuityError(400, code, `The ${what} "${raw}" does not exist.`);
  return id;
}

/** minDate from the start of its day; maxDate through the end of its day (dates in the account's zone). */
function dateBound(q: Query, name: string, zone: string, endOfDay: boolean): number | undefined {
  const text = single(q, name);
  if (text === undefined) return undefined;
  const day = startOfDate(text, zone);
  if (day !== null) return endOfDay ? nextDayStart(day, zone) : day;
  const instant = parseDatetime(text, zone);
  if (instant === null) throw acuityError(400, 'invalid_date', `The date "${text}" is invalid.`);
  return endOfDay ? instant + 1 : instant;
}
