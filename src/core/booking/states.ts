// The appointment state machine. Statuses follow OnSched v3: IN (hold), RS (reserved), BK (booked),
// CN (cancelled), RE (rescheduled, left on the original while a new appointment takes its place).
// `confirmed` is a separate boolean the caller stores; only the status lives here.

import { DomainError } from '../errors.js';
import type { AppointmentStatus, Millis } from '../types.js';

export type StatusChangingAction = 'book' | 'confirm' | 'cancel' | 'reschedule';
/** `delete` removes the row, so it has no resulting status. */
export type AppointmentAction = StatusChangingAction | 'delete';

/**
 * For each action, the status each legal origin moves to. Anything missing is illegal.
 * - Cancelling a hold (IN) is illegal: OnSched deletes holds instead, and a cancelled hold would
 *   linger as a searchable CN appointment nobody ever booked.
 * - Confirm is idempotent on BK and turns RS into BK; a hold must be booked before it is confirmed.
 * - Book is not idempotent: booking a BK twice is a client mistake worth reporting.
 */
const TRANSITIONS: Record<StatusChangingAction, Partial<Record<AppointmentStatus, AppointmentStatus>>> = {
  book: { IN: 'BK', RS: 'BK' },
  confirm: { RS: 'BK', BK: 'BK' },
  cancel: { BK: 'CN', RS: 'CN' },
  // OnSched: the new record keeps IN or RS when the original was a hold or reservation.
  reschedule: { BK: 'RE', RS: 'RE', IN: 'RE' },
};

/** Only holds may be hard-deleted; everything else keeps its history. */
const DELETABLE: readonly AppointmentStatus[] = ['IN'];

const STATUS_NAMES: Record<AppointmentStatus, string> = {
  IN: 'IN (hold)',
  RS: 'RS (reserved)',
  BK: 'BK (booked)',
  CN: 'CN (cancelled)',
  RE: 'RE (rescheduled)',
};

/**
 * The status after `action`, or throws invalid_transition. `delete` returns null: the appointment
 * is gone, which callers should not confuse with any status.
 */
export function transition(from: AppointmentStatus, action: 'delete'): null;
export function transition(from: AppointmentStatus, action: StatusChangingAction): AppointmentStatus;
export function transition(from: AppointmentStatus, action: AppointmentAction): AppointmentStatus | null;
export function transition(from: AppointmentStatus, action: AppointmentAction): AppointmentStatus | null {
  if (action === 'delete') {
    if (DELETABLE.includes(from)) return null;
    throw invalidTransition(from, action, 'deleted');
  }
  const to = TRANSITIONS[action][from];
  if (to === undefined) throw invalidTransition(from, action, targetName(action));
  return to;
}

/** Whether `action` is legal from `from`, for rendering flags such as "can cancel". */
export function canTransition(from: AppointmentStatus, action: AppointmentAction): boolean {
  if (action === 'delete') return DELETABLE.includes(from);
  return TRANSITIONS[action][from] !== undefined;
}

function targetName(action: StatusChangingAction): string {
  // The status the action would lead to from its usual origin, for the error message.
  const usual: Record<StatusChangingAction, AppointmentStatus> = { book: 'BK', confirm: 'BK', cancel: 'CN', reschedule: 'RE' };
  return STATUS_NAMES[usual[action]];
}

function invalidTransition(from: AppointmentStatus, action: AppointmentAction, to: string): DomainError {
  return new DomainError('invalid_transition', {
    message: `An appointment in status ${STATUS_NAMES[from]} cannot be changed to ${to} (action "${action}").`,
    field: 'status',
    value: from,
  });
}

/**
 * Whether the appointment occupies its slot. BK and RS always do; a hold does until it expires.
 * A hold without an expiry never lapses: erring towards "busy" can never cause a double booking.
 */
export function isLive(status: AppointmentStatus, expiresAt: Millis | null, now: Millis): boolean {
  if (status === 'BK' || status === 'RS') return true;
  if (status === 'IN') return expiresAt === null || expiresAt > now;
  return false;
}

/**
 * Throws hold_expired when booking a hold that has lapsed: an expired hold counts for nothing, so
 * OnSched answers 404 rather than letting the client book a slot someone else may now hold.
 */
export function assertHoldLive(status: AppointmentStatus, expiresAt: Millis | null, now: Millis): void {
  if (status === 'IN' && !isLive(status, expiresAt, now)) {
    throw new DomainError('hold_expired', { value: expiresAt });
  }
}

/** When a hold placed at `now` lapses, given the location's `expirationDelay` in seconds. */
export function holdExpiry(now: Millis, expirationDelaySeconds: number): Millis {
  if (!Number.isFinite(expirationDelaySeconds) || expirationDelaySeconds < 0) {
    throw new DomainError('invalid_input', {
      message: `The expiration delay must be a non-negative number of seconds, got ${expirationDelaySeconds}.`,
      field: 'expirationDelay',
      value: expirationDelaySeconds,
    });
  }
  return now + Math.round(expirationDelaySeconds * 1000);
}
