// Appointment requests mapped onto the services' requests. OnSched's own example puts the ids in
// the query (POST /v3/appointment?LocationId=…&ServiceId=…) and the rest in the body; both places
// are read, and the same id given differently in each is a 400.
import type { AppointmentRequest } from '../../services/appointments/create-appointment.js';
import type { CustomerInput } from '../../services/customers/find-or-create-customer.js';
import { instant, invalid, zoneParam } from './request.js';
import type { AppointmentBody, BookingIdsQuery, CustomerRef, RescheduleBody } from './schemas/appointments.js';

const MINUTE = 60_000;

export function customerInput(c: CustomerRef | undefined): CustomerInput | undefined {
  if (!c) return undefined;
  if (c.id !== undefined) return { id: c.id };
  return { firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, timezone: zoneParam(c.timezone, 'Customer.timezone') };
}

/** ResourceIds, else ResourceId, else none (the service's own resources). */
export function resourceKeys(from: { ResourceIds?: string[]; ResourceId?: string }): string[] | undefined {
  if (from.ResourceIds?.length) return from.ResourceIds;
  return from.ResourceId !== undefined ? [from.ResourceId] : undefined;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].map((x) => x.toLowerCase()).sort().join() === [...b].map((x) => x.toLowerCase()).sort().join();

/** One value from the query or the body; both present and different is a 400. */
function either<T>(field: string, fromQuery: T | undefined, fromBody: T | undefined, same: (a: T, b: T) => boolean): T | undefined {
  if (fromQuery !== undefined && fromBody !== undefined && !same(fromQuery, fromBody)) {
    throw invalid(field, `${field} is given in both the query and the body, with different values`);
  }
  return fromQuery ?? fromBody;
}
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function bookingIds(query: BookingIdsQuery, body: { LocationId?: string; ServiceId?: string; ResourceIds?: string[]; ResourceId?: string }) {
  return {
    locationKey: either('LocationId', query.LocationId, body.LocationId, sameId),
    serviceKey: either('ServiceId', query.ServiceId, body.ServiceId, sameId),
    resourceKeys: either('ResourceIds', resourceKeys(query), resourceKeys(body), sameIds),
  };
}

/** The requested length: `duration` or its alias `overrideDuration` (the same if both). */
function requestedMinutes(body: { duration?: number; overrideDuration?: number }): number | undefined {
  return either('duration', body.duration, body.overrideDuration, (a, b) => a === b);
}

/**
 * The booked time: endTime when given, else start plus the requested duration, else the service
 * decides. `lengthField` names what set the length, for the service's duration check.
 */
export function bookedTime(u: AppointmentBody['Unavailability'], duration?: number): { start: number; end?: number; lengthField: string } {
  const start = instant(u.startTime, 'Unavailability.startTime');
  const end = u.endTime !== undefined ? instant(u.endTime, 'Unavailability.endTime') : duration !== undefined ? start + duration * MINUTE : undefined;
  if (end !== undefined && end <= start) throw invalid('Unavailability.endTime', 'Unavailability.endTime must be after startTime', u.endTime);
  if (duration !== undefined && end !== undefined && end - start !== duration * MINUTE) {
    throw invalid('duration', `duration ${duration} does not match Unavailability (${(end - start) / MINUTE} minutes)`, duration);
  }
  return { start, end, lengthField: duration !== undefined ? 'duration' : 'Unavailability.endTime' };
}

export function appointmentRequest(query: BookingIdsQuery, body: AppointmentBody): AppointmentRequest {
  const ids = bookingIds(query, body);
  if (ids.serviceKey === undefined) throw invalid('ServiceId', 'Missing required parameter: ServiceId');
  return {
    ...ids, serviceKey: ids.serviceKey, roundRobin: body.roundRobin,
    ...bookedTime(body.Unavailability, requestedMinutes(body)), customer: customerInput(body.Customer), customFields: body.CustomFields,
    notes: body.notes, timezone: zoneParam(body.timezone), answersInCustomFields: true,
  };
}

export function rescheduleRequest(query: BookingIdsQuery, body: RescheduleBody) {
  return { ...bookedTime(body.Unavailability, requestedMinutes(body)), resourceKeys: bookingIds(query, body).resourceKeys, timezone: zoneParam(body.timezone) };
}
