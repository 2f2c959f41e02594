// iCalendar text → the ranges a resource is busy within a window. Pure: no I/O and no clock, so the
// same function serves ICS feeds and CalDAV objects and is tested on its own. node-ical parses and
// expands recurrences (RRULE with EXDATE and RECURRENCE-ID overrides, across DST in the event's TZID).
import ical, { type CalendarComponent, type VEvent } from 'node-ical';
import { normalize } from '../../core/time/intervals.js';
import type { Interval } from '../../core/types.js';
import { blocksTime } from './event-rules.js';
import { instanceInterval } from './instance-interval.js';
import { CalendarReadError } from './read-error.js';

export interface BusyTimeOptions {
  /** Only busy time inside this window is kept. */
  window: Interval;
  /** The resource's zone: all-day and floating events are read in it. */
  zone: string;
  /** The resource's email: invitations it declined do not make it busy. */
  ownerEmail: string | null;
  /** A guard against pathological feeds (a minutely rule expanded over months). */
  maxRanges?: number;
}

const DAY = 86_400_000;
const MAX_RANGES = 50_000;

/** Busy ranges of every event in the documents (each a VCALENDAR), clipped to the window and merged. */
export function busyTimes(documents: string[], options: BusyTimeOptions): Interval[] {
  const max = options.maxRanges ?? MAX_RANGES;
  const ranges: Interval[] = [];
  for (const document of documents) {
    for (const event of parseEvents(document)) {
      for (const range of eventBusyTimes(event, options)) {
        ranges.push(range);
        if (ranges.length > max) throw new CalendarReadError(`The calendar has more than ${max} busy times in the sync window`);
      }
    }
  }
  return normalize(ranges);
}

function parseEvents(document: string): VEvent[] {
  // A login page or an error page served with 200 must fail the read, not empty the calendar.
  if (!/BEGIN:VCALENDAR/i.test(document)) throw new CalendarReadError('The response is not an iCalendar document');
  let parsed: Record<string, CalendarComponent | undefined>;
  try {
    parsed = ical.sync.parseICS(document) as Record<string, CalendarComponent | undefined>;
  } catch (error) {
    throw new CalendarReadError(`The iCalendar document could not be parsed: ${(error as Error).message}`.slice(0, 300));
  }
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

function eventBusyTimes(event: VEvent, { window, zone, ownerEmail }: BusyTimeOptions): Interval[] {
  let instances;
  try {
    // A day of margin each side: all-day dates are local dates, whose UTC instants differ by zone.
    instances = ical.expandRecurringEvent(event, { from: new Date(window.start - DAY), to: new Date(window.end + DAY), expandOngoing: true });
  } catch {
    // One malformed event (an unreadable RRULE) must not keep the rest of the calendar from updating.
    return [];
  }
  const out: Interval[] = [];
  for (const instance of instances) {
    if (!blocksTime(instance.event ?? event, ownerEmail)) continue;
    const range = instanceInterval(instance, zone);
    if (!range) continue;
    const start = Math.max(range.start, window.start);
    const end = Math.min(range.end, window.end);
    if (start < end) out.push({ start, end });
  }
  return out;
}
