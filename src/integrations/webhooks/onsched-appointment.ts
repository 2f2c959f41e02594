// The appointment as OnSched-surface webhooks carry it: UUIDs for ids (the OnSched surface's
// identity), ISO times with the location's offset, and the customer inline.
import { DateTime } from 'luxon';
import type { AppointmentView } from '../../services/appointments/view.js';
import type { Tx } from '../../store/transaction.js';

export async function onschedAppointmentJson(tx: Tx, a: AppointmentView): Promise<Record<string, unknown>> {
  const linked = [a.rescheduledFromId, a.rescheduledToId].filter((id): id is number => id !== null);
  const uids = new Map(linked.length
    ? (await tx.selectFrom('appointments').select(['id', 'uid']).where('id', 'in', linked).execute()).map((r) => [r.id, r.uid])
    : []);
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: a.location.timezone }).toISO({ suppressMilliseconds: true });
  return {
    object: 'appointment',
    id: a.uid,
    status: a.status,
    confirmed: a.confirmed,
    startDateTime: local(a.start),
    endDateTime: local(a.end),
    timezone: a.timezone ?? a.location.timezone,
    locationId: a.location.uid,
    locationName: a.location.name,
    serviceId: a.service.uid,
    serviceName: a.service.name,
    duration: Math.round((a.end - a.start) / 60_000),
    resourceIds: a.resources.map((r) => r.uid),
    resourceNames: a.resources.map((r) => r.name),
    customerId: a.customer?.uid ?? null,
    customer: a.customer && {
      id: a.customer.uid, firstName: a.customer.firstName, lastName: a.customer.lastName, email: a.customer.email, phone: a.customer.phone,
    },
    customFields: a.customFields,
    notes: a.notes,
    rescheduledFromId: a.rescheduledFromId === null ? null : uids.get(a.rescheduledFromId) ?? null,
    rescheduledToId: a.rescheduledToId === null ? null : uids.get(a.rescheduledToId) ?? null,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}
