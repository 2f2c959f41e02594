// Allocation windows (OnSched's weekly and single allocations) as UTC ranges. Weekly rows are
// {dayOfWeek 0 = Sunday … 6 = Saturday, local "HH:MM[:SS]" start/end} in a zone; single
// allocations are UTC ranges that may span days. Scope: a row names a resource, a service, or both
// (a pair); for one resource doing one service, its pair rows win over the service-wide rows.
import { WEEKDAYS, type Interval, type TimeRange, type WeeklyHours } from '../types.js';
import { normalize } from './intervals.js';
import { expandWorkingHours } from './zoned-days.js';

export interface WeeklyWindow {
  dayOfWeek: number;
  /** "HH:MM" (seconds already dropped); the end may be "24:00". */
  startTime: string;
  endTime: string;
}

export interface ScopedWindows<W> {
  resourceId: number | null;
  serviceId: number | null;
  windows: W[];
}

/** Sunday-first numbering onto the core's Monday-first weekday keys. */
const keyOf = (dayOfWeek: number) => WEEKDAYS[(dayOfWeek + 6) % 7];

export function weeklyWindowHours(rows: readonly WeeklyWindow[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const row of rows) {
    const key = keyOf(row.dayOfWeek);
    (hours[key] ??= []).push([row.startTime, row.endTime] as TimeRange);
  }
  return hours;
}

/** The UTC ranges the weekly rows and single allocations open inside `window`, merged. */
export function allocatedRanges(weekly: readonly WeeklyWindow[], single: readonly Interval[], zone: string, window: Interval): Interval[] {
  const fromWeekly = weekly.length ? expandWorkingHours({ zone, hours: weeklyWindowHours(weekly) }, window) : [];
  const fromSingle = single.filter((s) => s.start < window.end && s.end > window.start);
  return normalize([...fromWeekly, ...fromSingle]);
}

/**
 * The rows that govern `resourceId` doing `serviceId` in allocation mode: its pair rows when it has
 * any, else the service-wide ones. Resource-only rows are the resource's own schedule, not a
 * service's, so they are never returned here.
 */
export function serviceRowsFor<W>(rows: readonly ScopedWindows<W>[], resourceId: number, serviceId: number): ScopedWindows<W>[] {
  const pair = rows.filter((r) => r.serviceId === serviceId && r.resourceId === resourceId);
  return pair.length ? pair : rows.filter((r) => r.serviceId === serviceId && r.resourceId === null);
}

/** The resource's own allocation schedule (resource scope). */
export function resourceRowsFor<W>(rows: readonly ScopedWindows<W>[], resourceId: number): ScopedWindows<W>[] {
  return rows.filter((r) => r.resourceId === resourceId && r.serviceId === null);
}
