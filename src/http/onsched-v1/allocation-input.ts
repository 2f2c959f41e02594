// A v1 service allocation as an OpenSlot weekly allocation: the resource, military start and end
// times, and the weekdays of a weekly repeat (.NET's digits, Sunday 0: "12345" is Monday to Friday).
// v1 keeps one time range for all of an allocation's weekdays: it becomes one window per weekday.
import type { Static } from '@sinclair/typebox';
import { WEEKDAYS, type Weekday } from '../../core/types.js';
import type { AllocationView, WeeklyAllocationInput } from '../../services/catalog/weekly-allocations.js';
import { invalid, militaryMinutes, optionalKey } from './request.js';
import type { ServiceAllocationInputModel } from './schemas/setup-input-models.js';

const BY_DIGIT: Record<string, Weekday> = { 0: 'sun', 1: 'mon', 2: 'tue', 3: 'wed', 4: 'thu', 5: 'fri', 6: 'sat' };
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function weekdaysOf(text: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of text.toLowerCase().split(/[\s,;]+/).filter(Boolean)) {
    const named = WEEKDAYS.find((d) => part.startsWith(d));
    if (named) { days.add(named); continue; }
    for (const ch of part) {
      if (!(ch in BY_DIGIT)) throw invalid('repeat.weekdays', `repeat.weekdays "${text}" must list weekdays as digits (0 = Sunday … 6 = Saturday) or names`);
      days.add(BY_DIGIT[ch]);
    }
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

const DIGIT_OF: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The weekly allocation a v1 body describes; on an update, what it leaves out is kept from `existing`. */
export function allocationInput(b: Static<typeof ServiceAllocationInputModel>, existing?: AllocationView): WeeklyAllocationInput {
  if (b.repeats === false || (b.repeat?.frequency && !/^w/i.test(b.repeat.frequency))) {
    throw invalid('repeats', 'Only weekly allocations (repeats with frequency W) are kept; set resource blocks for one-off closures');
  }
  const allDay = b.allDay === true;
  const first = existing?.windows[0];
  const start = allDay ? 0 : b.startTime !== undefined && b.startTime !== null ? militaryMinutes(b.startTime, 'startTime') : first ? minutesOf(first.startTime) : undefined;
  const end = allDay ? 1440 : b.endTime !== undefined && b.endTime !== null ? militaryMinutes(b.endTime, 'endTime') : first ? minutesOf(first.endTime) : undefined;
  if (start === undefined || end === undefined) throw invalid(start === undefined ? 'startTime' : 'endTime', 'startTime and endTime are required (military, e.g. 900 and 1700)');
  const days = b.repeat?.weekdays ? weekdaysOf(b.repeat.weekdays).map((d) => DIGIT_OF[d])
    : existing ? [...new Set(existing.windows.map((w) => w.dayOfWeek))] : WEEKDAYS.map((d) => DIGIT_OF[d]);
  if (days.length === 0) throw invalid('repeat.weekdays', 'repeat.weekdays names no day');
  return {
    resourceKey: optionalKey(b.resourceId, 'resourceId'),
    windows: days.map((dayOfWeek) => ({ dayOfWeek, startTime: clock(start), endTime: clock(end) })),
  };
}
