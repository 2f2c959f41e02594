// Changing an appointment: PUT (client details, intake answers, labels; admin: notes, certificate),
// cancel, and reschedule (the appointment keeps its id). Without admin=true the account's client
// rules apply (cancel_not_allowed, cancel_too_close, reschedule_*); admin=true lifts them.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { isDomainError } from '../../../core/errors.js';
import { cancelAppointment } from '../../../services/appointments/change-status.js';
import { editAppointment, type AppointmentEdit } from '../../../services/appointments/edit-appointment.js';
import { rescheduleAppointment } from '../../../services/appointments/reschedule-appointment.js';
import type { ServiceContext } from '../../../services/context.js';
import { acuityError, translating } from '../errors.js';
import { asBoolean, asText, isBlank, isEmail, objectBody } from '../input.js';
import { fieldAnswers, labelIds, optionalCalendar, optionalTimezone, parseDatetimeOrFail, requireDatetimeText } from '../params.js';
import { flag } from '../query.js';
import { appointmentRendering, calendarZone, renderAppointment } from '../render-appointment.js';
import { companyOf, idempotencyOf, pageOrigin, queryOf } from '../request.js';
import { AppointmentChangesSchema, AppointmentSchema, CancelSchema, RescheduleSchema, doc } from '../schemas.js';
import { appointmentId, loadAppointment } from './appointments.js';

const IdParams = Type.Object({ id: Type.Integer() });
const AdminQuery = Type.Object({ admin: Type.Optional(Type.Boolean()), noEmail: Type.Optional(Type.Boolean()) });
type WithId = { Params: { id: string } };

export const appointmentChangeRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const render = async (companyId: number, view: Awaited<ReturnType<typeof loadAppointment>>, origin?: string) =>
    renderAppointment(view, await appointmentRendering(services, companyId, [view], origin));

  app.put<WithId>('/appointments/:id', {
    schema: doc('Update an appointment\'s client details, intake answers and labels (admin: notes and certificate)', { params: IdParams, querystring: AdminQuery, body: AppointmentChangesSchema, response: AppointmentSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const id = appointmentId(request.params.id);
    const admin = flag(queryOf(request), 'admin');
    const body = objectBody(request.body);
    const edit: AppointmentEdit = {};
    if ('firstName' in body) {
      edit.firstName = asText(body.firstName);
      if (!edit.firstName) throw acuityError(400, 'required_first_name', 'Attribute "firstName" is required.');
    }
    if ('lastName' in body) {
      edit.lastName = asText(body.lastName);
      if (!edit.lastName) throw acuityError(400, 'required_last_name', 'Attribute "lastName" is required.');
    }
    if ('email' in body) {
      const email = asText(body.email) || null;
      if (email === null && !admin) throw acuityError(400, 'required_email', 'Attribute "email" is required.');
      if (email !== null && !isEmail(email)) throw acuityError(400, 'invalid_email', 'Invalid "email" attribute value.');
      edit.email = email;
    }
    if ('phone' in body) edit.phone = asText(body.phone) || null;
    if (admin && 'notes' in body) edit.notes = asText(body.notes) ?? null;
    if (admin && 'certificate' in body) edit.certificate = asText(body.certificate) || null;
    edit.answers = fieldAnswers(body.fields);
    edit.labelKeys = labelIds(body.labels);
    const view = await translating({}, () => editAppointment(services, companyId, id, edit, { noEmail: flag(queryOf(request), 'noEmail'), idempotency: idempotencyOf(request) }));
    return render(companyId, view, pageOrigin(request));
  });

  app.put<WithId>('/appointments/:id/cancel', {
    schema: doc('Cancel an appointment (cannot be undone)', { params: IdParams, querystring: AdminQuery, body: CancelSchema, response: AppointmentSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const id = appointmentId(request.params.id);
    const admin = flag(queryOf(request), 'admin');
    const body = objectBody(request.body);
    const current = await loadAppointment(services, companyId, id);
    if (current.status === 'CN') throw acuityError(400, 'appointment_canceled', 'The appointment is already canceled.');
    try {
      const view = await cancelAppointment(services, companyId, id, {
        clientRules: true, admin, cancelNote: asText(body.cancelNote) || undefined, noShow: admin && asBoolean(body.noShow), noEmail: flag(queryOf(request), 'noEmail'),
        idempotency: idempotencyOf(request),
      });
      return render(companyId, view, pageOrigin(request));
    } catch (error) {
      // Holds (an OnSched notion) cannot be canceled, only deleted: to Acuity they are not appointments.
      if (isDomainError(error) && error.code === 'invalid_transition') throw acuityError(400, 'appointment_canceled', error.message);
      throw error;
    }
  });

  app.put<WithId>('/appointments/:id/reschedule', {
    schema: doc('Move an appointment to another time (it keeps its id)', { params: IdParams, querystring: AdminQuery, body: RescheduleSchema, response: AppointmentSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const id = appointmentId(request.params.id);
    const admin = flag(queryOf(request), 'admin');
    const body = objectBody(request.body);
    const current = await loadAppointment(services, companyId, id);
    const datetime = requireDatetimeText(body.datetime);
    const timezone = optionalTimezone(body.timezone);
    // calendarID omitted: keep the calendar; null: any available one; an id: that one.
    const calendar = await optionalCalendar(services, companyId, body.calendarID);
    const resourceKeys = !('calendarID' in body) ? undefined : isBlank(body.calendarID) ? null : [calendar!.resource.id];
    const start = parseDatetimeOrFail(datetime, calendar?.zone ?? calendarZone(current));
    const view = await translating({ datetime, calendarID: body.calendarID }, () => rescheduleAppointment(services, companyId, id,
      { start, resourceKeys, timezone }, { inPlace: true, onGrid: true, clientRules: true, admin, noEmail: flag(queryOf(request), 'noEmail'), idempotency: idempotencyOf(request) }));
    return render(companyId, view, pageOrigin(request));
  });
};
