// v1 appointment bodies mapped onto the services' requests: the customer from name/email/phone or
// customerId, custom fields from field1–field10 and the booking fields, times read in the
// appointment's zone when they carry no offset.
import type { Static } from '@sinclair/typebox';
import { DateTime } from 'luxon';
import type { CustomerInput } from '../../services/customers/find-or-create-customer.js';
import { checkCustomerFields } from '../../services/customers/customer-fields.js';
import type { Key } from '../../services/lookup.js';
import { invalid, keyList, optionalKey } from './request.js';
import type { AppointmentBookModel, AppointmentInitialModel } from './schemas/appointment-models.js';

type Details = Static<typeof AppointmentBookModel> & { customerId?: string | number | null };
type Field = { name?: string | null; value?: string | null };

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** An instant: ISO 8601 with its offset, or a local date-time read in `zone`. */
export function instantOf(text: string | null | undefined, zone: string, field: string): number | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  const parsed = HAS_OFFSET.test(text) ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone });
  if (!/T/i.test(text) || !parsed.isValid) throw invalid(field, `${field} "${text}" is not an ISO 8601 date-time`);
  return parsed.toMillis();
}

/** "Ada King Lovelace" → Ada / King Lovelace. */
function splitName(name: string): { firstName: string; lastName: string } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

export function customerOf(d: Details): CustomerInput | undefined {
  const id = optionalKey(d.customerId, 'customerId');
  if (id !== undefined) return { id };
  const name = d.name?.trim();
  if (!name && !d.email) return undefined;
  if (!name) throw invalid('name', 'name is required with email');
  return { ...splitName(name), email: d.email || null, phone: d.phone || null };
}

function bookingFields(fields: Field[] | null | undefined, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  (fields ?? []).forEach((f, i) => {
    if (!f || typeof f.name !== 'string' || !f.name.trim()) throw invalid(`${field}[${i}].name`, `${field}[${i}].name is required`);
    out[f.name.trim()] = f.value ?? '';
  });
  return out;
}

/** field1–field10 and the appointment's booking fields, as the appointment's custom fields. */
export function customFieldsOf(d: Pick<Details, 'customFields' | 'appointmentBookingFields'>): Record<string, string> | undefined {
  const own = Object.fromEntries(Object.entries(d.customFields ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string>;
  const all = { ...own, ...bookingFields(d.appointmentBookingFields, 'appointmentBookingFields') };
  return Object.keys(all).length ? all : undefined;
}

/** The customer booking fields, checked before anything is written; stored on the customer once the appointment is. */
export function customerBookingFieldsOf(d: { customerBookingFields?: Field[] | null }): Record<string, string> {
  return checkCustomerFields(bookingFields(d.customerBookingFields, 'customerBookingFields'), 'customerBookingFields');
}

export function resourceKeysOf(body: { resourceId?: string | number | null; resourceIds?: string | number | null }): Key[] | undefined {
  return keyList(body.resourceIds, 'resourceIds') ?? (optionalKey(body.resourceId, 'resourceId') !== undefined ? [optionalKey(body.resourceId, 'resourceId')!] : undefined);
}

export type InitialBody = Static<typeof AppointmentInitialModel>;
