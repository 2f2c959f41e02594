// iCalendar text → the ranges a resource is busy within a window. Pure: no I/O and no clock, so the
// same function serves ICS feeds and CalDAV objects and is tested on its own. node-ical parses and
// expands recurrences (RRULE with EXDATE and RECURRENCE-ID overrides, across DST in the event's TZID).
// Nothing here depends on the server's own zone: floating times are anchored to the resource's zone
// before parsing, and all-day lengths are counted in days (instance-interval.ts).
import ical, { type CalendarComponent, type VEvent } from 'node-ical';
import { normalize } from '../../core/time/intervals.js';
import type { Interval } from '../../core/types.js';
import { blocksTime } from './event-rules.js';
import { instanceInterval, type InstanceLike } from './instance-interval.js';
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
    for (const event of parseEvents(document, options.zone)) {
      for (const range of eventBusyTimes(event, options)) {
        ranges.push(range);
        if (ranges.length > max) throw new CalendarReadError(`The calendar has more than ${max} busy times in the sync window`);
      }
    }
  }
  return normalize(ranges);
}

function parseEvents(document: string, zone: string): VEvent[] {
  // A login page or an error page served with 200 must fail the read, not empty the calendar.
  if (!/BEGIN:VCALENDAR/i.test(document)) throw new CalendarReadError('The response is not an iCalendar document');
  let parsed: Record<string, CalendarComponent | undefined>;
  try {
    parsed = ical.sync.parseICS(anchorFloatingTimes(document, zone)) as Record<string, CalendarComponent | undefined>;
  } catch (error) {
    throw new CalendarReadError(`The iCalendar document could not be parsed: ${(error as Error).message}`.slice(0, 300));
  }
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

/** A date-time property of an event with no zone: no TZID parameter, no Z (a list for EXDATE/RDATE). */
const FLOATING = /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)((?:;[^:]*)?):(\d{8}T\d{6}(?:,\d{8}T\d{6})*)$/i;

/**
 * A floating time (no TZID, no Z) means the same wall clock wherever the reader is; for a resource
 * that is its own zone. node-ical reads such times in the server's zone and expands their rules on
 * the UTC timeline, so across a DST change an occurrence would move by an hour and its EXDATE and
 * RECURRENCE-ID would no longer match. Giving each floating value of an event the resource's TZID
 * makes node-ical expand it there, DST included, whatever the server's zone. Lines are unfolded
 * first (as the parser does anyway); VTIMEZONE rules, floating by definition, are left alone.
 */
export function anchorFloatingTimes(document: string, zone: string): string {
  const lines = document.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  let inEvent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^BEGIN:VEVENT\s*$/i.test(line)) inEvent = true;
    else if (/^END:VEVENT\s*$/i.test(line)) inEvent = false;
    else if (inEvent) {
      const m = FLOATING.exec(line.trimEnd());
      if (m && !/;TZID=/i.test(m[2])) lines[i] = `${m[1]}${m[2]};TZID=${zone}:${m[3]}`;
    }
  }
  return lines.join('\r\n');
}

type Override = NonNullable<VEvent['recurrences']>[string];

function eventBusyTimes(event: VEvent, { window, zone, ownerEmail }: BusyTimeOptions): Interval[] {
  // A day of margin each side: all-day dates are local dates, whose UTC instants differ by zone.
  const from = new Date(window.start - DAY);
  const to = new Date(window.end + DAY);
  let instances;
  try {
    instances = ical.expandRecurringEvent(event, { from, to, expandOngoing: true });
  } catch {
    // One malformed event (an unreadable RRULE) must not keep the rest of the calendar from updating.
    return [];
  }
  const occurrences: { instance: InstanceLike; event: VEvent }[] = instances.map((instance) => ({ instance, event: instance.event ?? event }));
  // node-ical looks for overrides only at the original dates it expands, inside [from, to]: an
  // occurrence moved (RECURRENCE-ID) into the window from a date outside it is added here. One
  // whose original date is inside was already judged there (kept, moved out, or excluded).
  if (event.rrule && event.recurrences) {
    const applied = new Set<unknown>(instances.filter((i) => i.isOverride).map((i) => i.event));
    const isFullDay = event.datetype === 'date' || Boolean((event.start as { dateOnly?: boolean } | undefined)?.dateOnly);
    const seriesLength = event.start instanceof Date && event.end instanceof Date ? event.end.getTime() - event.start.getTime() : (isFullDay ? DAY : 0);
    for (const override of new Set<Override>(Object.values(event.recurrences))) {
      if (applied.has(override)) continue;
      const original = override.recurrenceid;
      if (!(original instanceof Date) || (original >= from && original <= to)) continue;
      const start = override.start;
      if (!(start instanceof Date)) continue;
      const end = override.end instanceof Date ? override.end : new Date(start.getTime() + seriesLength);
      occurrences.push({ instance: { start, end, isFullDay, event: override }, event: override as VEvent });
    }
  }
  const out: Interval[] = [];
  for (const { instance, event: own } of occurrences) {
    if (!blocksTime(own, ownerEmail)) continue;
    const range = instanceInterval(instance, zone);
    if (!range) continue;
    const start = Math.max(range.start, window.start);
    const end = Math.min(range.end, window.end);
    if (start < end) out.push({ start, end });
  }
  return out;
}
