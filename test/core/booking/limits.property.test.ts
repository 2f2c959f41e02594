// Booking limits against a brute force that counts straight from the written rules, reading each
// appointment's local date with Intl (the source uses the memoised Luxon wall clock).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitFailure, type BookingLimits, type CountedAppointment } from '../../../src/core/booking/limits.js';
import { wallClock, wallToUtc } from '../availability/brute-force.js';

const MINUTE = 60_000;
const SCENARIOS = [
  { zone: 'America/New_York', date: '2026-03-08' }, { zone: 'America/New_York', date: '2026-11-01' },
  { zone: 'Europe/London', date: '2026-03-29' }, { zone: 'Europe/London', date: '2026-10-25' },
  { zone: 'Asia/Kolkata', date: '2027-01-04' }, { zone: 'Asia/Kathmandu', date: '2027-01-04' },
];

function bruteForce(limits: BookingLimits, all: CountedAppointment[], c: { customerId: number | null; start: number; end: number; resourceIds: number[] }, now: number, zone: string) {
  let upcoming = 0;
  let lifetime = 0;
  for (const a of all) {
    if (c.customerId === null || a.customerId !== c.customerId) continue;
    const liveHold = a.status === 'IN' && a.expiresAt !== null && a.expiresAt > now;
    if ((a.status === 'BK' || liveHold) && a.end > now) upcoming++;
    if (a.status === 'BK' || a.status === 'RS' || a.status === 'CN' || liveHold) lifetime++;
  }
  if (limits.bookingLimit && upcoming >= limits.bookingLimit) return 'bookingLimit';
  if (limits.maxBookingLimit && lifetime >= limits.maxBookingLimit) return 'maxBookingLimit';
  for (const id of c.resourceIds) {
    const n = all.filter((a) => a.resourceIds.includes(id) && a.status !== 'RE' && !(a.status === 'IN' && !(a.expiresAt !== null && a.expiresAt > now))).length;
    if (limits.maxResourceBookingLimit && n >= limits.maxResourceBookingLimit) return 'maxResourceBookingLimit';
  }
  const day = wallClock(c.start, zone).slice(0, 10);
  const sameDay = all.filter((a) => wallClock(a.start, zone).slice(0, 10) === day
    && (a.status === 'BK' || (a.status === 'IN' && a.expiresAt !== null && a.expiresAt > now)));
  if (limits.dailyBookingLimitCount && sameDay.length + 1 > limits.dailyBookingLimitCount) return 'dailyBookingLimitCount';
  const minutes = sameDay.reduce((m, a) => m + (a.end - a.start) / MINUTE, 0) + (c.end - c.start) / MINUTE;
  if (limits.dailyBookingLimitMinutes && minutes > limits.dailyBookingLimitMinutes) return 'dailyBookingLimitMinutes';
  return null;
}

const limit = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }));
const scenario = fc.constantFrom(...SCENARIOS).chain((s) => {
  const from = wallToUtc(s.date, 0, s.zone) - 24 * 60 * MINUTE;
  const instant = fc.integer({ min: 0, max: 72 * 4 }).map((q) => from + q * 15 * MINUTE);
  const appointment = fc.record({
    customerId: fc.constantFrom(1, 2, 3, null), resourceIds: fc.subarray([1, 2, 3], { minLength: 1 }),
    status: fc.constantFrom('IN', 'RS', 'BK', 'CN', 'RE'), start: instant, length: fc.integer({ min: 1, max: 8 }).map((n) => n * 15 * MINUTE),
    expiresIn: fc.option(fc.integer({ min: -600, max: 600 }).map((s) => s * 1000), { nil: null }),
  });
  return fc.record({
    zone: fc.constant(s.zone), now: instant,
    limits: fc.record({ bookingLimit: limit, maxBookingLimit: limit, maxResourceBookingLimit: limit, dailyBookingLimitCount: limit, dailyBookingLimitMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 15, max: 300 })) }),
    existing: fc.array(appointment, { maxLength: 14 }),
    candidate: fc.record({ customerId: fc.constantFrom(1, 2, null), resourceIds: fc.subarray([1, 2, 3], { minLength: 1 }), start: instant, length: fc.integer({ min: 1, max: 8 }).map((n) => n * 15 * MINUTE) }),
  });
});

describe('booking limits count like the written rules', () => {
  it('refuse exactly when a brute-force count says so, naming the same limit', () => {
    fc.assert(fc.property(scenario, (g) => {
      const existing: CountedAppointment[] = g.existing.map((a) => ({
        customerId: a.customerId, resourceIds: a.resourceIds, status: a.status, start: a.start, end: a.start + a.length,
        expiresAt: a.expiresIn === null ? null : g.now + a.expiresIn,
      }));
      const candidate = { customerId: g.candidate.customerId, resourceIds: g.candidate.resourceIds, start: g.candidate.start, end: g.candidate.start + g.candidate.length };
      expect(limitFailure(g.limits, existing, candidate, g.now, g.zone)?.field ?? null).toBe(bruteForce(g.limits, existing, candidate, g.now, g.zone));
    }), { numRuns: 500 });
  });

  it('counts the local calendar day: 23:30 and 00:30 New York time fall on different days', () => {
    const zone = 'America/New_York';
    const at = (iso: string) => Date.parse(iso);
    const one = { customerId: 9, resourceIds: [1], status: 'BK', start: at('2026-11-02T04:30Z'), end: at('2026-11-02T05:00Z'), expiresAt: null }; // 23:30 EST on Nov 1
    const limits = { bookingLimit: 0, maxBookingLimit: 0, maxResourceBookingLimit: 0, dailyBookingLimitCount: 1, dailyBookingLimitMinutes: 0 };
    const next = { customerId: 1, resourceIds: [2], start: at('2026-11-02T05:30Z'), end: at('2026-11-02T06:00Z') }; // 00:30 EST on Nov 2
    expect(limitFailure(limits, [one], next, at('2026-10-01T00:00Z'), zone)).toBeNull();
    expect(limitFailure(limits, [one], { ...next, start: at('2026-11-02T04:00Z'), end: at('2026-11-02T04:15Z') }, at('2026-10-01T00:00Z'), zone)?.field).toBe('dailyBookingLimitCount');
  });
});
