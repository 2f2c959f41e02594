// Acuity's error envelope, {status_code, message, error}, and the mapping from the domain's error
// codes to Acuity's codes and messages. Messages quote the offending input the way Acuity's
// documentation shows it: the datetime exactly as the client sent it, ids as numbers.
import { CertificateError } from '../../core/booking/index.js';
import { isDomainError, type DomainError } from '../../core/errors.js';
import { STATUS_OF_KIND } from '../status.js';

export class AcuityError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
    this.name = 'AcuityError';
  }

  toJSON() {
    return { status_code: this.statusCode, message: this.message, error: this.code };
  }
}

export const acuityError = (status: number, code: string, message: string) => new AcuityError(status, code, message);
export const isAcuityError = (e: unknown): e is AcuityError => e instanceof AcuityError;

/** The input a message may need to quote. */
export interface Quoted {
  datetime?: string;
  appointmentTypeID?: unknown;
  calendarID?: unknown;
}

const q = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

export function invalidAppointmentType(value: unknown): AcuityError {
  return acuityError(400, 'invalid_appointment_type', `The appointment type "${q(value)}" does not exist.`);
}

export function invalidCalendar(value: unknown): AcuityError {
  return acuityError(400, 'invalid_calendar', `The calendar "${q(value)}" does not exist.`);
}

export function notAvailable(datetime: string | undefined): AcuityError {
  return acuityError(400, 'not_available', `The time "${datetime ?? ''}" is not an available time slot.`);
}

/** Acuity's words for its client rules, whatever a service said. */
const RULE_MESSAGES = {
  cancel_not_allowed: 'Clients are not allowed to cancel.',
  cancel_too_close: 'Clients are not allowed to cancel this close to the time of the appointment.',
  reschedule_not_allowed: 'Clients are not allowed to reschedule.',
  reschedule_too_close: 'Clients are not allowed to reschedule this close to the time of the appointment.',
  reschedule_canceled: 'Canceled appointments may not be rescheduled.',
  reschedule_series: 'Class series may not be rescheduled.',
} as const;

/** Acuity's error for a domain error, given what the request said. */
export function fromDomain(error: DomainError, quoted: Quoted = {}): AcuityError {
  const datetime = quoted.datetime ?? '';
  if (error instanceof CertificateError) return certificateError(error);
  switch (error.code) {
    case 'slot_unavailable':
    case 'class_full':
      return notAvailable(datetime);
    case 'too_soon':
      return acuityError(400, 'not_available_min_hours_in_advance', `The time "${datetime}" is not far enough in advance.`);
    case 'too_far':
      return acuityError(400, 'not_available_max_days_in_advance', `The time "${datetime}" is too far in advance.`);
    case 'no_available_resource':
      return acuityError(400, 'no_available_calendar', 'We could not find an available calendar.');
    case 'invalid_field':
    case 'invalid_field_value':
      return acuityError(400, 'invalid_fields', error.message);
    case 'required_field':
      return acuityError(400, error.code, error.message);
    case 'cancel_not_allowed':
    case 'cancel_too_close':
    case 'reschedule_not_allowed':
    case 'reschedule_too_close':
    case 'reschedule_canceled':
    case 'reschedule_series':
      return acuityError(400, error.code, RULE_MESSAGES[error.code]);
    case 'not_found':
    case 'invalid_input':
      return byField(error, quoted);
    case 'duplicate_customer':
      return acuityError(400, 'duplicate_client', 'A client with that email already exists.');
    case 'limit_reached':
      return acuityError(400, 'limit_reached', error.message);
    case 'booking_limit_reached':
      return acuityError(400, 'booking_limit_reached', error.message);
    default: {
      const status = error.kind === 'not_found' ? 404 : error.kind === 'forbidden' ? 403 : STATUS_OF_KIND[error.kind] === 409 || STATUS_OF_KIND[error.kind] === 422 ? 400 : STATUS_OF_KIND[error.kind];
      return acuityError(status, status === 404 ? 'not_found' : status === 403 ? 'forbidden' : error.code, error.message);
    }
  }
}

/** Lookups that failed name the parameter they came from; Acuity reports each its own way. */
function byField(error: DomainError, quoted: Quoted): AcuityError {
  const value = error.value;
  switch (error.field) {
    case 'ServiceId':
    case 'serviceIds':
      return invalidAppointmentType(quoted.appointmentTypeID ?? value);
    case 'ResourceIds':
    case 'resourceId':
    case 'resourceIds':
      return invalidCalendar(quoted.calendarID ?? value);
    case 'addonIDs':
      return acuityError(400, 'invalid_addons', error.code === 'not_found' ? `The addon "${q(value)}" does not exist.` : error.message);
    case 'labels':
      return acuityError(400, 'invalid_labels', `The label "${q(value)}" does not exist.`);
    case 'ignoreAppointmentIDs':
      return acuityError(400, 'invalid_appointment', `The appointment "${q(value)}" does not exist.`);
    default:
      return error.code === 'not_found'
        ? acuityError(404, 'not_found', error.message)
        : acuityError(400, 'bad_request', error.message);
  }
}

function certificateError(error: CertificateError): AcuityError {
  const code = String(error.value ?? '');
  switch (error.code) {
    case 'expired_certificate':
      return acuityError(400, error.code, `The certificate "${code}" is expired.`);
    case 'certificate_uses':
      return acuityError(400, error.code, `The certificate "${code}" has no remaining uses for appointment type "${error.serviceId ?? ''}".`);
    case 'invalid_certificate_type':
      return acuityError(400, error.code, `The certificate "${code}" is invalid for appointment type "${error.serviceId ?? ''}".`);
    default:
      return acuityError(400, 'invalid_certificate', `The certificate "${code}" is invalid.`);
  }
}

/** Runs a service call, turning its domain errors into Acuity's. */
export async function translating<T>(quoted: Quoted, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isDomainError(error)) throw fromDomain(error, quoted);
    throw error;
  }
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  406: 'not_acceptable', 408: 'request_timeout', 413: 'request_too_large', 415: 'unsupported_media_type', 429: 'too_many_requests',
};

/** The envelope for any 4xx that did not come from a service (framework errors). */
export const clientError = (status: number, message: string): AcuityError =>
  acuityError(status, CODE_OF_STATUS[status] ?? 'bad_request', message);
