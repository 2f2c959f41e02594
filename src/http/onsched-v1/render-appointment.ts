// An OpenSlot appointment as v1's AppointmentViewModel (and AppointmentInitialViewModel, which adds
// the booking fields). Ids are our numeric ids as strings; times are local to the appointment's zone.
import type { AppointmentView } from '../../services/appointments/view.js';
import { localParts, utcIso } from './local-time.js';
import { AppointmentInitialViewModel, AppointmentViewModel } from './schemas/appointment-models.js';
import { complete } from './schemas/v1-types.js';

const MINUTE = 60_000;
const CUSTOM_FIELD = /^field([1-9]|10)$/;

/** v1 has NS (no-show); OpenSlot keeps a booked no-show as BK with its no-show flag set. */
export const v1Status = (v: AppointmentView): string => (v.noShow && v.status === 'BK' ? 'NS' : v.status);

const text = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

function appointmentFields(v: AppointmentView) {
  const zone = v.timezone ?? v.location.timezone;
  const start = localParts(v.start, zone);
  const id = String(v.id);
  const resource = v.resources[0] ?? null;
  const customer = v.customer;
  const fields = Object.entries(v.customFields);
  return {
    id, object: 'appointment', status: v1Status(v), confirmed: v.confirmed,
    date: start.date, dateInternational: start.date, time: start.time,
    startDateTime: start.dateTime, endDateTime: localParts(v.end, zone).dateTime, duration: Math.round((v.end - v.start) / MINUTE),
    timezone: start.offset, timezoneIana: zone, timezoneId: zone,
    locationId: String(v.location.id), businessName: v.location.name, location: v.location.address,
    serviceId: String(v.service.id), serviceName: v.service.name,
    resourceId: resource && String(resource.id), resourceName: resource?.name ?? null,
    resources: v.resources.map((r) => ({ appointmentId: id, resourceId: String(r.id) })),
    customerId: customer && String(customer.id), customers: customer ? [{ appointmentId: id, customerId: String(customer.id) }] : [],
    name: customer ? `${customer.firstName} ${customer.lastName}`.trim() : null,
    firstname: customer?.firstName ?? null, lastname: customer?.lastName ?? null, email: customer?.email ?? null, phone: customer?.phone ?? null,
    notes: v.notes, customerMessage: v.cancelNote,
    // field1–field10 and booking fields alike: v1 reads each as {name, value} under its key.
    customFields: Object.fromEntries(fields.map(([k, value]) => [k, { name: k, value: text(value) }])),
    rescheduledId: v.rescheduledFromId !== null ? String(v.rescheduledFromId) : v.rescheduledToId !== null ? String(v.rescheduledToId) : null,
    confirmationNumber: v.uid.slice(0, 8).toUpperCase(), createDate: utcIso(v.createdAt), lastModifiedOn: utcIso(v.updatedAt),
    onlineBooking: true, auditTrail: [],
  };
}

export const renderAppointment = (v: AppointmentView) => complete(AppointmentViewModel, appointmentFields(v));

/** After POST: the same, plus the booking fields it was given (appointment: custom fields other than field1–field10; customer: as sent) as definitions. */
export function renderInitialAppointment(v: AppointmentView, customerFieldNames: string[] = []) {
  const definition = (name: string) => ({ object: 'bookingField', fieldName: name, fieldLabel: name, fieldType: 'text', fieldRequired: false });
  const bookingFields = Object.keys(v.customFields).filter((k) => !CUSTOM_FIELD.test(k)).map(definition);
  return complete(AppointmentInitialViewModel, { ...appointmentFields(v), appointmentBookingFields: bookingFields, customerBookingFields: customerFieldNames.map(definition) });
}
