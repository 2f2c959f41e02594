// fast-check generators for availability scenarios around one local date in one zone. Every time
// is a whole number of minutes, and boundaries cluster in the small hours where DST changes happen.

import fc from 'fast-check';
import { WEEKDAYS, type Block, type BusyAppointment, type ResourceCalendar, type SlotRules, type TimeRange, type WeeklyHours } from '../../../src/core/types.js';
import { addDays, wallToUtc } from './brute-force.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Scenario {
  zone: string;
  /** The interesting local date; the query spans the dates either side of it too. */
  date: string;
}

export const DST_AND_ODD_OFFSET_DAYS: Scenario[] = [
  { zone: 'America/New_York', date: '2026-03-08' },
  { zone: 'America/New_York', date: '2026-11-01' },
  { zone: 'Europe/London', date: '2026-03-29' },
  { zone: 'Europe/London', date: '2026-10-25' },
  { zone: 'Asia/Kolkata', date: '2027-01-04' },
  { zone: 'Asia/Kathmandu', date: '2027-01-04' },
];

/** Days with no offset change anywhere near, where local wall-clock arithmetic is plain. */
export const ORDINARY_DAYS: Scenario[] = [
  { zone: 'America/New_York', date: '2027-01-05' },
  { zone: 'Europe/London', date: '2026-07-15' },
  { zone: 'Asia/Kolkata', date: '2026-06-10' },
  { zone: 'Asia/Kathmandu', date: '2026-09-21' },
];

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const boundary = fc.oneof(
  fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
  fc.constantFrom(0, 30, 60, 90, 100, 120, 150, 180, 1440), // around 01:00–03:00, and the day's edges
  fc.integer({ min: 0, max: 1440 }),
);

/** 0–2 non-overlapping ranges, built from sorted distinct boundaries taken in pairs. */
const dayHours: fc.Arbitrary<TimeRange[]> = fc
  .uniqueArray(boundary, { minLength: 0, maxLength: 4 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: TimeRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm(sorted[i]), hhmm(sorted[i + 1])]);
    return ranges;
  });

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.tuple(...WEEKDAYS.map(() => dayHours)).map((days) =>
  Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i]])),
);

const padding = fc.constantFrom(0, 0, 5, 10, 15, 30);

export interface GeneratedQuery {
  scenario: Scenario;
  now: number;
  from: number;
  to: number;
  rules: SlotRules;
  resources: ResourceCalendar[];
  /** Local dates the query can touch, for the brute force. */
  firstDate: string;
  lastDate: string;
}

export function queryAround(scenarios: Scenario[]): fc.Arbitrary<GeneratedQuery> {
  return fc.constantFrom(...scenarios).chain((scenario) => {
    const dayBefore = addDays(scenario.date, -1);
    const windowStart = wallToUtc(dayBefore, 0, scenario.zone);
    const windowEnd = wallToUtc(addDays(scenario.date, 2), 0, scenario.zone);
    const span = Math.round((windowEnd - windowStart) / MINUTE);
    const minuteIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map((m) => windowStart + m * MINUTE);

    const appointment: fc.Arbitrary<BusyAppointment> = fc
      .record({ start: minuteIn(-120, span), length: fc.integer({ min: 1, max: 24 }), paddingBefore: padding, paddingAfter: padding })
      .map(({ start, length, paddingBefore, paddingAfter }) => ({ start, end: start + length * 5 * MINUTE, paddingBefore, paddingAfter }));
    const block: fc.Arbitrary<Block> = fc
      .record({
        start: fc.oneof(minuteIn(0, span), minuteIn(-7 * 1440, -6 * 1440)),
        length: fc.integer({ min: 1, max: 36 }),
        weekly: fc.boolean(),
        untilDays: fc.option(fc.integer({ min: 1, max: 14 })),
      })
      .map(({ start, length, weekly, untilDays }) => ({
        start,
        end: start + length * 10 * MINUTE,
        weekly,
        until: untilDays === null ? null : start + untilDays * DAY,
      }));
    const external = fc.record({ start: minuteIn(0, span), length: fc.integer({ min: 1, max: 24 }) }).map(({ start, length }) => ({ start, end: start + length * 10 * MINUTE }));
    const resource = (id: number): fc.Arbitrary<ResourceCalendar> =>
      fc.record({
        id: fc.constant(id),
        zone: fc.constant(scenario.zone),
        hours: weeklyHours,
        overrides: fc.option(dayHours).map((hours) => (hours === null ? [] : [{ date: scenario.date, hours }])),
        capacity: fc.constantFrom(1, 1, 2, 3),
        appointments: fc.array(appointment, { maxLength: 8 }),
        blocks: fc.array(block, { maxLength: 2 }),
        external: fc.array(external, { maxLength: 2 }),
      });
    const rules: fc.Arbitrary<SlotRules> = fc.record({
      duration: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
      interval: fc.constantFrom(0, 5, 10, 15, 20, 25, 30, 60),
      paddingBefore: padding,
      paddingAfter: padding,
      minHoursInAdvance: fc.constantFrom(0, 0, 3, 20),
      maxDaysInAdvance: fc.constantFrom(1, 2, 60),
    });

    return fc
      .record({
        rules,
        resources: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(...ids.map(resource))),
        nowBefore: fc.integer({ min: 0, max: 40 }),
        trimStart: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.floor(span / 2) })),
        trimEnd: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.floor(span / 2) })),
      })
      .map(({ rules, resources, nowBefore, trimStart, trimEnd }) => ({
        scenario,
        now: windowStart - nowBefore * HOUR,
        from: windowStart + trimStart * MINUTE,
        to: windowEnd - trimEnd * MINUTE,
        rules,
        resources,
        firstDate: addDays(scenario.date, -2),
        lastDate: addDays(scenario.date, 2),
      }));
  });
}
