// Creating appointments: a hold (IN) that locks the slot for the location's expirationDelay, a
// reservation (RS) with no expiry, or a booking (BK) straight away with its customer.
import type { FastifyInstance } from 'fastify';
import { createAppointment } from '../../services/appointments/create-appointment.js';
import type { ServiceContext } from '../../services/context.js';
import { appointmentRequest } from './appointment-input.js';
import { actorOf, companyOf } from './auth.js';
import { renderAppointment } from './render.js';
import { idempotency } from './request.js';
import { Appointment, AppointmentBody, BookingIdsQuery } from './schemas/appointments.js';
import { ErrorResponses, doc } from './schemas/common.js';

const CREATES = [
  { path: '/appointment/hold', status: 'IN', summary: 'Hold a time (IN): the slot is locked for the location\'s expirationDelay; Customer optional' },
  { path: '/public/appointment/hold', status: 'IN', summary: 'The booking widget\'s hold (public key + x-client-id); as POST /appointment/hold' },
  { path: '/appointment/reserve', status: 'RS', summary: 'Reserve a time (RS): held with no expiry, details later' },
  { path: '/appointment', status: 'BK', summary: 'Book a time (BK) directly; Customer required ({id}, or details found by email or created)' },
] as const;

export async function appointmentCreateRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  for (const { path, status, summary } of CREATES) {
    app.post<{ Querystring: BookingIdsQuery; Body: AppointmentBody }>(path, {
      schema: { ...doc('appointments', summary), querystring: BookingIdsQuery, body: AppointmentBody, response: { 200: Appointment, ...ErrorResponses } },
    }, async (request) => {
      // OnSched's times can sit anywhere inside working hours, not only on the interval grid.
      const view = await createAppointment(services, companyOf(request), appointmentRequest(request.query, request.body),
        { status, onGrid: false, actor: actorOf(request), paddingOverflow: request.query.allowPaddingOverflow === true,
          ignoreExternal: request.query.ignoreExternalEvents === true, idempotency: idempotency(request) });
      return renderAppointment(view);
    });
  }
}
