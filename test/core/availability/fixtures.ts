// Small builders shared by the availability tests. Times are written in New York wall time on
// Monday 2027-01-04 (EST, UTC−5) unless a test says otherwise.

import type { ResourceCalendar, SlotRules } from '../../../src/core/types.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** "09:30" on 2027-01-04 in New York, as epoch ms. */
export const ny = (hhmm: string, date = '2027-01-04'): number => Date.parse(`${date}T${hhmm}:00-05:00`);
export const nyTimes = (starts: number[]): string[] =>
  starts.map((s) => new Date(s - 5 * HOUR).toISOString().slice(11, 16));

export const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  duration: 30,
  interval: 15,
  paddingBefore: 0,
  paddingAfter: 0,
  minHoursInAdvance: 0,
  maxDaysInAdvance: 365,
  ...overrides,
});

export const calendar = (overrides: Partial<ResourceCalendar> = {}): ResourceCalendar => ({
  id: 1,
  zone: 'America/New_York',
  hours: { mon: [['09:00', '17:00']] },
  overrides: [],
  capacity: 1,
  appointments: [],
  blocks: [],
  ...overrides,
});

export const appointment = (start: string, end: string, paddingBefore = 0, paddingAfter = 0) => ({
  start: ny(start),
  end: ny(end),
  paddingBefore,
  paddingAfter,
});

/** `now` well before the test day, so notice and window never get in the way unless asked. */
export const LONG_AGO = Date.parse('2026-12-01T00:00:00Z');
