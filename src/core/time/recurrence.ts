// Recurring blocks (OnSched's recurringBlock): explicit fields instead of an RRULE. Which local
// dates a rule falls on is calendar arithmetic on day numbers; each date's wall-clock times are then
// resolved in the rule's IANA zone, so a 09:00 block stays at 09:00 across a DST change.
import type { Interval } from '../types.js';
import { civilDateOf, parseIsoDate, type DayNumber } from './civil-date.js';
import { localDayOf, wallTimeToEpoch } from './wall-clock.js';

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface RecurrenceRule {
  frequency: Frequency;
  /** Every n-th day, week, month or year (BIWEEKLY: every 2n-th week). */
  interval: number;
  /** First local date, "YYYY-MM-DD"; also the anchor that the interval counts from. */
  startDate: string;
  /** Last local date that may hold an occurrence (inclusive), or null: forever. */
  endDate: string | null;
  /** Local wall-clock minutes after midnight; end may be 1440. end <= start runs into the next day. */
  startMinute: number;
  endMinute: number;
  zone: string;
  /** WEEKLY/BIWEEKLY: 0 = Sunday … 6 = Saturday; empty: the start date's weekday. */
  weekdays: number[];
  /** MONTHLY: the day of month (1–31); null: the start date's. Months without that day are skipped. */
  dayOfMonth: number | null;
}

/** 0 = Sunday … 6 = Saturday, OnSched's numbering. 1970-01-01 was a Thursday. */
export const sundayWeekdayOf = (day: DayNumber): number => (((day + 4) % 7) + 7) % 7;

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** Does the rule fall on local date `day`? (Bounds and anchor included.) */
export function occursOn(rule: RecurrenceRule, day: DayNumber): boolean {
  const first = parseIsoDate(rule.startDate);
  if (first === null || day < first) return false;
  const last = rule.endDate === null ? null : parseIsoDate(rule.endDate);
  if (last !== null && day > last) return false;
  const step = Math.max(1, Math.floor(rule.interval));
  switch (rule.frequency) {
    case 'DAILY':
      return (day - first) % step === 0;
    case 'WEEKLY':
    case 'BIWEEKLY': {
      const weeks = rule.frequency === 'BIWEEKLY' ? 2 * step : step;
      const days = rule.weekdays.length ? rule.weekdays : [sundayWeekdayOf(first)];
      if (!days.includes(sundayWeekdayOf(day))) return false;
      // Weeks run Sunday to Saturday; the week holding the start date is week 0.
      const weekOf = (d: DayNumber) => floorDiv(d - sundayWeekdayOf(d), 7);
      return (weekOf(day) - weekOf(first)) % weeks === 0;
    }
    case 'MONTHLY': {
      const a = civilDateOf(first);
      const d = civilDateOf(day);
      const months = (d.year - a.year) * 12 + (d.month - a.month);
      return months % step === 0 && d.day === (rule.dayOfMonth ?? a.day);
    }
    case 'YEARLY': {
      const a = civilDateOf(first);
      const d = civilDateOf(day);
      return (d.year - a.year) % step === 0 && d.month === a.month && d.day === a.day;
    }
  }
}

/** Local dates in [firstDay, lastDay] the rule falls on, ascending. */
export function occurrenceDays(rule: RecurrenceRule, firstDay: DayNumber, lastDay: DayNumber): DayNumber[] {
  const days: DayNumber[] = [];
  const start = parseIsoDate(rule.startDate);
  if (start === null) return days;
  for (let day = Math.max(firstDay, start); day <= lastDay; day++) if (occursOn(rule, day)) days.push(day);
  return days;
}

/** The concrete UTC intervals of the rule that overlap `window`, ascending by start. */
export function expandRecurrence(rule: RecurrenceRule, window: Interval): Interval[] {
  if (window.end <= window.start) return [];
  const overnight = rule.endMinute <= rule.startMinute;
  // An overnight occurrence that started the day before can still reach into the window.
  const firstDay = localDayOf(window.start, rule.zone) - (overnight ? 1 : 0);
  const lastDay = localDayOf(window.end - 1, rule.zone);
  const result: Interval[] = [];
  for (const day of occurrenceDays(rule, firstDay, lastDay)) {
    const start = wallTimeToEpoch(rule.zone, day, rule.startMinute);
    const end = wallTimeToEpoch(rule.zone, overnight ? day + 1 : day, rule.endMinute);
    if (start < end && start < window.end && end > window.start) result.push({ start, end });
  }
  return result;
}
