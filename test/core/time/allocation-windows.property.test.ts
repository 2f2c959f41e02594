// Allocation windows against a minute-by-minute brute force: a UTC minute is allocated when a
// single allocation covers it or a weekly row of its local date's weekday does, with the row's
// wall times resolved by scanning Intl (DST days in New York and London, +05:30, +05:45).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatedRanges, serviceRowsFor, type WeeklyWindow } from '../../../src/core/time/allocation-windows.js';
import { intersect } from '../../../src/core/time/intervals.js';
import { wallToUtc } from '../availability/brute-force.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00Z`) + days * DAY).toISOString().slice(0, 10);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const SCENARIOS = [
  { zone: 'America/New_York', date: '2026-03-08' }, { zone: 'America/New_York', date: '2026-11-01' },
  { zone: 'Europe/London', date: '2026-03-29' }, { zone: 'Europe/London', date: '2026-10-25' },
  { zone: 'Asia/Kolkata', date: '2027-01-04' }, { zone: 'Asia/Kathmandu', date: '2027-01-04' },
];

function bruteForceMinutes(weekly: { dayOfWeek: number; start: number; end: number }[], single: { start: number; end: number }[], zone: string, date: string, from: number, to: number): Set<number> {
  const covered = new Set<number>();
  const mark = (start: number, end: number) => { for (let t = Math.max(start, from); t < Math.min(end, to); t += MINUTE) covered.add(t); };
  for (let d = addDays(date, -2); d <= addDays(date, 2); d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00Z`).getUTCDay();
    for (const row of weekly) if (row.dayOfWeek === weekday) mark(wallToUtc(d, row.start, zone), wallToUtc(d, row.end, zone));
  }
  for (const s of single) mark(s.start, s.end);
  return covered;
}

const toMinutes = (ranges: { start: number; end: number }[]) => {
  const set = new Set<number>();
  for (const r of ranges) for (let t = r.start; t < r.end; t += MINUTE) set.add(t);
  return set;
};

const boundary = fc.oneof(fc.integer({ min: 0, max: 96 }).map((q) => q * 15), fc.constantFrom(60, 90, 120, 150, 180, 1440));
const row = fc.record({ dayOfWeek: fc.integer({ min: 0, max: 6 }), a: boundary, b: boundary })
  .filter((r) => r.a !== r.b).map((r) => ({ dayOfWeek: r.dayOfWeek, start: Math.min(r.a, r.b), end: Math.max(r.a, r.b) }));

describe('allocation windows', () => {
  it('cover exactly the minutes a brute force marks, on DST and odd-offset days', () => {
    fc.assert(fc.property(fc.constantFrom(...SCENARIOS), fc.array(row, { maxLength: 5 }),
      fc.array(fc.record({ s: fc.integer({ min: -2000, max: 6000 }), len: fc.integer({ min: 1, max: 3000 }) }), { maxLength: 2 }),
      (scenario, rows, singles) => {
        const from = wallToUtc(addDays(scenario.date, -1), 0, scenario.zone);
        const to = wallToUtc(addDays(scenario.date, 2), 0, scenario.zone);
        const single = singles.map((s) => ({ start: from + s.s * MINUTE, end: from + (s.s + s.len) * MINUTE }));
        // Overlapping rows of one day are merged, as a set of windows means.
        const weekly: WeeklyWindow[] = rows.map((r) => ({ dayOfWeek: r.dayOfWeek, startTime: hhmm(r.start), endTime: hhmm(r.end) }));
        const got = intersect(allocatedRanges(weekly, single, scenario.zone, { start: from, end: to }), [{ start: from, end: to }]);
        expect(toMinutes(got)).toEqual(bruteForceMinutes(rows, single, scenario.zone, scenario.date, from, to));
      }), { numRuns: 150 });
  });

  it('a pair row set wins over the service-wide rows for that resource only', () => {
    const rows = [
      { resourceId: null, serviceId: 1, windows: ['service'] },
      { resourceId: 7, serviceId: 1, windows: ['pair'] },
      { resourceId: 7, serviceId: null, windows: ['resource'] },
    ];
    expect(serviceRowsFor(rows, 7, 1).flatMap((r) => r.windows)).toEqual(['pair']);
    expect(serviceRowsFor(rows, 8, 1).flatMap((r) => r.windows)).toEqual(['service']);
    expect(serviceRowsFor(rows, 7, 2)).toEqual([]);
  });
});
