// Reading appointments: one by id, or a filtered page. Lapsed holds are gone for both.
import type { FastifyInstance } from 'fastify';
import { getAppointment, rescheduleLinks } from '../../services/appointments/get-appointment.js';
import { listAppointments } from '../../services/appointments/list-appointments.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { renderAppointment } from './render.js';
import { instant, listOf, pageOf } from './request.js';
import { Appointment, AppointmentList, AppointmentListQuery } from './schemas/appointments.js';
import { ErrorResponses, IdParams, doc } from './schemas/common.js';

export async function appointmentReadRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Params: IdParams }>('/appointment/:id', {
    schema: { ...doc('appointments', 'One appointment'), params: IdParams, response: { 200: Appointment, ...ErrorResponses } },
  }, async (request) => {
    const view = await getAppointment(services, companyOf(request), request.params.id);
    return renderAppointment(view, await rescheduleLinks(services, [view]));
  });

  app.get<{ Querystring: AppointmentListQuery }>('/appointments', {
    schema: { ...doc('appointments', 'Appointments by location, resources, services, customer, status and start time, earliest first'),
      querystring: AppointmentListQuery, response: { 200: AppointmentList, ...ErrorResponses } },
  }, async (request) => {
    const q = request.query;
    const page = pageOf(q);
    const result = await listAppointments(services, companyOf(request), {
      locationKey: q.locationId, resourceKeys: q.resourceIds, serviceKeys: q.serviceIds, customerKey: q.customerId, statuses: q.status,
      from: q.startDate === undefined ? undefined : instant(q.startDate, 'startDate'),
      to: q.endDate === undefined ? undefined : instant(q.endDate, 'endDate'),
      limit: page.limit, offset: page.offset, direction: 'asc',
    });
    const links = await rescheduleLinks(services, result.items);
    return listOf(page, { total: result.total, items: result.items.map((v) => renderAppointment(v, links)) });
  });
}
