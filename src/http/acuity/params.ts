// The parameters many Acuity requests share, each checked with Acuity's own error code and message:
// appointment type, calendar, datetime, timezone, add-ons, form fields and labels.
import type { FieldAnswerInput } from '../../core/booking/index.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import type { ServiceContext } from '../../services/context.js';
import { findResource, findService, type ResourceListing, type ServiceListing } from '../../services/catalog/read-catalog.js';
import { acuityError, invalidAppointmentType, invalidCalendar } from './errors.js';
import { parseDatetime } from './format.js';
import { asId, isBlank, quote } from './input.js';

export async function requireAppointmentType(services: ServiceContext, companyId: number, raw: unknown): Promise<ServiceListing> {
  if (isBlank(raw)) throw acuityError(400, 'required_appointment_type_id', 'The parameter "appointmentTypeID" is required.');
  const id = asId(raw);
  const found = id === null ? null : await findService(services, companyId, id);
  if (!found) throw invalidAppointmentType(raw);
  return found;
}

/** The calendar asked for, or undefined when none is (absent, null or empty). */
export async function optionalCalendar(services: ServiceContext, companyId: number, raw: unknown): Promise<ResourceListing | undefined> {
  if (isBlank(raw)) return undefined;
  const id = asId(raw);
  const found = id === null ? null : await findResource(services, companyId, id);
  if (!found) throw invalidCalendar(raw);
  return found;
}

export function requireDatetimeText(raw: unknown): string {
  if (isBlank(raw)) throw acuityError(400, 'required_datetime', 'The parameter "datetime" is required.');
  return typeof raw === 'string' ? raw : quote(raw);
}

/** The instant `text` names; one without an offset is read in `zone`. */
export function parseDatetimeOrFail(text: string, zone: string): number {
  const ms = parseDatetime(text, zone);
  if (ms === null) throw acuityError(400, 'invalid_datetime', `The datetime "${text}" is invalid.`);
  return ms;
}

export function optionalTimezone(raw: unknown): string | undefined {
  if (isBlank(raw)) return undefined;
  if (!isValidZone(raw)) throw acuityError(400, 'invalid_timezone', `Invalid timezone "${quote(raw)}".`);
  return raw as string;
}

/** Add-on ids, from an array of ids or one id. */
export function addonIds(raw: unknown): number[] {
  if (isBlank(raw)) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item) => {
    const id = asId(item);
    if (id === null) throw acuityError(400, 'invalid_addons', `The addon "${quote(item)}" does not exist.`);
    return id;
  });
}

/** `fields: [{id, value}]`; an id that cannot be a field is reported as a field that does not exist. */
export function fieldAnswers(raw: unknown): FieldAnswerInput[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw acuityError(400, 'invalid_fields', 'The "fields" attribute must be an array of {id, value}.');
  return raw.map((item) => {
    const id = asId((item as { id?: unknown } | null)?.id);
    if (item === null || typeof item !== 'object' || id === null) {
      throw acuityError(400, 'invalid_fields', `The field "${quote((item as { id?: unknown } | null)?.id ?? item)}" does not exist on this appointment.`);
    }
    return { id, value: (item as { value?: unknown }).value };
  });
}

/** `labels: [{id}]`: Acuity takes one label per appointment, passed in an array. */
export function labelIds(raw: unknown): number[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return [];
  if (!Array.isArray(raw)) throw acuityError(400, 'invalid_labels', 'The "labels" attribute must be an array like [{"id": 1}].');
  if (raw.length > 1) throw acuityError(400, 'invalid_labels', 'Only one label may be set on an appointment.');
  return raw.map((item) => {
    const value = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : item;
    const id = asId(value);
    if (id === null) throw acuityError(400, 'invalid_labels', `The label "${quote(value)}" does not exist.`);
    return id;
  });
}
