// Recurring blocks against a brute force that generates occurrences forward from the start date
// (the source tests a predicate per date instead) and resolves wall times by scanning every UTC
// minute with Intl (the source uses Luxon). DST days in New York and London, +05:30 and +05:45.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRecurrence, FREQUENCIES, type RecurrenceRule } from '../../../src/core/time/recurrence.js';
import { wallToUtc } from '../availability/brute-force.js';

const DAY = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00Z`) + days * DAY).toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T00:00Z`).getUTCDay();
const validDate = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? t.toISOString().slice(0, 10) : null;
};

const SCENARIOS = [
  { zone: 'America/New_York', date: '2026-03-08' }, { zone: 'America/New_York', date: '2026-11-01' },
  { zone: 'Europe/London', date: '2026-03-29' }, { zone: 'Europe/London', date: '2026-10-25' },
  { zone: 'Asia/Kolkata', date: '2027-01-04' }, { zone: 'Asia/Kathmandu', date: '2027-01-04' },
];

/** Every occurrence date up to `last`, generated forward from the rule's start. */
function occurrenceDates(rule: RecurrenceRule, last: string): string[] {
  const out: string[] = [];
  const stop = rule.endDate !== null && rule.endDate < last ? rule.endDate : last;
  const [y, m, d] = rule.startDate.split('-').map(Number);
  if (rule.frequency === 'DAILY') {
    for (let date = rule.startDate; date <= stop; date = addDays(date, rule.interval)) out.push(date);
  } else if (rule.frequency === 'WEEKLY' || rule.frequency === 'BIWEEKLY') {
    const step = (rule.frequency === 'BIWEEKLY' ? 2 : 1) * rule.interval * 7;
    const days = rule.weekdays.length ? rule.weekdays : [weekdayOf(rule.startDate)];
    for (let sunday = addDays(rule.startDate, -weekdayOf(rule.startDate)); sunday <= stop; sunday = addDays(sunday, step)) {
      for (const wd of [...days].sort()) {
        const date = addDays(sunday, wd);
        if (date >= rule.startDate && date <= stop) out.push(date);
      }
    }
  } else {
    const monthly = rule.frequency === 'MONTHLY';
    for (let k = 0; ; k += rule.interval) {
      const year = monthly ? y + Math.floor((m - 1 + k) / 12) : y + k;
      const month = monthly ? ((m - 1 + k) % 12) + 1 : m;
      if (`${year}-${String(month).padStart(2, '0')}` > stop.slice(0, 7)) break;
      const date = validDate(year, month, monthly ? rule.dayOfMonth ?? d : d);
      if (date !== null && date >= rule.startDate && date <= stop) out.push(date);
    }
  }
  return out;
}

function bruteForce(rule: RecurrenceRule, from: number, to: number, firstDate: string, lastDate: string) {
  const overnight = rule.endMinute <= rule.startMinute;
  // Only dates next to the window can reach it (an occurrence spans at most two dates); resolving
  // the rest minute by minute would only cost time.
  return occurrenceDates(rule, lastDate).filter((date) => date >= addDays(firstDate, -1))
    .map((date) => ({
      start: wallToUtc(date, rule.startMinute, rule.zone),
      end: wallToUtc(overnight ? addDays(date, 1) : date, rule.endMinute, rule.zone),
    }))
    .filter((o) => o.start < o.end && o.start < to && o.end > from);
}

const minute = fc.oneof(fc.integer({ min: 0, max: 96 }).map((q) => q * 15), fc.constantFrom(60, 90, 120, 150, 180), fc.integer({ min: 0, max: 1439 }));

const ruleAround = fc.constantFrom(...SCENARIOS).chain((s) => fc.record({
  scenario: fc.constant(s),
  frequency: fc.constantFrom(...FREQUENCIES),
  interval: fc.integer({ min: 1, max: 4 }),
  startOffset: fc.integer({ min: -800, max: 0 }),
  endOffset: fc.option(fc.integer({ min: -3, max: 400 }), { nil: null }),
  startMinute: minute,
  endMinute: fc.oneof(minute, fc.constant(1440)),
  weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
  dayOfMonth: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
}));

describe('recurring blocks expand like a forward-generating brute force', () => {
  it('matches on DST and odd-offset days, for every frequency', () => {
    fc.assert(fc.property(ruleAround, (g) => {
      const startDate = addDays(g.scenario.date, g.startOffset);
      const rule: RecurrenceRule = {
        frequency: g.frequency, interval: g.interval, startDate,
        endDate: g.endOffset === null ? null : addDays(startDate, g.endOffset),
        startMinute: g.startMinute, endMinute: g.endMinute, zone: g.scenario.zone,
        weekdays: g.weekdays, dayOfMonth: g.dayOfMonth,
      };
      const from = wallToUtc(addDays(g.scenario.date, -1), 0, rule.zone);
      const to = wallToUtc(addDays(g.scenario.date, 2), 0, rule.zone);
      expect(expandRecurrence(rule, { start: from, end: to })).toEqual(bruteForce(rule, from, to, addDays(g.scenario.date, -1), addDays(g.scenario.date, 2)));
    }), { numRuns: 300 });
  });

  it('keeps 09:00 local across the New York spring-forward day (14:00Z before, 13:00Z after)', () => {
    const rule: RecurrenceRule = {
      frequency: 'DAILY', interval: 1, startDate: '2026-03-07', endDate: null, startMinute: 540, endMinute: 600,
      zone: 'America/New_York', weekdays: [], dayOfMonth: null,
    };
    const got = expandRecurrence(rule, { start: Date.parse('2026-03-07T00:00Z'), end: Date.parse('2026-03-10T00:00Z') });
    expect(got.map((i) => new Date(i.start).toISOString())).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('skips months without the day (MONTHLY on the 31st) and Feb 29 outside leap years (YEARLY)', () => {
    const base = { interval: 1, endDate: null, startMinute: 600, endMinute: 660, zone: 'Asia/Kathmandu', weekdays: [], dayOfMonth: null };
    const monthly = expandRecurrence({ ...base, frequency: 'MONTHLY', startDate: '2027-01-31' }, { start: Date.parse('2027-01-01T00:00Z'), end: Date.parse('2027-06-01T00:00Z') });
    expect(monthly.map((i) => new Date(i.start).toISOString().slice(0, 10))).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
    const yearly = expandRecurrence({ ...base, frequency: 'YEARLY', startDate: '2024-02-29' }, { start: Date.parse('2024-01-01T00:00Z'), end: Date.parse('2029-01-01T00:00Z') });
    expect(yearly.map((i) => new Date(i.start).toISOString().slice(0, 10))).toEqual(['2024-02-29', '2028-02-29']);
  });
});
