// Weekly hours and date overrides, read in a resource's IANA zone, expanded into the UTC working
// ranges of every local date that touches a UTC window (DESIGN.md, "Availability, precisely", rule 1).

import type { DateOverride, Interval, WeeklyHours } from '../types.js';
import { parseIsoDate, weekdayOf, type DayNumber } from './civil-date.js';
import { parseDayHours, parseTimeRange, type MinuteRange } from './hours.js';
import { normalize } from './intervals.js';
import { localDayOf, wallTimeToEpoch } from './wall-clock.js';

export { isValidZone } from './wall-clock.js';
export { isValidDayHours, isValidHours, isValidOverrides, parseTimeOfDay, parseTimeRange } from './hours.js';
export type { MinuteRange } from './hours.js';

export interface WorkingSchedule {
  zone: string;
  hours: WeeklyHours;
  overrides?: readonly DateOverride[];
  /** Working ranges on the UTC timeline besides the weekly hours (single allocations). */
  extra?: readonly Interval[];
}

// Stored hours were validated on the way in; a malformed range here contributes no hours rather
// than failing a whole availability query, and overlapping ranges are kept (each keeps its grid).
function dayHoursOrNone(ranges: unknown): MinuteRange[] {
  const strict = parseDayHours(ranges ?? []);
  if (strict !== null) return strict;
  if (!Array.isArray(ranges)) return [];
  return ranges.map(parseTimeRange).filter((r): r is MinuteRange => r !== null).sort((a, b) => a.start - b.start);
}

function overridesByDay(overrides: readonly DateOverride[] | undefined): Map<DayNumber, MinuteRange[]> {
  const byDay = new Map<DayNumber, MinuteRange[]>();
  for (const override of overrides ?? []) {
    const day = parseIsoDate(override.date);
    if (day !== null) byDay.set(day, dayHoursOrNone(override.hours));
  }
  return byDay;
}

/**
 * The UTC working ranges, unclipped and sorted by start, of every local date whose hours overlap
 * `window`. Ranges are not clipped because candidate starts step from each range's own start.
 */
export function expandWorkingHours(schedule: WorkingSchedule, window: Interval): Interval[] {
  if (window.end <= window.start) return [];
  const { zone, hours } = schedule;
  const overrides = overridesByDay(schedule.overrides);
  const weekly = new Map<string, MinuteRange[]>();

  // A date's ranges lie between its own midnight and the next ("24:00"), as resolved in the zone,
  // so exactly the dates from the one in force at window.start to the one at window.end - 1 count.
  const firstDay = localDayOf(window.start, zone);
  const lastDay = localDayOf(window.end - 1, zone);
  const ranges: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    let local = overrides.get(day);
    if (local === undefined) {
      const weekday = weekdayOf(day);
      local = weekly.get(weekday);
      if (local === undefined) weekly.set(weekday, (local = dayHoursOrNone(hours[weekday])));
    }
    for (const range of local) {
      const start = wallTimeToEpoch(zone, day, range.start);
      const end = wallTimeToEpoch(zone, day, range.end);
      // A range can vanish when both ends fall in one DST gap.
      if (start < end && start < window.end && end > window.start) ranges.push({ start, end });
    }
  }
  if (schedule.extra?.length) {
    // A one-off range joins whatever weekly range it touches, so one grid runs across both.
    return normalize([...ranges, ...schedule.extra.filter((r) => r.start < window.end && r.end > window.start)]);
  }
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].start < ranges[i - 1].start) return ranges.sort((a, b) => a.start - b.start);
  }
  return ranges;
}
