// Weekly allocations turned into working hours. When a resource has allocations for a service,
// those windows are its hours for that service instead of its own weekly hours; its date
// overrides still apply, but only inside the allocated windows (a day off stays a day off, and an
// override never opens time the allocation does not give to the service).
import { WEEKDAYS, type DateOverride, type TimeRange, type Weekday, type WeeklyHours } from '../../core/types.js';
import { parseIsoDate, weekdayOf } from '../../core/time/civil-date.js';
import { parseTimeOfDay, type MinuteRange } from '../../core/time/zoned-days.js';

export interface AllocationWindow {
  days: Weekday[];
  /** "HH:MM", local to the resource. */
  startTime: string;
  endTime: string;
}

const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toRanges = (ranges: MinuteRange[]): TimeRange[] => ranges.map((r) => [clock(r.start), clock(r.end)]);

function parseRanges(ranges: readonly TimeRange[] | undefined): MinuteRange[] {
  const parsed: MinuteRange[] = [];
  for (const [start, end] of ranges ?? []) {
    const s = parseTimeOfDay(start);
    const e = parseTimeOfDay(end);
    if (s !== null && e !== null && s < e) parsed.push({ start: s, end: e });
  }
  return parsed;
}

/** Sorted, with overlapping or touching ranges joined: the core accepts no overlaps within a day. */
export function mergeRanges(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export function intersectRanges(a: MinuteRange[], b: MinuteRange[]): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const x of a) for (const y of b) {
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
  }
  return mergeRanges(out);
}

/** The weekly hours the allocations add up to. */
export function allocationHours(windows: readonly AllocationWindow[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const day of WEEKDAYS) {
    const ranges = windows.filter((w) => w.days.includes(day)).flatMap((w) => parseRanges([[w.startTime, w.endTime]]));
    if (ranges.length) hours[day] = toRanges(mergeRanges(ranges));
  }
  return hours;
}

/** The resource's date overrides, each narrowed to the allocated hours of its weekday. */
export function overridesWithinAllocation(overrides: readonly DateOverride[], allocated: WeeklyHours): DateOverride[] {
  return overrides.flatMap((o) => {
    const day = parseIsoDate(o.date);
    if (day === null) return [];
    const within = intersectRanges(mergeRanges(parseRanges(o.hours)), parseRanges(allocated[weekdayOf(day)]));
    return [{ date: o.date, hours: toRanges(within) }];
  });
}
