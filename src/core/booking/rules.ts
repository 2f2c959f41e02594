// What a client may do to an appointment already made, per the company's settings (Acuity's
// "min time to cancel/reschedule; whether clients may cancel or reschedule at all").
// An admin (Acuity `admin=true`) skips these rules, but not the facts: a cancelled appointment or a
// class series cannot be rescheduled by anyone, since there would be nothing coherent to move.
// Whether the status allows the action at all is states.ts's job (invalid_transition).

import { DomainError } from '../errors.js';
import type { AppointmentStatus, Millis } from '../types.js';
import type { CompanySettings } from './settings.js';

const HOUR: Millis = 60 * 60 * 1000;

export type CancelSettings = Pick<CompanySettings, 'clientCanCancel' | 'minCancelHours'>;
export type RescheduleSettings = Pick<CompanySettings, 'clientCanReschedule' | 'minRescheduleHours'>;

export interface ActorOptions {
  admin: boolean;
}

export interface AppointmentToReschedule {
  start: Millis;
  status: AppointmentStatus;
  /** A seat in a class series, which moves as a whole or not at all. */
  isClassSeries: boolean;
}

/**
 * A start exactly `minHours` away is still allowed; past appointments are always too close for a
 * client, even with no minimum, since there is nothing left to cancel or move.
 */
const tooClose = (start: Millis, now: Millis, minHours: number): boolean => start - now < minHours * HOUR;

export function checkClientCancel(settings: CancelSettings, appointmentStart: Millis, now: Millis, { admin }: ActorOptions): void {
  if (admin) return;
  if (!settings.clientCanCancel) throw new DomainError('cancel_not_allowed');
  if (tooClose(appointmentStart, now, settings.minCancelHours)) throw new DomainError('cancel_too_close', { value: appointmentStart });
}

export function checkClientReschedule(
  settings: RescheduleSettings,
  appointment: AppointmentToReschedule,
  now: Millis,
  { admin }: ActorOptions,
): void {
  if (appointment.status === 'CN') throw new DomainError('reschedule_canceled');
  if (appointment.isClassSeries) throw new DomainError('reschedule_series');
  if (admin) return;
  if (!settings.clientCanReschedule) throw new DomainError('reschedule_not_allowed');
  if (tooClose(appointment.start, now, settings.minRescheduleHours)) {
    throw new DomainError('reschedule_too_close', { value: appointment.start });
  }
}

/** Acuity's `canClientCancel` flag on an appointment: would a client's cancel pass the rules now? */
export function canClientCancel(settings: CancelSettings, appointmentStart: Millis, now: Millis): boolean {
  return settings.clientCanCancel && !tooClose(appointmentStart, now, settings.minCancelHours);
}

/** Acuity's `canClientReschedule` flag on an appointment. */
export function canClientReschedule(settings: RescheduleSettings, appointment: AppointmentToReschedule, now: Millis): boolean {
  return (
    appointment.status !== 'CN' &&
    !appointment.isClassSeries &&
    settings.clientCanReschedule &&
    !tooClose(appointment.start, now, settings.minRescheduleHours)
  );
}
