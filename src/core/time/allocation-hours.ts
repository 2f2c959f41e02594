// Weekly allocations turned into working hours. When a resource has allocations for a service,
// those windows are its hours for that service instead of its own weekly hours; its date
// overrides still apply, but only inside the allocated windows (a day off stays a day off, and an
// override never opens time the allocation does not give to the service).
// Minutes of the day are ranges like any other, so the interval algebra does the merging.
import { WEEKDAYS, type DateOverride, type Interval, type TimeRange, type Weekday, type WeeklyHours } from '../types.js';
import { parseIsoDate, weekdayOf } from './civil-date.js';
import { parseTimeRange } from './hours.js';
import { intersect, normalize } from './intervals.js';

export interface AllocationWindow {
  days: Weekday[];
  /** "HH:MM", local to the resource. */
  startTime: string;
  endTime: string;
}

const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toRanges = (ranges: Interval[]): TimeRange[] => ranges.map((r) => [clock(r.start), clock(r.end)]);
/** Valid ranges as minutes of the day; malformed ones are dropped (validation happens on input). */
const minutes = (ranges: readonly TimeRange[] | undefined): Interval[] =>
  (ranges ?? []).map(parseTimeRange).filter((r): r is Interval => r !== null);

/** The weekly hours the allocations add up to. */
export function allocationHours(windows: readonly AllocationWindow[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const day of WEEKDAYS) {
    const ranges = minutes(windows.filter((w) => w.days.includes(day)).map((w): TimeRange => [w.startTime, w.endTime]));
    if (ranges.length) hours[day] = toRanges(normalize(ranges));
  }
  return hours;
}

/** The resource's date overrides, each narrowed to the allocated hours of its weekday. */
export function overridesWithinAllocation(overrides: readonly DateOverride[], allocated: WeeklyHours): DateOverride[] {
  return overrides.flatMap((o) => {
    const day = parseIsoDate(o.date);
    if (day === null) return [];
    return [{ date: o.date, hours: toRanges(intersect(minutes(o.hours), minutes(allocated[weekdayOf(day)]))) }];
  });
}
