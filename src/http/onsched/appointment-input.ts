// Appointment request bodies mapped onto the services' requests.
import type { AppointmentRequest } from '../../services/appointments/create-appointment.js';
import type { CustomerInput } from '../../services/customers/find-or-create-customer.js';
import { instant, invalid, zoneParam } from './request.js';
import type { AppointmentBody, CustomerRef, RescheduleBody } from './schemas/appointments.js';

const MINUTE = 60_000;

export function customerInput(c: CustomerRef | undefined): CustomerInput | undefined {
  if (!c) return undefined;
  if (c.id !== undefined) return { id: c.id };
  return { firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, timezone: zoneParam(c.timezone, 'Customer.timezone') };
}

/** ResourceIds, else ResourceId, else none (the service's own resources). */
export function resourceKeys(body: { ResourceIds?: string[]; ResourceId?: string }): string[] | undefined {
  if (body.ResourceIds?.length) return body.ResourceIds;
  return body.ResourceId !== undefined ? [body.ResourceId] : undefined;
}

/** The booked time: endTime when given, else the duration override, else the service decides. */
export function bookedTime(u: AppointmentBody['Unavailability'], duration?: number): { start: number; end?: number } {
  const start = instant(u.startTime, 'Unavailability.startTime');
  const end = u.endTime !== undefined ? instant(u.endTime, 'Unavailability.endTime') : duration !== undefined ? start + duration * MINUTE : undefined;
  if (end !== undefined && end <= start) throw invalid('Unavailability.endTime', 'Unavailability.endTime must be after startTime', u.endTime);
  return { start, end };
}

export function appointmentRequest(body: AppointmentBody): AppointmentRequest {
  return {
    serviceKey: body.ServiceId, locationKey: body.LocationId, resourceKeys: resourceKeys(body), roundRobin: body.roundRobin,
    ...bookedTime(body.Unavailability, body.duration), customer: customerInput(body.Customer), customFields: body.CustomFields,
    notes: body.notes, timezone: zoneParam(body.timezone),
  };
}

export function rescheduleRequest(body: RescheduleBody) {
  return { ...bookedTime(body.Unavailability), resourceKeys: resourceKeys(body), timezone: zoneParam(body.timezone) };
}
