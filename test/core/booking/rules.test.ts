import { describe, expect, it } from 'vitest';
import {
  canClientCancel,
  canClientReschedule,
  checkClientCancel,
  checkClientReschedule,
  type AppointmentToReschedule,
} from '../../../src/core/booking/rules.js';
import { DEFAULT_COMPANY_SETTINGS } from '../../../src/core/booking/settings.js';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 10, 9);
const client = { admin: false };
const admin = { admin: true };

const codeOf = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('checkClientCancel', () => {
  const settings = { clientCanCancel: true, minCancelHours: 24 };

  it('lets a client cancel at least minCancelHours ahead, the boundary included', () => {
    expect(codeOf(() => checkClientCancel(settings, NOW + 48 * HOUR, NOW, client))).toBeUndefined();
    expect(codeOf(() => checkClientCancel(settings, NOW + 24 * HOUR, NOW, client))).toBeUndefined();
  });

  it('refuses a client closer than minCancelHours with cancel_too_close', () => {
    expect(codeOf(() => checkClientCancel(settings, NOW + 24 * HOUR - 1, NOW, client))).toBe('cancel_too_close');
  });

  it('refuses every client cancel when clients may not cancel', () => {
    expect(codeOf(() => checkClientCancel({ ...settings, clientCanCancel: false }, NOW + 100 * HOUR, NOW, client))).toBe('cancel_not_allowed');
  });

  it('with the defaults, allows a client up to the start but not after it', () => {
    expect(codeOf(() => checkClientCancel(DEFAULT_COMPANY_SETTINGS, NOW, NOW, client))).toBeUndefined();
    expect(codeOf(() => checkClientCancel(DEFAULT_COMPANY_SETTINGS, NOW - 1, NOW, client))).toBe('cancel_too_close');
  });

  it('lets an admin bypass both rules', () => {
    expect(codeOf(() => checkClientCancel({ clientCanCancel: false, minCancelHours: 24 }, NOW + HOUR, NOW, admin))).toBeUndefined();
    expect(codeOf(() => checkClientCancel(settings, NOW - HOUR, NOW, admin))).toBeUndefined();
  });

  it('uses the wording the Acuity surface shows', () => {
    expect(() => checkClientCancel({ clientCanCancel: false, minCancelHours: 0 }, NOW, NOW, client)).toThrow('Clients are not allowed to cancel.');
  });
});

describe('checkClientReschedule', () => {
  const settings = { clientCanReschedule: true, minRescheduleHours: 2 };
  const booked = (start: number, extra: Partial<AppointmentToReschedule> = {}): AppointmentToReschedule => ({
    start,
    status: 'BK',
    isClassSeries: false,
    ...extra,
  });

  it('lets a client reschedule at least minRescheduleHours ahead', () => {
    expect(codeOf(() => checkClientReschedule(settings, booked(NOW + 2 * HOUR), NOW, client))).toBeUndefined();
  });

  it('refuses a client closer than minRescheduleHours with reschedule_too_close', () => {
    expect(codeOf(() => checkClientReschedule(settings, booked(NOW + 2 * HOUR - 1), NOW, client))).toBe('reschedule_too_close');
  });

  it('refuses every client reschedule when clients may not reschedule', () => {
    const closed = { ...settings, clientCanReschedule: false };
    expect(codeOf(() => checkClientReschedule(closed, booked(NOW + 100 * HOUR), NOW, client))).toBe('reschedule_not_allowed');
  });

  it('lets an admin bypass the client rules', () => {
    const closed = { clientCanReschedule: false, minRescheduleHours: 48 };
    expect(codeOf(() => checkClientReschedule(closed, booked(NOW + HOUR), NOW, admin))).toBeUndefined();
  });

  it('refuses a cancelled appointment to everyone, before the client rules', () => {
    const cancelled = booked(NOW + HOUR, { status: 'CN' });
    expect(codeOf(() => checkClientReschedule(settings, cancelled, NOW, client))).toBe('reschedule_canceled');
    expect(codeOf(() => checkClientReschedule(settings, cancelled, NOW, admin))).toBe('reschedule_canceled');
  });

  it('refuses a class series to everyone', () => {
    const series = booked(NOW + 100 * HOUR, { isClassSeries: true });
    expect(codeOf(() => checkClientReschedule(settings, series, NOW, client))).toBe('reschedule_series');
    expect(codeOf(() => checkClientReschedule(settings, series, NOW, admin))).toBe('reschedule_series');
  });
});

describe('canClientCancel / canClientReschedule', () => {
  it('mirror the checks, for the flags on a rendered appointment', () => {
    const settings = { ...DEFAULT_COMPANY_SETTINGS, minCancelHours: 24, minRescheduleHours: 1 };
    expect(canClientCancel(settings, NOW + 25 * HOUR, NOW)).toBe(true);
    expect(canClientCancel(settings, NOW + 23 * HOUR, NOW)).toBe(false);
    expect(canClientCancel({ ...settings, clientCanCancel: false }, NOW + 25 * HOUR, NOW)).toBe(false);

    const appointment: AppointmentToReschedule = { start: NOW + 2 * HOUR, status: 'BK', isClassSeries: false };
    expect(canClientReschedule(settings, appointment, NOW)).toBe(true);
    expect(canClientReschedule(settings, { ...appointment, start: NOW + 30 * 60 * 1000 }, NOW)).toBe(false);
    expect(canClientReschedule(settings, { ...appointment, status: 'CN' }, NOW)).toBe(false);
    expect(canClientReschedule(settings, { ...appointment, isClassSeries: true }, NOW)).toBe(false);
    expect(canClientReschedule({ ...settings, clientCanReschedule: false }, appointment, NOW)).toBe(false);
  });
});
