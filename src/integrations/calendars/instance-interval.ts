// One occurrence of an event as a range on the UTC timeline, read the way a person means it:
// - an all-day event takes whole days in the resource's own zone (a day off in New York is New
//   York's day, not UTC's);
// - a "floating" time (no TZID, no Z) is a wall-clock time, read in the resource's zone too
//   (busy-times.ts anchors floating times to that zone before parsing, so recurrences, EXDATE and
//   RECURRENCE-ID of floating events are matched there; the branch below is the fallback);
// - anything with a TZID or Z is an exact instant already, DST included.
// node-ical builds date-only and floating values in the process's local time, so their local
// calendar fields (getFullYear…) are the ones written in the file, whatever the server's zone. It
// also gives each recurring occurrence the first one's length in milliseconds of that local time,
// so an all-day occurrence's end is wrong by an hour across a DST change of the server's zone:
// an all-day event's length is therefore taken here as a whole number of days.
import { DateTime } from 'luxon';
import type { EventInstance } from 'node-ical';
import type { Interval } from '../../core/types.js';

type ParsedDate = Date & { tz?: string; dateOnly?: boolean };

const DAY = 86_400_000;

const wallClock = (d: Date, zone: string, withTime: boolean): DateTime => DateTime.fromObject({
  year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(),
  ...(withTime ? { hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() } : {}),
}, { zone });

const validDate = (d: unknown): d is ParsedDate => d instanceof Date && !Number.isNaN(d.getTime());

/** Days between two local midnights (23, 24 or 25 hours each in the server's zone), at least one. */
const wholeDays = (start: Date, end: Date): number => Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY));

export type InstanceLike = Pick<EventInstance, 'start' | 'end' | 'isFullDay'> & { event?: { start?: unknown; end?: unknown } };

export function instanceInterval(instance: InstanceLike, zone: string): Interval | null {
  const start = instance.start as ParsedDate;
  const end = instance.end as ParsedDate | undefined;
  if (!validDate(start)) return null;
  if (instance.isFullDay || start.dateOnly) {
    // The length as written on the occurrence's own event (the override's, else the series'),
    // in whole days; failing that, node-ical's end, rounded to whole days.
    const own = instance.event;
    const days = validDate(own?.start) && validDate(own?.end) ? wholeDays(own.start, own.end)
      : validDate(end) ? wholeDays(start, end) : 1;
    const first = wallClock(start, zone, false);
    return { start: first.toMillis(), end: first.plus({ days }).toMillis() };
  }
  const validEnd = validDate(end) ? end : start;
  if (!start.tz) {
    // Floating: the same wall-clock reading in the resource's zone.
    return { start: wallClock(start, zone, true).toMillis(), end: wallClock(validEnd, zone, true).toMillis() };
  }
  return { start: start.getTime(), end: validEnd.getTime() };
}
