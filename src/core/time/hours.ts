// Reading and validating local working hours ("HH:MM" ranges). The setup-document validation and
// the expansion into UTC share these, so what is accepted is exactly what can be expanded.

import { WEEKDAYS, type DateOverride, type TimeRange, type WeeklyHours } from '../types.js';
import { parseIsoDate } from './civil-date.js';

/** A local range in minutes after midnight; `end` may be 1440 ("24:00"). */
export interface MinuteRange {
  start: number;
  end: number;
}

const DIGIT_0 = 48;
const digit = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : NaN;
};

/** Minutes after midnight of "HH:MM" (00:00–24:00), or null. Hand-rolled: it runs per range per query. */
export function parseTimeOfDay(text: unknown): number | null {
  if (typeof text !== 'string' || text.length !== 5 || text[2] !== ':') return null;
  const hour = digit(text, 0) * 10 + digit(text, 1);
  const minute = digit(text, 3) * 10 + digit(text, 4);
  if (!(hour >= 0 && minute >= 0 && minute < 60)) return null; // NaN fails every comparison
  if (hour > 24 || (hour === 24 && minute !== 0)) return null;
  return hour * 60 + minute;
}

/** A valid ["HH:MM", "HH:MM"] with start before end, in minutes; otherwise null. */
export function parseTimeRange(range: unknown): MinuteRange | null {
  if (!Array.isArray(range) || range.length !== 2) return null;
  const start = parseTimeOfDay(range[0]);
  const end = parseTimeOfDay(range[1]);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/**
 * The ranges of one day, sorted by start, or null if any is invalid or two overlap (overlapping
 * ranges would give one resource two interleaved slot grids, which no one means).
 */
export function parseDayHours(ranges: unknown): MinuteRange[] | null {
  if (!Array.isArray(ranges)) return null;
  const parsed: MinuteRange[] = [];
  for (const range of ranges) {
    const minutes = parseTimeRange(range);
    if (minutes === null) return null;
    parsed.push(minutes);
  }
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) if (parsed[i].start < parsed[i - 1].end) return null;
  return parsed;
}

export const isValidDayHours = (ranges: unknown): ranges is TimeRange[] => parseDayHours(ranges) !== null;

/** An object whose keys are weekdays ("mon"…"sun") and whose values are valid day hours. */
export function isValidHours(hours: unknown): hours is WeeklyHours {
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) return false;
  return Object.entries(hours).every(
    ([day, ranges]) => (WEEKDAYS as readonly string[]).includes(day) && isValidDayHours(ranges),
  );
}

/** A list of {date: "YYYY-MM-DD", hours} with real dates, each date at most once. */
export function isValidOverrides(overrides: unknown): overrides is DateOverride[] {
  if (!Array.isArray(overrides)) return false;
  const seen = new Set<number>();
  for (const override of overrides) {
    if (typeof override !== 'object' || override === null) return false;
    const { date, hours } = override as { date?: unknown; hours?: unknown };
    const day = parseIsoDate(date);
    if (day === null || seen.has(day) || !isValidDayHours(hours)) return false;
    seen.add(day);
  }
  return true;
}
