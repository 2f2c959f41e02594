// Reading appointments: one by id, a filtered page (GET /v3/appointments), the same page by status
// (GET /v3/appointments/filter), and one appointment's status history. Lapsed holds are gone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getAppointment, rescheduleLinks } from '../../services/appointments/get-appointment.js';
import { listAppointments } from '../../services/appointments/list-appointments.js';
import { listZone } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { renderAppointment } from './render.js';
import { instantIn, invalid, listOf, pageOf } from './request.js';
import { Type } from '@sinclair/typebox';
import { appointmentAudit } from '../../services/appointments/audit.js';
import { Appointment, AppointmentList, AppointmentListQuery, AuditEntry } from './schemas/appointments.js';
import { ErrorResponses, IdParams, doc } from './schemas/common.js';

/** One date bound from the decision's name or its alias; both given differently is a 400. */
function bound(name: string, value: string | undefined, alias: string, aliasValue: string | undefined): string | undefined {
  if (value !== undefined && aliasValue !== undefined && value !== aliasValue) throw invalid(name, `${name} and ${alias} differ`);
  return value ?? aliasValue;
}

async function listPage(services: ServiceContext, request: FastifyRequest<{ Querystring: AppointmentListQuery }>) {
  const q = request.query;
  const companyId = companyOf(request);
  const page = pageOf(q);
  const from = bound('from', q.from, 'startDate', q.startDate);
  const to = bound('to', q.to, 'endDate', q.endDate);
  const zone = from !== undefined || to !== undefined ? await listZone(services, companyId, { locationKey: q.locationId, resourceKeys: q.resourceIds }) : 'UTC';
  const result = await listAppointments(services, companyId, {
    locationKey: q.locationId, resourceKeys: q.resourceIds, serviceKeys: q.serviceIds, customerKey: q.customerId, statuses: q.status,
    from: from === undefined ? undefined : instantIn(from, zone, 'from'),
    to: to === undefined ? undefined : instantIn(to, zone, 'to', true),
    limit: page.limit, offset: page.offset, direction: 'asc',
  });
  const links = await rescheduleLinks(services, result.items);
  return listOf(page, { total: result.total, items: result.items.map((v) => renderAppointment(v, links)) });
}

export async function appointmentReadRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Params: IdParams }>('/appointment/:id', {
    schema: { ...doc('appointments', 'One appointment'), params: IdParams, response: { 200: Appointment, ...ErrorResponses } },
  }, async (request) => {
    const view = await getAppointment(services, companyOf(request), request.params.id);
    return renderAppointment(view, await rescheduleLinks(services, [view]));
  });

  app.get<{ Params: IdParams }>('/appointment/:id/audit', {
    schema: { ...doc('appointments', 'The status changes of one appointment, oldest first: who, when, from, to'), params: IdParams,
      response: { 200: Type.Array(AuditEntry), ...ErrorResponses } },
  }, async (request) => (await appointmentAudit(services, companyOf(request), request.params.id)).map((e) => ({
    object: 'auditEvent' as const, appointmentId: request.params.id.toLowerCase(), fromStatus: e.from_status, toStatus: e.to_status,
    modifiedBy: e.actor, modifiedOn: new Date(e.created_at).toISOString(),
  })));

  const list = { querystring: AppointmentListQuery, response: { 200: AppointmentList, ...ErrorResponses } };
  app.get<{ Querystring: AppointmentListQuery }>('/appointments', {
    schema: { ...doc('appointments', 'Appointments by location, resources, services, customer and date (from/to), earliest first; page and limit'), ...list },
  }, (request) => listPage(services, request));
  app.get<{ Querystring: AppointmentListQuery }>('/appointments/filter', {
    schema: { ...doc('appointments', 'Appointments filtered by status (one or several of IN, RS, BK, CN, RE), date range, resources and location'), ...list },
  }, (request) => listPage(services, request));
}
