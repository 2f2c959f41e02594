// Moving an appointment along: book a hold, confirm, cancel, reschedule (the original becomes RE
// and a new BK takes its place), edit notes and custom fields, or delete a hold outright.
import type { FastifyInstance } from 'fastify';
import { bookHeldAppointment, cancelAppointment, confirmAppointment, deleteHold } from '../../services/appointments/change-status.js';
import { rescheduleLinks } from '../../services/appointments/get-appointment.js';
import { rescheduleAppointment } from '../../services/appointments/reschedule-appointment.js';
import { editAppointment } from '../../services/appointments/edit-appointment.js';
import type { ServiceContext } from '../../services/context.js';
import { customerInput, rescheduleRequest } from './appointment-input.js';
import { actorOf, companyOf } from './auth.js';
import { renderAppointment } from './render.js';
import { idempotency } from './request.js';
import { Appointment, BookBody, BookingIdsQuery, CancelBody, EmptyBody, RescheduleBody, UpdateBody } from './schemas/appointments.js';
import { ErrorResponses, IdParams, doc } from './schemas/common.js';

const responses = { 200: Appointment, ...ErrorResponses };
const schema = (summary: string, body?: object) => ({ ...doc('appointments', summary), params: IdParams, ...(body ? { body } : {}), response: responses });

export async function appointmentChangeRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  // /public/…/book is the booking widget's (public key + x-client-id).
  for (const path of ['/appointment/:id/book', '/public/appointment/:id/book']) {
    app.put<{ Params: IdParams; Body: BookBody }>(path, {
      schema: schema('Book a hold or reservation (IN/RS → BK); 404 once a hold has expired', BookBody),
    }, async (request) => renderAppointment(await bookHeldAppointment(services, companyOf(request), request.params.id,
      { customer: customerInput(request.body.Customer), customFields: request.body.CustomFields, actor: actorOf(request), answersInCustomFields: true }, idempotency(request))));
  }

  app.put<{ Params: IdParams }>('/appointment/:id/confirm', {
    schema: schema('Confirm (RS → BK; confirmed: true); idempotent', EmptyBody),
  }, async (request) => renderAppointment(await confirmAppointment(services, companyOf(request), request.params.id, idempotency(request), { answersInCustomFields: true })));

  app.put<{ Params: IdParams; Body: CancelBody | undefined }>('/appointment/:id/cancel', {
    schema: schema('Cancel (BK/RS → CN) with an optional {reason, notes, CustomFields}; 400 for past or cancelled appointments', CancelBody),
  }, async (request) => renderAppointment(await cancelAppointment(services, companyOf(request), request.params.id,
    { refusePast: true, reason: request.body?.reason, cancelNote: request.body?.notes, customFields: request.body?.CustomFields, idempotency: idempotency(request) })));

  app.put<{ Params: IdParams; Querystring: BookingIdsQuery; Body: RescheduleBody }>('/appointment/:id/reschedule', {
    schema: { ...schema('Reschedule: the original becomes RE, a new BK appointment is returned', RescheduleBody), querystring: BookingIdsQuery },
  }, async (request) => {
    const view = await rescheduleAppointment(services, companyOf(request), request.params.id, rescheduleRequest(request.query, request.body),
      { inPlace: false, onGrid: false, paddingOverflow: request.query.allowPaddingOverflow === true, ignoreExternal: request.query.ignoreExternalEvents === true, idempotency: idempotency(request) });
    return renderAppointment(view, await rescheduleLinks(services, [view]));
  });

  app.put<{ Params: IdParams; Body: UpdateBody }>('/appointment/:id', {
    schema: schema('Update notes and CustomFields (merged into the existing ones)', UpdateBody),
  }, async (request) => {
    const view = await editAppointment(services, companyOf(request), request.params.id,
      { notes: request.body.notes, customFields: request.body.CustomFields }, { idempotency: idempotency(request) });
    return renderAppointment(view, await rescheduleLinks(services, [view]));
  });

  app.delete<{ Params: IdParams }>('/appointment/:id', {
    schema: schema('Delete a hold (IN only, not past); returns what was deleted'),
  }, async (request) => renderAppointment(await deleteHold(services, companyOf(request), request.params.id, idempotency(request))));
}
