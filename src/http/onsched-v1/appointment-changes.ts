// v1 appointment transitions: book (IN/RS → BK with the customer's details), reserve (IN → RS),
// cancel (BK/RS → CN), reschedule (the original becomes RE, a new BK answers), confirm (with undo),
// and noshow (a booked appointment flagged; v1 shows status NS).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { bookHeldAppointment, cancelAppointment, confirmAppointment } from '../../services/appointments/change-status.js';
import { getAppointment } from '../../services/appointments/get-appointment.js';
import { markNoShow, reserveHold, unconfirmAppointment } from '../../services/appointments/reserve-hold.js';
import { rescheduleAppointment } from '../../services/appointments/reschedule-appointment.js';
import type { ServiceContext } from '../../services/context.js';
import { customFieldsOf, customerBookingFieldsOf, customerOf, instantOf } from './appointment-input.js';
import { keepCustomerBookingFields } from './customer-booking-fields.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderAppointment } from './render-appointment.js';
import { IdParams, invalid, optionalKey } from './request.js';
import { AppointmentBookModel, AppointmentRescheduleModel, AppointmentReserveModel, AppointmentViewModel } from './schemas/appointment-models.js';

const Empty = Type.Object({});
const schema = (summary: string, extra: Record<string, unknown> = {}) =>
  ({ tags: ['v1 consumer'], summary, params: IdParams, response: { 200: AppointmentViewModel }, ...extra });

export async function appointmentChangeRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.put<{ Params: IdParams; Body: Static<typeof AppointmentBookModel> }>('/consumer/v1/appointments/:id/book', {
    schema: schema('Book a hold or reservation (IN/RS → BK) with the customer\'s name and email', { body: AppointmentBookModel }),
  }, async (request) => {
    const companyId = companyOf(request);
    const customerFields = customerBookingFieldsOf(request.body);
    const view = await bookHeldAppointment(services, companyId, request.params.id,
      { customer: customerOf(request.body), customFields: customFieldsOf(request.body) }, idempotencyOf(request));
    await keepCustomerBookingFields(services, companyId, view, customerFields);
    return renderAppointment(view);
  });

  app.put<{ Params: IdParams; Body: Static<typeof AppointmentReserveModel>; Querystring: { sendNotifications?: boolean } }>('/consumer/v1/appointments/:id/reserve', {
    schema: schema('Reserve a hold (IN → RS): kept with no expiry until booked or cancelled', {
      body: AppointmentReserveModel, querystring: Type.Object({ sendNotifications: Type.Optional(Type.Boolean()) }),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const customerFields = customerBookingFieldsOf(request.body);
    const view = await reserveHold(services, companyId, request.params.id,
      { customer: customerOf(request.body), customFields: customFieldsOf(request.body), notes: request.body.notes ?? undefined }, idempotencyOf(request));
    await keepCustomerBookingFields(services, companyId, view, customerFields);
    return renderAppointment(view);
  });

  app.put<{ Params: IdParams }>('/consumer/v1/appointments/:id/cancel', {
    schema: schema('Cancel (BK/RS → CN); not for past appointments', { body: Empty }),
  }, async (request) => renderAppointment(await cancelAppointment(services, companyOf(request), request.params.id,
    { refusePast: true, idempotency: idempotencyOf(request) })));

  app.put<{ Params: IdParams; Body: Static<typeof AppointmentRescheduleModel> }>('/consumer/v1/appointments/:id/reschedule', {
    schema: schema('Reschedule: the original becomes RE; the new appointment answers', { body: AppointmentRescheduleModel }),
  }, async (request) => {
    const companyId = companyOf(request);
    const b = request.body;
    const current = await getAppointment(services, companyId, request.params.id);
    const serviceKey = optionalKey(b.serviceId, 'serviceId');
    if (serviceKey !== undefined && String(serviceKey) !== String(current.service.id) && String(serviceKey).toLowerCase() !== current.service.uid) {
      throw invalid('serviceId', 'A reschedule keeps the service: cancel and book again to change it');
    }
    const zone = current.timezone ?? current.location.timezone;
    const start = instantOf(b.startDateTime, zone, 'startDateTime');
    if (start === undefined) throw invalid('startDateTime', 'startDateTime is required');
    const end = instantOf(b.endDateTime, zone, 'endDateTime');
    if (end !== undefined && end <= start) throw invalid('endDateTime', 'endDateTime must be after startDateTime');
    const resource = optionalKey(b.resourceId, 'resourceId');
    const view = await rescheduleAppointment(services, companyId, request.params.id,
      { start, end, resourceKeys: resource === undefined ? undefined : [resource] }, { inPlace: false, onGrid: false, idempotency: idempotencyOf(request) });
    return renderAppointment(view);
  });

  app.put<{ Params: IdParams; Querystring: { undo?: boolean } }>('/consumer/v1/appointments/:id/confirm', {
    schema: schema('Confirm (RS → BK, confirmed); undo=true takes the confirmation back', {
      body: Empty, querystring: Type.Object({ undo: Type.Optional(Type.Boolean()) }),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const change = request.query.undo ? unconfirmAppointment : confirmAppointment;
    return renderAppointment(await change(services, companyId, request.params.id, idempotencyOf(request)));
  });

  app.put<{ Params: IdParams }>('/consumer/v1/appointments/:id/noshow', {
    schema: schema('Mark a booked appointment as a no-show (status NS)', { body: Empty }),
  }, async (request) => renderAppointment(await markNoShow(services, companyOf(request), request.params.id, idempotencyOf(request))));
}
