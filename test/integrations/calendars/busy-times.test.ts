// Reading busy times out of iCalendar text: recurrences with exceptions and overrides, all-day and
// floating events in the resource's zone, DST in the event's own zone, and the events that leave a
// person free (transparent, cancelled, declined).
import { afterEach, describe, expect, it } from 'vitest';
import { busyTimes } from '../../../src/integrations/calendars/busy-times.js';
import { CalendarReadError } from '../../../src/integrations/calendars/read-error.js';
import { calendar } from '../../support/ics.js';

const at = (iso: string) => Date.parse(iso);
const range = (start: string, end: string) => ({ start: at(start), end: at(end) });
// March 2026: New York springs forward on Sunday the 8th.
const window = range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
const read = (ics: string, zone = 'America/New_York', ownerEmail: string | null = 'alice@example.com') =>
  busyTimes([ics], { window, zone, ownerEmail });

describe('busy times from iCalendar', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined to process.env stores the string "undefined" (an unknown zone, read as UTC).
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('expands a weekly TZID event at the same New York wall time across the DST change, minus its EXDATE', () => {
    const busy = read(calendar([
      'UID:weekly', 'DTSTART;TZID=America/New_York:20260302T100000', 'DTEND;TZID=America/New_York:20260302T110000',
      'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;TZID=America/New_York:20260316T100000', 'SUMMARY:Standup',
    ]));
    expect(busy).toEqual([
      range('2026-03-02T15:00:00Z', '2026-03-02T16:00:00Z'), // 10:00 EST
      range('2026-03-09T14:00:00Z', '2026-03-09T15:00:00Z'), // 10:00 EDT, after the change
      range('2026-03-23T14:00:00Z', '2026-03-23T15:00:00Z'),
    ]);
  });

  it('applies RECURRENCE-ID overrides: a moved instance moves, a cancelled one frees its time', () => {
    const busy = read(calendar(
      ['UID:w', 'DTSTART;TZID=America/New_York:20260302T100000', 'DTEND;TZID=America/New_York:20260302T110000', 'RRULE:FREQ=WEEKLY;COUNT=3'],
      ['UID:w', 'RECURRENCE-ID;TZID=America/New_York:20260309T100000', 'DTSTART;TZID=America/New_York:20260309T150000', 'DTEND;TZID=America/New_York:20260309T160000'],
      ['UID:w', 'RECURRENCE-ID;TZID=America/New_York:20260316T100000', 'DTSTART;TZID=America/New_York:20260316T100000', 'DTEND;TZID=America/New_York:20260316T110000', 'STATUS:CANCELLED'],
    ));
    expect(busy).toEqual([range('2026-03-02T15:00:00Z', '2026-03-02T16:00:00Z'), range('2026-03-09T19:00:00Z', '2026-03-09T20:00:00Z')]);
  });

  it("blocks an all-day event for the whole local day in the resource's zone, whatever the server's zone", () => {
    const ics = calendar(['UID:off', 'DTSTART;VALUE=DATE:20260304', 'DTEND;VALUE=DATE:20260306', 'SUMMARY:Offsite']);
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(read(ics, 'Asia/Kolkata')).toEqual([range('2026-03-03T18:30:00Z', '2026-03-05T18:30:00Z')]);
      expect(read(ics, 'America/New_York')).toEqual([range('2026-03-04T05:00:00Z', '2026-03-06T05:00:00Z')]);
    }
  });

  it('reads a floating time (no zone) as wall-clock time in the resource zone; a single all-day date is one day', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(read(calendar(['UID:f', 'DTSTART:20260305T100000', 'DTEND:20260305T113000']))).toEqual([range('2026-03-05T15:00:00Z', '2026-03-05T16:30:00Z')]);
    expect(read(calendar(['UID:d', 'DTSTART;VALUE=DATE:20260310']), 'Asia/Kathmandu')).toEqual([range('2026-03-09T18:15:00Z', '2026-03-10T18:15:00Z')]);
  });

  it('keeps every day of a repeating all-day event when the server\'s own zone changes to DST', () => {
    // Saturday and Sunday, weekly; New York springs forward on Sunday the 8th, so node-ical's first
    // occurrence is 47 hours long in a New York server's local time.
    process.env.TZ = 'America/New_York';
    const ics = calendar(['UID:weekend', 'DTSTART;VALUE=DATE:20260307', 'DTEND;VALUE=DATE:20260309', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Away']);
    expect(read(ics, 'UTC')).toEqual([
      range('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z'),
      range('2026-03-14T00:00:00Z', '2026-03-16T00:00:00Z'),
      range('2026-03-21T00:00:00Z', '2026-03-23T00:00:00Z'),
    ]);
    expect(read(ics, 'America/New_York')).toEqual([
      range('2026-03-07T05:00:00Z', '2026-03-09T04:00:00Z'), // the 8th is 23 hours long in New York
      range('2026-03-14T04:00:00Z', '2026-03-16T04:00:00Z'),
      range('2026-03-21T04:00:00Z', '2026-03-23T04:00:00Z'),
    ]);
  });

  it('keeps a repeating floating event at its wall-clock time in the resource zone when the server\'s zone changes to DST', () => {
    process.env.TZ = 'America/New_York';
    const ics = calendar(
      ['UID:fl', 'DTSTART:20260302T100000', 'DTEND:20260302T113000', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE:20260323T100000'],
      ['UID:fl', 'RECURRENCE-ID:20260316T100000', 'DTSTART:20260316T130000', 'DTEND:20260316T140000'],
    );
    expect(read(ics, 'UTC')).toEqual([
      range('2026-03-02T10:00:00Z', '2026-03-02T11:30:00Z'),
      range('2026-03-09T10:00:00Z', '2026-03-09T11:30:00Z'),
      range('2026-03-16T13:00:00Z', '2026-03-16T14:00:00Z'), // moved, and the EXDATE matched
    ]);
    expect(read(ics, 'America/New_York')).toEqual([
      range('2026-03-02T15:00:00Z', '2026-03-02T16:30:00Z'), // 10:00 EST
      range('2026-03-09T14:00:00Z', '2026-03-09T15:30:00Z'), // 10:00 EDT
      range('2026-03-16T17:00:00Z', '2026-03-16T18:00:00Z'),
    ]);
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(read(ics, 'America/New_York')).toHaveLength(3);
      expect(read(ics, 'America/New_York')[1]).toEqual(range('2026-03-09T14:00:00Z', '2026-03-09T15:30:00Z'));
    }
  });

  it('counts an occurrence moved into the window from a date before or after it, and not one moved out', () => {
    const tz = (local: string) => `TZID=America/New_York:${local}`;
    const busy = read(calendar(
      ['UID:s', `DTSTART;${tz('20260216T100000')}`, `DTEND;${tz('20260216T110000')}`, 'RRULE:FREQ=WEEKLY;COUNT=10'],
      // 23 Feb (before the window) moved to 3 Mar; 6 Apr (after it) moved to 25 Mar; 9 Mar moved out to 10 Apr
      ['UID:s', `RECURRENCE-ID;${tz('20260223T100000')}`, `DTSTART;${tz('20260303T150000')}`, `DTEND;${tz('20260303T160000')}`],
      ['UID:s', `RECURRENCE-ID;${tz('20260406T100000')}`, `DTSTART;${tz('20260325T090000')}`, `DTEND;${tz('20260325T093000')}`],
      ['UID:s', `RECURRENCE-ID;${tz('20260309T100000')}`, `DTSTART;${tz('20260410T100000')}`, `DTEND;${tz('20260410T110000')}`],
      // Moved in but cancelled, or declined: still free
      ['UID:s', `RECURRENCE-ID;${tz('20260413T100000')}`, `DTSTART;${tz('20260326T100000')}`, `DTEND;${tz('20260326T110000')}`, 'STATUS:CANCELLED'],
      ['UID:s', `RECURRENCE-ID;${tz('20260420T100000')}`, `DTSTART;${tz('20260327T100000')}`, `DTEND;${tz('20260327T110000')}`,
        'ATTENDEE;PARTSTAT=DECLINED:mailto:alice@example.com'],
    ));
    expect(busy).toEqual([
      range('2026-03-02T15:00:00Z', '2026-03-02T16:00:00Z'),
      range('2026-03-03T20:00:00Z', '2026-03-03T21:00:00Z'), // moved in from 23 Feb
      range('2026-03-16T14:00:00Z', '2026-03-16T15:00:00Z'),
      range('2026-03-23T14:00:00Z', '2026-03-23T15:00:00Z'),
      range('2026-03-25T13:00:00Z', '2026-03-25T13:30:00Z'), // moved in from 6 Apr
      range('2026-03-30T14:00:00Z', '2026-03-30T15:00:00Z'),
    ]);
  });

  it('ignores transparent, free, cancelled and declined events, and keeps accepted and tentative ones', () => {
    const busy = read(calendar(
      ['UID:t', 'DTSTART:20260305T150000Z', 'DTEND:20260305T160000Z', 'TRANSP:TRANSPARENT'],
      ['UID:o', 'DTSTART:20260305T160000Z', 'DTEND:20260305T170000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE'],
      ['UID:c', 'DTSTART:20260306T150000Z', 'DTEND:20260306T160000Z', 'STATUS:CANCELLED'],
      ['UID:x', 'DTSTART:20260307T150000Z', 'DTEND:20260307T160000Z', 'ATTENDEE;PARTSTAT=DECLINED;CN=Alice:mailto:Alice@Example.com'],
      ['UID:a', 'DTSTART:20260309T150000Z', 'DTEND:20260309T160000Z', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com', 'ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.com'],
      ['UID:e', 'DTSTART:20260310T150000Z', 'DURATION:PT45M', 'STATUS:TENTATIVE'],
    ));
    expect(busy).toEqual([range('2026-03-09T15:00:00Z', '2026-03-09T16:00:00Z'), range('2026-03-10T15:00:00Z', '2026-03-10T15:45:00Z')]);
  });

  it('a declined invitation still blocks a resource with another email or none', () => {
    const ics = calendar(['UID:x', 'DTSTART:20260307T150000Z', 'DTEND:20260307T160000Z', 'ATTENDEE;PARTSTAT=DECLINED:mailto:alice@example.com']);
    expect(read(ics, 'UTC', 'bob@example.com')).toHaveLength(1);
    expect(read(ics, 'UTC', null)).toHaveLength(1);
  });

  it('clips to the window, merges overlaps, and keeps an event that started before the window', () => {
    const busy = read(calendar(
      ['UID:long', 'DTSTART:20260228T120000Z', 'DTEND:20260301T020000Z'],
      ['UID:a', 'DTSTART:20260305T150000Z', 'DTEND:20260305T163000Z'],
      ['UID:b', 'DTSTART:20260305T160000Z', 'DTEND:20260305T170000Z'],
      ['UID:later', 'DTSTART:20260405T150000Z', 'DTEND:20260405T160000Z'],
    ));
    expect(busy).toEqual([range('2026-03-01T00:00:00Z', '2026-03-01T02:00:00Z'), range('2026-03-05T15:00:00Z', '2026-03-05T17:00:00Z')]);
  });

  it('refuses what is not iCalendar (an error page served with 200), so the last good busy times stay', () => {
    expect(() => read('<html><body>Sign in</body></html>')).toThrow(CalendarReadError);
    expect(() => read('')).toThrow(/not an iCalendar document/);
  });

  it('combines several documents (CalDAV returns one per event) and caps runaway expansions', () => {
    const one = calendar(['UID:1', 'DTSTART:20260305T150000Z', 'DTEND:20260305T160000Z']);
    const two = calendar(['UID:2', 'DTSTART:20260306T150000Z', 'DTEND:20260306T160000Z']);
    expect(busyTimes([one, two], { window, zone: 'UTC', ownerEmail: null })).toHaveLength(2);
    const hourly = calendar(['UID:h', 'DTSTART:20260301T000000Z', 'DTEND:20260301T000030Z', 'RRULE:FREQ=HOURLY']);
    expect(() => busyTimes([hourly], { window, zone: 'UTC', ownerEmail: null, maxRanges: 100 })).toThrow(/more than 100 busy times/);
  });

  it('skips an event whose rule cannot be expanded, so one bad event does not freeze the whole calendar', () => {
    const busy = read(calendar(
      ['UID:m', 'DTSTART:20260301T000000Z', 'DTEND:20260301T000030Z', 'RRULE:FREQ=MINUTELY'], // node-ical refuses 10,000+ iterations
      ['UID:ok', 'DTSTART:20260305T150000Z', 'DTEND:20260305T160000Z'],
    ));
    expect(busy).toEqual([range('2026-03-05T15:00:00Z', '2026-03-05T16:00:00Z')]);
  });
});
