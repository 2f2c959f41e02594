// The OnSched wire shape of an appointment, in one place: the /v3 surface answers with it and the
// OnSched-style webhooks carry it, so a receiver reads the same object both ways. Pure: the uids of
// linked (rescheduled) appointments are looked up by the caller.
import type { AppointmentView } from '../services/appointments/view.js';

/** Instants on the OnSched wire: ISO 8601 in UTC. */
export const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE = 60_000;

export function onschedAppointment(v: AppointmentView, linkedUids: Map<number, string> = new Map()) {
  const link = (id: number | null) => (id === null ? null : linkedUids.get(id) ?? null);
  return {
    object: 'appointment' as const, id: v.uid, status: v.status, confirmed: v.confirmed,
    startTime: iso(v.start), endTime: iso(v.end), duration: Math.round((v.end - v.start) / MINUTE),
    expiresAt: v.status === 'IN' && v.expiresAt !== null ? iso(v.expiresAt) : null,
    LocationId: v.location.uid, ServiceId: v.service.uid, ResourceIds: v.resources.map((r) => r.uid), CustomerId: v.customer?.uid ?? null,
    location: { id: v.location.uid, name: v.location.name, timezone: v.location.timezone },
    service: { id: v.service.uid, name: v.service.name, duration: v.service.duration },
    resources: v.resources.map((r) => ({ id: r.uid, name: r.name })),
    customer: v.customer && { id: v.customer.uid, firstName: v.customer.firstName, lastName: v.customer.lastName, email: v.customer.email, phone: v.customer.phone },
    CustomFields: v.customFields, notes: v.notes, timezone: v.timezone ?? v.location.timezone, roundRobin: v.roundRobin,
    rescheduledFromId: link(v.rescheduledFromId), rescheduledToId: link(v.rescheduledToId),
    reason: v.cancelReason, cancelNotes: v.cancelNote, metadata: v.metadata === null ? null : JSON.parse(v.metadata) as Record<string, unknown>,
    createdAt: iso(v.createdAt), updatedAt: iso(v.updatedAt),
  };
}
