// The business and the feed the external-calendar suites share: Alice (New York, 09:00-17:00 on
// weekdays) has an ICS feed with a weekly event minus one EXDATE, an all-day event, a weekly TZID
// event whose two instances straddle New York's next DST change, and a TRANSPARENT event.
import { DateTime } from 'luxon';
import type { CompanyDocument } from '../../src/services/setup/document.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { calendar } from '../support/ics.js';

export const NY = 'America/New_York';
/** Wide enough to reach the next DST change, which may be up to ~34 weeks away. */
export const WINDOW_DAYS = '300';

const ymd = (d: DateTime) => d.toFormat('yyyyLLdd');
const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: NY }).plus({ days }).toISODate()!;

/** The Wednesdays of the suites: a near one, and the pair either side of the next DST change. */
export function days() {
  const wednesday = nextWeekday(3, 3);
  let before = DateTime.fromISO(wednesday, { zone: NY }).plus({ weeks: 3 });
  while (before.set({ hour: 14 }).offset === before.plus({ weeks: 1 }).set({ hour: 14 }).offset) before = before.plus({ weeks: 1 });
  return {
    wednesday, thursday: plusDays(wednesday, 1), exdate: plusDays(wednesday, 7), third: plusDays(wednesday, 14),
    beforeDst: before.toISODate()!, afterDst: before.plus({ weeks: 1 }).toISODate()!,
  };
}

export function aliceFeed(extra: string[][] = []): string {
  const d = days();
  const at = (date: string) => ymd(DateTime.fromISO(date, { zone: NY }));
  return calendar(
    ['UID:weekly@test', `DTSTART;TZID=${NY}:${at(d.wednesday)}T100000`, `DTEND;TZID=${NY}:${at(d.wednesday)}T110000`,
      'RRULE:FREQ=WEEKLY;COUNT=3', `EXDATE;TZID=${NY}:${at(d.exdate)}T100000`, 'SUMMARY:Team meeting'],
    ['UID:offsite@test', `DTSTART;VALUE=DATE:${at(d.thursday)}`, `DTEND;VALUE=DATE:${at(plusDays(d.thursday, 1))}`, 'SUMMARY:Offsite'],
    ['UID:dst@test', `DTSTART;TZID=${NY}:${at(d.beforeDst)}T140000`, `DTEND;TZID=${NY}:${at(d.beforeDst)}T143000`,
      'RRULE:FREQ=WEEKLY;COUNT=2', 'SUMMARY:Across the clock change'],
    ['UID:free@test', `DTSTART;TZID=${NY}:${at(d.wednesday)}T150000`, `DTEND;TZID=${NY}:${at(d.wednesday)}T160000`, 'TRANSP:TRANSPARENT', 'SUMMARY:Free'],
    ...extra,
  );
}

/** An extra one-off busy event on a date at a New York wall time (HH:MM), 30 minutes long. */
export function oneOff(uid: string, date: string, time: string): string[] {
  const start = DateTime.fromISO(`${date}T${time}`, { zone: NY });
  return [`UID:${uid}`, `DTSTART;TZID=${NY}:${start.toFormat("yyyyLLdd'T'HHmmss")}`, `DTEND;TZID=${NY}:${start.plus({ minutes: 30 }).toFormat("yyyyLLdd'T'HHmmss")}`];
}

export function clinicWithFeed(feedUrl: string): CompanyDocument {
  const doc = clinic();
  doc.settings = { ...doc.settings, maxDaysInAdvance: 330 };
  doc.setup!.resources![0] = { ...doc.setup!.resources![0], externalCalendars: [{ type: 'ics', url: feedUrl }] };
  return doc;
}
