// Calendar dates as plain day numbers (days since 1970-01-01), so stepping through local dates and
// finding their weekday is integer arithmetic instead of a time-zone library call per day.
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".

import { WEEKDAYS, type Weekday } from '../types.js';

export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDateOf(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 for Monday … 6 for Sunday. 1970-01-01 was a Thursday (3). */
export const weekdayIndexOf = (dayNumber: DayNumber): number => (((dayNumber + 3) % 7) + 7) % 7;

export const weekdayOf = (dayNumber: DayNumber): Weekday => WEEKDAYS[weekdayIndexOf(dayNumber)];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real "YYYY-MM-DD" date, or null (so "2026-02-30" is rejected, not rolled over). */
export function parseIsoDate(text: unknown): DayNumber | null {
  if (typeof text !== 'string') return null;
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayNumberOf(year, month, day);
  const back = civilDateOf(n);
  return back.month === month && back.day === day ? n : null;
}

export function formatIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
