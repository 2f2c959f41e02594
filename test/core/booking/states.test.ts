import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/errors.js';
import type { AppointmentStatus } from '../../../src/core/types.js';
import {
  assertHoldLive,
  canTransition,
  holdExpiry,
  isLive,
  transition,
  type AppointmentAction,
} from '../../../src/core/booking/states.js';

const STATUSES: AppointmentStatus[] = ['IN', 'RS', 'BK', 'CN', 'RE'];
const ACTIONS: AppointmentAction[] = ['book', 'confirm', 'cancel', 'reschedule', 'delete'];

// The whole machine, written out: every (status, action) pair not listed here must be refused.
const LEGAL: Record<string, AppointmentStatus | null> = {
  'IN book': 'BK',
  'RS book': 'BK',
  'RS confirm': 'BK',
  'BK confirm': 'BK',
  'BK cancel': 'CN',
  'RS cancel': 'CN',
  'BK reschedule': 'RE',
  'RS reschedule': 'RE',
  'IN reschedule': 'RE',
  'IN delete': null,
};

const pairs = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));
const legalPairs = pairs.filter(([s, a]) => `${s} ${a}` in LEGAL);
const illegalPairs = pairs.filter(([s, a]) => !(`${s} ${a}` in LEGAL));

describe('transition', () => {
  it('covers 10 legal and 15 illegal pairs', () => {
    expect(legalPairs).toHaveLength(10);
    expect(illegalPairs).toHaveLength(15);
  });

  it.each(legalPairs)('%s --%s--> allowed', (status, action) => {
    expect(transition(status, action)).toBe(LEGAL[`${status} ${action}`]);
    expect(canTransition(status, action)).toBe(true);
  });

  it.each(illegalPairs)('%s --%s--> refused with invalid_transition', (status, action) => {
    expect(canTransition(status, action)).toBe(false);
    let thrown: unknown;
    try {
      transition(status, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe('invalid_transition');
    expect(error.kind).toBe('invalid');
    expect(error.value).toBe(status);
    expect(error.message).toContain(status);
    expect(error.message).toContain(action);
  });

  it('names the origin and the destination in the message', () => {
    expect(() => transition('CN', 'book')).toThrow('An appointment in status CN (cancelled) cannot be changed to BK (booked)');
    expect(() => transition('BK', 'delete')).toThrow('cannot be changed to deleted');
  });

  it('refuses cancelling a hold: holds are deleted instead', () => {
    expect(() => transition('IN', 'cancel')).toThrow(DomainError);
    expect(transition('IN', 'delete')).toBeNull();
  });

  it('confirm is idempotent on a booked appointment', () => {
    expect(transition(transition('RS', 'confirm'), 'confirm')).toBe('BK');
  });
});

describe('isLive', () => {
  const now = Date.UTC(2026, 0, 5, 12);

  it('counts booked and reserved appointments regardless of expiry', () => {
    expect(isLive('BK', null, now)).toBe(true);
    expect(isLive('RS', null, now)).toBe(true);
    expect(isLive('BK', now - 1, now)).toBe(true);
  });

  it('counts a hold only strictly before it expires', () => {
    expect(isLive('IN', now + 1, now)).toBe(true);
    expect(isLive('IN', now, now)).toBe(false);
    expect(isLive('IN', now - 1, now)).toBe(false);
  });

  it('treats a hold without expiry as live (never risks a double booking)', () => {
    expect(isLive('IN', null, now)).toBe(true);
  });

  it('never counts cancelled or rescheduled appointments', () => {
    expect(isLive('CN', null, now)).toBe(false);
    expect(isLive('RE', now + 1000, now)).toBe(false);
  });
});

describe('assertHoldLive', () => {
  const now = 1_000_000;

  it('throws hold_expired for a lapsed hold', () => {
    expect(() => assertHoldLive('IN', now, now)).toThrow(expect.objectContaining({ code: 'hold_expired', kind: 'not_found' }));
  });

  it('lets a live hold and other statuses through', () => {
    expect(() => assertHoldLive('IN', now + 1, now)).not.toThrow();
    expect(() => assertHoldLive('RS', now - 1, now)).not.toThrow();
  });
});

describe('holdExpiry', () => {
  it('adds the delay in seconds to now', () => {
    expect(holdExpiry(1_000, 300)).toBe(301_000);
    expect(holdExpiry(1_000, 0)).toBe(1_000);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a delay of %s', (delay) => {
    expect(() => holdExpiry(0, delay)).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'expirationDelay' }));
  });
});
