// One occurrence of an event as a range on the UTC timeline, read the way a person means it:
// - an all-day event takes whole days in the resource's own zone (a day off in New York is New
//   York's day, not UTC's);
// - a "floating" time (no TZID, no Z) is a wall-clock time, read in the resource's zone too;
// - anything with a TZID or Z is an exact instant already, DST included.
// node-ical builds date-only and floating values in the process's local time, so their local
// calendar fields (getFullYear…) are the ones written in the file, whatever the server's zone.
import { DateTime } from 'luxon';
import type { EventInstance } from 'node-ical';
import type { Interval } from '../../core/types.js';

type ParsedDate = Date & { tz?: string; dateOnly?: boolean };

const wallClock = (d: Date, zone: string, withTime: boolean): DateTime => DateTime.fromObject({
  year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(),
  ...(withTime ? { hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() } : {}),
}, { zone });

export function instanceInterval(instance: Pick<EventInstance, 'start' | 'end' | 'isFullDay'>, zone: string): Interval | null {
  const start = instance.start as ParsedDate;
  const end = instance.end as ParsedDate | undefined;
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) return null;
  if (instance.isFullDay || start.dateOnly) {
    const first = wallClock(start, zone, false);
    const after = end instanceof Date && !Number.isNaN(end.getTime()) ? wallClock(end, zone, false) : first.plus({ days: 1 });
    return { start: first.toMillis(), end: (after > first ? after : first.plus({ days: 1 })).toMillis() };
  }
  const validEnd = end instanceof Date && !Number.isNaN(end.getTime()) ? end : start;
  if (!start.tz) {
    // Floating: the same wall-clock reading in the resource's zone.
    return { start: wallClock(start, zone, true).toMillis(), end: wallClock(validEnd, zone, true).toMillis() };
  }
  return { start: start.getTime(), end: validEnd.getTime() };
}
