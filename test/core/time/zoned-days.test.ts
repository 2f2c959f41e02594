import { describe, expect, it } from 'vitest';
import {
  expandWorkingHours,
  isValidHours,
  isValidOverrides,
  isValidZone,
  parseTimeRange,
  type WorkingSchedule,
} from '../../../src/core/time/zoned-days.js';
import { localDayOf } from '../../../src/core/time/wall-clock.js';
import { formatIsoDate } from '../../../src/core/time/civil-date.js';
import type { Interval } from '../../../src/core/types.js';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const iso = (ranges: Interval[]) => ranges.map((r) => [new Date(r.start).toISOString(), new Date(r.end).toISOString()]);
/** The working ranges of one whole UTC day around `date` (the local dates that touch it). */
const day = (schedule: WorkingSchedule, from: string, to: string) => iso(expandWorkingHours(schedule, { start: utc(from), end: utc(to) }));

describe('expandWorkingHours in America/New_York', () => {
  const ny = (hours: WorkingSchedule['hours'], overrides: WorkingSchedule['overrides'] = []): WorkingSchedule => ({
    zone: 'America/New_York',
    hours,
    overrides,
  });

  it('uses EST in winter and EDT in summer', () => {
    expect(day(ny({ mon: [['09:00', '17:00']] }), '2027-01-04T05:00Z', '2027-01-05T05:00Z')).toEqual([
      ['2027-01-04T14:00:00.000Z', '2027-01-04T22:00:00.000Z'],
    ]);
    expect(day(ny({ mon: [['09:00', '17:00']] }), '2026-07-06T04:00Z', '2026-07-07T04:00Z')).toEqual([
      ['2026-07-06T13:00:00.000Z', '2026-07-06T21:00:00.000Z'],
    ]);
  });

  it('spring-forward day: a range across the gap is an hour shorter, and 02:30 becomes 03:30 EDT', () => {
    const window = ['2026-03-08T05:00Z', '2026-03-09T04:00Z'] as const;
    expect(day(ny({ sun: [['01:00', '04:00']] }), ...window)).toEqual([['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']]);
    expect(day(ny({ sun: [['02:30', '05:00']] }), ...window)).toEqual([['2026-03-08T07:30:00.000Z', '2026-03-08T09:00:00.000Z']]);
    expect(day(ny({ sun: [['00:00', '24:00']] }), ...window)).toEqual([['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']]);
    // Both ends in the gap resolve to the same instant order Luxon gives: 02:30 → 03:30 is after 03:00.
    expect(day(ny({ sun: [['02:30', '03:00']] }), ...window)).toEqual([]);
  });

  it('fall-back day: 01:30 is 01:30 EST, and the whole day lasts 25 hours', () => {
    const window = ['2026-11-01T04:00Z', '2026-11-02T05:00Z'] as const;
    expect(day(ny({ sun: [['01:30', '03:00']] }), ...window)).toEqual([['2026-11-01T06:30:00.000Z', '2026-11-01T08:00:00.000Z']]);
    const [whole] = expandWorkingHours(ny({ sun: [['00:00', '24:00']] }), { start: utc(window[0]), end: utc(window[1]) });
    expect(whole.end - whole.start).toBe(25 * HOUR);
  });

  it('an override replaces the weekday hours, and [] closes the day', () => {
    const schedule = ny({ mon: [['09:00', '17:00']] }, [
      { date: '2027-01-04', hours: [] },
      { date: '2027-01-11', hours: [['10:00', '12:00'], ['13:00', '14:00']] },
      { date: '2027-01-16', hours: [['08:00', '09:00']] }, // a Saturday with no weekly hours
    ]);
    expect(day(schedule, '2027-01-04T05:00Z', '2027-01-05T05:00Z')).toEqual([]);
    expect(day(schedule, '2027-01-11T05:00Z', '2027-01-12T05:00Z')).toEqual([
      ['2027-01-11T15:00:00.000Z', '2027-01-11T17:00:00.000Z'],
      ['2027-01-11T18:00:00.000Z', '2027-01-11T19:00:00.000Z'],
    ]);
    expect(day(schedule, '2027-01-16T05:00Z', '2027-01-17T05:00Z')).toEqual([['2027-01-16T13:00:00.000Z', '2027-01-16T14:00:00.000Z']]);
    expect(day(schedule, '2027-01-18T05:00Z', '2027-01-19T05:00Z')).toEqual([['2027-01-18T14:00:00.000Z', '2027-01-18T22:00:00.000Z']]);
  });

  it('"24:00" ends at the next local midnight', () => {
    expect(day(ny({ fri: [['20:00', '24:00']] }), '2027-01-08T05:00Z', '2027-01-09T05:00Z')).toEqual([
      ['2027-01-09T01:00:00.000Z', '2027-01-09T05:00:00.000Z'],
    ]);
  });

  it('returns whole ranges that overlap the window, unclipped, and nothing that does not', () => {
    const schedule = ny({ mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] });
    expect(day(schedule, '2027-01-04T20:00Z', '2027-01-05T14:00Z')).toEqual([['2027-01-04T14:00:00.000Z', '2027-01-04T22:00:00.000Z']]);
    expect(day(schedule, '2027-01-04T22:00Z', '2027-01-05T14:00Z')).toEqual([]);
    expect(day(schedule, '2027-01-04T22:00Z', '2027-01-05T14:01Z')).toEqual([['2027-01-05T14:00:00.000Z', '2027-01-05T22:00:00.000Z']]);
  });
});

