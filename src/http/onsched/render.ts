// Appointments and availability as OnSched clients read them: ids are uids, instants ISO 8601 in UTC.
import { DateTime } from 'luxon';
import { formatIsoDate } from '../../core/time/civil-date.js';
import { localDayOf } from '../../core/time/wall-clock.js';
import type { AppointmentView } from '../../services/appointments/view.js';
import type { Availability } from '../../services/scheduling/find-availability.js';
import type { Appointment, AvailabilityResponse } from './schemas/appointments.js';

export const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE = 60_000;

export function renderAppointment(v: AppointmentView, links: Map<number, string> = new Map()): Appointment {
  const link = (id: number | null) => (id === null ? null : links.get(id) ?? null);
  return {
    object: 'appointment', id: v.uid, status: v.status, confirmed: v.confirmed,
    startTime: iso(v.start), endTime: iso(v.end), duration: Math.round((v.end - v.start) / MINUTE),
    expiresAt: v.status === 'IN' && v.expiresAt !== null ? iso(v.expiresAt) : null,
    LocationId: v.location.uid, ServiceId: v.service.uid, ResourceIds: v.resources.map((r) => r.uid), CustomerId: v.customer?.uid ?? null,
    location: { id: v.location.uid, name: v.location.name, timezone: v.location.timezone },
    service: { id: v.service.uid, name: v.service.name, duration: v.service.duration },
    resources: v.resources.map((r) => ({ id: r.uid, name: r.name })),
    customer: v.customer && { id: v.customer.uid, firstName: v.customer.firstName, lastName: v.customer.lastName, email: v.customer.email, phone: v.customer.phone },
    CustomFields: v.customFields, notes: v.notes, timezone: v.timezone ?? v.location.timezone, roundRobin: v.roundRobin,
    rescheduledFromId: link(v.rescheduledFromId), rescheduledToId: link(v.rescheduledToId),
    createdAt: iso(v.createdAt), updatedAt: iso(v.updatedAt),
  };
}

/**
 * The seed's availability shape. Days are keyed in `zone`; times are written in UTC unless the
 * client asked for a zone, in which case they carry that zone's offset (the same instants).
 */
export function renderAvailability(a: Availability, zone: string, writeInZone: boolean): AvailabilityResponse {
  const time = writeInZone ? (ms: number) => DateTime.fromMillis(ms, { zone }).toISO()! : iso;
  const availableDays: Record<string, Array<{ start_time: string; end_time: string }>> = {};
  const availableTimes: AvailabilityResponse['data']['availableTimes'] = [];
  for (const slot of a.slots) {
    const window = { start_time: time(slot.start), end_time: time(slot.end) };
    (availableDays[formatIsoDate(localDayOf(slot.start, zone))] ??= []).push(window);
    availableTimes.push({ ...window, ResourceIds: slot.resources.map((r) => r.uid), LocationId: a.location.uid });
  }
  return { success: true, data: { ServiceId: a.service.uid, availableDays, availableTimes } };
}
