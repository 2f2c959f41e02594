// Business hours on the wire are a list of {dayOfWeek 0–6 (Sunday first), startTime "HH:MM:SS",
// endTime}; the store keeps weekly "HH:MM" ranges keyed by weekday.
import { isValidDayHours } from '../../core/time/zoned-days.js';
import type { TimeRange, Weekday, WeeklyHours } from '../../core/types.js';
import { invalid } from './request.js';
import type { WeeklyAvailability } from './schemas/common.js';

/** Indexed by OnSched's dayOfWeek: 0 is Sunday. */
const DAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const weekdayOf = (dayOfWeek: number): Weekday => DAYS[dayOfWeek];
export const dayOfWeekOf = (day: Weekday): number => DAYS.indexOf(day);

/** "HH:MM:SS" or "HH:MM" to "HH:MM"; the store has minute precision, so seconds must be zero. */
export function clockIn(text: string, field: string): string {
  if (text.length === 8 && !text.endsWith(':00')) throw invalid(field, `${field} must fall on a whole minute`, text);
  return text.slice(0, 5);
}

export const clockOut = (text: string): string => `${text}:00`;

export function hoursFromWire(list: WeeklyAvailability, field = 'weeklyAvailability'): WeeklyHours {
  const hours: WeeklyHours = {};
  list.forEach((entry, i) => {
    const start = clockIn(entry.startTime, `${field}[${i}].startTime`);
    const end = clockIn(entry.endTime, `${field}[${i}].endTime`);
    if (!isValidDayHours([[start, end]])) throw invalid(`${field}[${i}].endTime`, `${field}[${i}].endTime must be after startTime`, entry.endTime);
    (hours[weekdayOf(entry.dayOfWeek)] ??= []).push([start, end]);
  });
  for (const [day, ranges] of Object.entries(hours) as [Weekday, TimeRange[]][]) {
    ranges.sort((a, b) => a[0].localeCompare(b[0]));
    if (!isValidDayHours(ranges)) throw invalid(field, `${field} has overlapping windows on day ${dayOfWeekOf(day)}`);
  }
  return hours;
}

export function hoursToWire(hours: WeeklyHours): WeeklyAvailability {
  return DAYS.flatMap((day, dayOfWeek) => (hours[day] ?? []).map(([start, end]) => ({ dayOfWeek, startTime: clockOut(start), endTime: clockOut(end) })));
}