describe('expandWorkingHours in other zones', () => {
  it('Europe/London: BST begins (23-hour day) and ends (25-hour day)', () => {
    const london: WorkingSchedule = { zone: 'Europe/London', hours: { sun: [['00:00', '24:00']] } };
    expect(day(london, '2026-03-29T00:00Z', '2026-03-29T23:00Z')).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z']]);
    expect(day(london, '2026-10-24T23:00Z', '2026-10-26T00:00Z')).toEqual([['2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z']]);
    const morning: WorkingSchedule = { zone: 'Europe/London', hours: { sun: [['01:30', '03:00']] } };
    expect(day(morning, '2026-03-29T00:00Z', '2026-03-29T23:00Z')).toEqual([['2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z']]);
    expect(day(morning, '2026-10-24T23:00Z', '2026-10-26T00:00Z')).toEqual([['2026-10-25T01:30:00.000Z', '2026-10-25T03:00:00.000Z']]);
  });

  it('Asia/Kolkata is UTC+05:30 all year', () => {
    const kolkata: WorkingSchedule = { zone: 'Asia/Kolkata', hours: { mon: [['09:00', '17:00']] } };
    expect(day(kolkata, '2027-01-03T18:30Z', '2027-01-04T18:30Z')).toEqual([['2027-01-04T03:30:00.000Z', '2027-01-04T11:30:00.000Z']]);
  });

  it('Asia/Kathmandu is UTC+05:45, and its local date starts at 18:15 UTC the day before', () => {
    const kathmandu: WorkingSchedule = { zone: 'Asia/Kathmandu', hours: { mon: [['00:00', '01:00'], ['09:00', '17:00']] } };
    expect(day(kathmandu, '2027-01-03T18:15Z', '2027-01-04T18:15Z')).toEqual([
      ['2027-01-03T18:15:00.000Z', '2027-01-03T19:15:00.000Z'],
      ['2027-01-04T03:15:00.000Z', '2027-01-04T11:15:00.000Z'],
    ]);
    expect(formatIsoDate(localDayOf(utc('2027-01-03T18:14:59.999Z'), 'Asia/Kathmandu'))).toBe('2027-01-03');
    expect(formatIsoDate(localDayOf(utc('2027-01-03T18:15Z'), 'Asia/Kathmandu'))).toBe('2027-01-04');
  });

  it('finds local dates at the far ends of the offset range (UTC+14, UTC−11)', () => {
    expect(formatIsoDate(localDayOf(utc('2027-01-04T10:00Z'), 'Pacific/Kiritimati'))).toBe('2027-01-05');
    expect(formatIsoDate(localDayOf(utc('2027-01-04T10:00Z'), 'Pacific/Pago_Pago'))).toBe('2027-01-03');
  });

  it('rejects an unknown zone with a domain error', () => {
    expect(() => expandWorkingHours({ zone: 'Mars/Olympus', hours: {} }, { start: 0, end: HOUR })).toThrow(/Unknown time zone/);
  });
});

describe('validation', () => {
  it('parseTimeRange reads HH:MM from 00:00 to 24:00 with start before end', () => {
    expect(parseTimeRange(['09:00', '17:30'])).toEqual({ start: 540, end: 1050 });
    expect(parseTimeRange(['00:00', '24:00'])).toEqual({ start: 0, end: 1440 });
    for (const bad of [['17:00', '09:00'], ['09:00', '09:00'], ['9:00', '10:00'], ['09:60', '10:00'], ['24:00', '24:30'], ['23:00', '24:01'], ['09:00'], 'x', null]) {
      expect(parseTimeRange(bad)).toBeNull();
    }
  });

  it('isValidHours wants weekday keys and non-overlapping valid ranges', () => {
    expect(isValidHours({ mon: [['09:00', '12:00'], ['13:00', '17:00']], sun: [] })).toBe(true);
    expect(isValidHours({})).toBe(true);
    expect(isValidHours({ monday: [['09:00', '12:00']] })).toBe(false);
    expect(isValidHours({ mon: [['09:00', '12:00'], ['11:00', '17:00']] })).toBe(false);
    expect(isValidHours({ mon: [['09:00', '12:00'], ['12:00', '17:00']] })).toBe(true);
    expect(isValidHours([])).toBe(false);
    expect(isValidHours(null)).toBe(false);
  });

  it('isValidOverrides wants real dates, once each', () => {
    expect(isValidOverrides([{ date: '2026-12-24', hours: [] }, { date: '2028-02-29', hours: [['10:00', '12:00']] }])).toBe(true);
    expect(isValidOverrides([{ date: '2026-02-29', hours: [] }])).toBe(false);
    expect(isValidOverrides([{ date: '2026-12-24', hours: [] }, { date: '2026-12-24', hours: [] }])).toBe(false);
    expect(isValidOverrides([{ date: '2026-12-24' }])).toBe(false);
  });

  it('isValidZone accepts IANA names only', () => {
    expect(isValidZone('America/New_York')).toBe(true);
    expect(isValidZone('Asia/Kathmandu')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(isValidZone(42)).toBe(false);
  });
});
