// Appointments and availability as OnSched clients read them: ids are uids, instants ISO 8601 in UTC.
import { DateTime } from 'luxon';
import { formatIsoDate } from '../../core/time/civil-date.js';
import { localDayOf } from '../../core/time/wall-clock.js';
import type { AppointmentView } from '../../services/appointments/view.js';
import type { Availability } from '../../services/scheduling/find-availability.js';
import type { Appointment, AvailabilityResponse } from './schemas/appointments.js';
import { iso, onschedAppointment } from '../../render/onsched-appointment.js';

export { iso };

export const renderAppointment = (v: AppointmentView, links: Map<number, string> = new Map()): Appointment => onschedAppointment(v, links);

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
