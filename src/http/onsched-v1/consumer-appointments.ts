// v1 appointments: the list, POST (a hold, reservation or booking per completeBooking), one by id,
// and DELETE of a hold.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { deleteHold } from '../../services/appointments/change-status.js';
import { createAppointment } from '../../services/appointments/create-appointment.js';
import { getAppointment } from '../../services/appointments/get-appointment.js';
import { listAppointments } from '../../services/appointments/list-appointments.js';
import { bookingZone } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import { customFieldsOf, customerBookingFieldsOf, customerOf, instantOf, resourceKeysOf, type InitialBody } from './appointment-input.js';
import { keepCustomerBookingFields } from './customer-booking-fields.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderAppointment, renderInitialAppointment } from './render-appointment.js';
import { IdParams, Paging, invalid, optionalKey, pageOf, requiredKey, v1List } from './request.js';
import { AppointmentInitialModel, AppointmentInitialViewModel, AppointmentListViewModel, AppointmentViewModel } from './schemas/appointment-models.js';
import { dayIn } from './availability-input.js';

const ListQuery = Type.Object({
  locationId: Type.Optional(Type.String({ maxLength: 64 })), serviceId: Type.Optional(Type.String({ maxLength: 64 })),
  resourceId: Type.Optional(Type.String({ maxLength: 64 })), customerId: Type.Optional(Type.String({ maxLength: 64 })),
  email: Type.Optional(Type.String({ maxLength: 320 })), lastname: Type.Optional(Type.String({ maxLength: 200 })), phone: Type.Optional(Type.String({ maxLength: 64 })),
  calendarId: Type.Optional(Type.String()), serviceAllocationId: Type.Optional(Type.String()), bookedBy: Type.Optional(Type.String()),
  startDate: Type.Optional(Type.String({ maxLength: 40 })), endDate: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 40 })), ...Paging,
});
const STATUSES = ['IN', 'RS', 'BK', 'CN', 'RE', 'NS'];
const CompleteBooking = Type.Object({ completeBooking: Type.Optional(Type.Union([Type.Literal('BK'), Type.Literal('RS'), Type.Literal('IN')])) });

export async function consumerAppointmentRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  // The setup document declares the same two reads under /setup/v1.
  for (const prefix of ['/consumer/v1', '/setup/v1']) {
    app.get<{ Querystring: Static<typeof ListQuery> }>(`${prefix}/appointments`, {
      schema: { tags: ['v1 consumer'], summary: 'Appointments, earliest first', querystring: ListQuery, response: { 200: AppointmentListViewModel } },
    }, async (request) => {
      const q = request.query;
      const companyId = companyOf(request);
      const page = pageOf(q);
      const status = q.status?.toUpperCase();
      if (status !== undefined && !STATUSES.includes(status)) throw invalid('status', `status must be one of ${STATUSES.join(', ')}`);
      const locationKey = optionalKey(q.locationId, 'locationId');
      const zone = await bookingZone(services, companyId, locationKey);
      const result = await listAppointments(services, companyId, {
        locationKey, serviceKeys: q.serviceId ? [requiredKey(q.serviceId, 'serviceId')] : undefined,
        resourceKeys: q.resourceId ? [requiredKey(q.resourceId, 'resourceId')] : undefined, customerKey: optionalKey(q.customerId, 'customerId'),
        // NS is a BK flagged as a no-show.
        statuses: status ? [status === 'NS' ? 'BK' : status] : undefined, noShow: status === 'NS' ? true : status === 'BK' ? false : undefined,
        customer: q.email || q.lastname || q.phone ? { email: q.email, lastName: q.lastname, phone: q.phone } : undefined,
        from: q.startDate ? dayIn(q.startDate, zone, 'startDate').toMillis() : undefined,
        to: q.endDate ? dayIn(q.endDate, zone, 'endDate').plus({ days: 1 }).toMillis() : undefined,
        limit: page.limit, offset: page.offset, direction: 'asc',
      });
      return v1List(request, page, { total: result.total, items: result.items.map(renderAppointment) });
    });

    app.get<{ Params: IdParams }>(`${prefix}/appointments/:id`, {
      schema: { tags: ['v1 consumer'], summary: 'One appointment', params: IdParams, response: { 200: AppointmentViewModel } },
    }, async (request) => renderAppointment(await getAppointment(services, companyOf(request), request.params.id)));
  }

  app.post<{ Body: InitialBody; Querystring: Static<typeof CompleteBooking> }>('/consumer/v1/appointments', {
    schema: { tags: ['v1 consumer'], summary: 'Create an appointment: a hold (IN, default), reservation (RS) or booking (BK)', querystring: CompleteBooking, body: AppointmentInitialModel, response: { 200: AppointmentInitialViewModel } },
  }, async (request) => {
    const b = request.body;
    const companyId = companyOf(request);
    const status = request.query.completeBooking ?? 'IN';
    const serviceKey = requiredKey(b.serviceId, 'serviceId');
    const locationKey = optionalKey(b.locationId, 'locationId');
    if (b.timezoneName && !isValidZone(b.timezoneName)) throw invalid('timezoneName', `timezoneName "${b.timezoneName}" is not an IANA time zone`);
    const zone = b.timezoneName || await bookingZone(services, companyId, locationKey);
    const start = instantOf(b.startDateTime, zone, 'startDateTime');
    if (start === undefined) throw invalid('startDateTime', 'startDateTime is required');
    const end = instantOf(b.endDateTime, zone, 'endDateTime');
    if (end !== undefined && end <= start) throw invalid('endDateTime', 'endDateTime must be after startDateTime');
    const customer = customerOf(b);
    const customerFields = customerBookingFieldsOf(b);
    if (status === 'BK' && !customer) throw invalid('email', 'A booking (completeBooking=BK) needs the customer: name and email, or customerId');
    const view = await createAppointment(services, companyId, {
      serviceKey, locationKey, resourceKeys: resourceKeysOf(b), start, end, customer, customFields: customFieldsOf(b),
      notes: b.notes ?? undefined, timezone: b.timezoneName || undefined,
    }, { status, onGrid: false, idempotency: idempotencyOf(request) });
    await keepCustomerBookingFields(services, companyId, view, customerFields);
    return renderInitialAppointment(view, Object.keys(customerFields));
  });

  app.delete<{ Params: IdParams }>('/consumer/v1/appointments/:id', {
    schema: { tags: ['v1 consumer'], summary: 'Delete a hold (IN only); answers what was deleted', params: IdParams, response: { 200: AppointmentViewModel } },
  }, async (request) => renderAppointment(await deleteHold(services, companyOf(request), request.params.id, idempotencyOf(request))));
}
