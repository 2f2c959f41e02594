// The one table of domain error codes. Each surface maps a code to its own wire format
// (OnSched {statusCode, name, message, errors}, Acuity {status_code, message, error}).

export const DOMAIN_ERRORS = {
  invalid_input: { kind: 'invalid', message: 'Invalid input.' },
  not_found: { kind: 'not_found', message: 'Not found.' },
  forbidden: { kind: 'forbidden', message: 'Forbidden.' },
  slot_unavailable: { kind: 'conflict', message: 'The time is not available.' },
  no_available_resource: { kind: 'conflict', message: 'No resource is available at that time.' },
  too_soon: { kind: 'refused', message: 'The time is not far enough in advance.' },
  too_far: { kind: 'refused', message: 'The time is too far in advance.' },
  hold_expired: { kind: 'not_found', message: 'The hold has expired.' },
  invalid_transition: { kind: 'invalid', message: 'The appointment cannot change that way.' },
  appointment_in_past: { kind: 'invalid', message: 'The appointment is in the past.' },
  customer_required: { kind: 'invalid', message: 'A customer is required.' },
  duplicate_customer: { kind: 'conflict', message: 'A customer with that email already exists.' },
  invalid_certificate: { kind: 'invalid', message: 'The certificate is invalid.' },
  expired_certificate: { kind: 'invalid', message: 'The certificate is expired.' },
  certificate_uses: { kind: 'invalid', message: 'The certificate has no remaining uses.' },
  invalid_certificate_type: { kind: 'invalid', message: 'The certificate is invalid for this service.' },
  invalid_field: { kind: 'invalid', message: 'The field does not exist on this appointment.' },
  required_field: { kind: 'invalid', message: 'The field is required.' },
  invalid_field_value: { kind: 'invalid', message: 'The field value is invalid.' },
  cancel_not_allowed: { kind: 'invalid', message: 'Clients are not allowed to cancel.' },
  cancel_too_close: { kind: 'invalid', message: 'Clients are not allowed to cancel this close to the time of the appointment.' },
  reschedule_not_allowed: { kind: 'invalid', message: 'Clients are not allowed to reschedule.' },
  reschedule_too_close: { kind: 'invalid', message: 'Clients are not allowed to reschedule this close to the time of the appointment.' },
  reschedule_canceled: { kind: 'invalid', message: 'Canceled appointments may not be rescheduled.' },
  reschedule_series: { kind: 'invalid', message: 'Class series may not be rescheduled.' },
  class_full: { kind: 'conflict', message: 'The class has no seats left.' },
  idempotency_mismatch: { kind: 'conflict', message: 'The Idempotency-Key was used with a different request.' },
  limit_reached: { kind: 'refused', message: 'A limit was reached.' },
  // A well-formed booking refused by one of the service's booking limits (OnSched answers 422).
  booking_limit_reached: { kind: 'refused', message: 'A booking limit of the service was reached.' },
  // A resource or service cannot move while it has upcoming appointments where it is (409).
  has_upcoming_appointments: { kind: 'conflict', message: 'There are upcoming appointments.' },
  // Every resource and LOCATION service has exactly one location; it cannot be taken away (422).
  association_required: { kind: 'refused', message: 'The association cannot be removed.' },
  slug_taken: { kind: 'conflict', message: 'Another company already has that slug.' },
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;
export type DomainErrorKind = (typeof DOMAIN_ERRORS)[DomainErrorCode]['kind'];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  /** The input path the error is about (e.g. "setup.services[0].resources[1]"), when there is one. */
  readonly field?: string;
  /** The offending input value, for messages that quote it. */
  readonly value?: unknown;

  constructor(code: DomainErrorCode, options: { message?: string; field?: string; value?: unknown } = {}) {
    super(options.message ?? DOMAIN_ERRORS[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = DOMAIN_ERRORS[code].kind;
    this.field = options.field;
    this.value = options.value;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
