// Weekly hours in v1's form: one {startTime, endTime} per weekday as military integers
// (900 = 09:00, 1700 = 17:00), a closed day {0, 0}; OpenSlot keeps "HH:MM" ranges per weekday.
import { WEEKDAYS, type Weekday, type WeeklyHours } from '../../core/types.js';
import { invalid, military, militaryMinutes } from './request.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Each weekday's span from its first start to its last end (v1 has one range per day). */
export function v1Hours(hours: WeeklyHours) {
  return Object.fromEntries(WEEKDAYS.map((day) => {
    const ranges = hours[day] ?? [];
    if (!ranges.length) return [day, { startTime: 0, endTime: 0, isOpen: false, is24Hours: false }];
    const start = minutesOf(ranges[0][0]);
    const end = minutesOf(ranges[ranges.length - 1][1]);
    return [day, { startTime: military(start), endTime: military(end), isOpen: true, is24Hours: start === 0 && end === 1440 }];
  })) as Record<Weekday, { startTime: number; endTime: number; isOpen: boolean; is24Hours: boolean }>;
}

type DayInput = { startTime?: number | null; endTime?: number | null; isOpen?: boolean | null; is24Hours?: boolean | null } | null | undefined;

/**
 * v1's weekly form as OpenSlot hours. Days the input leaves out keep `current`; {0, 0} (or equal
 * times) closes a day; 0 to 2400 is the whole day.
 */
export function hoursFromV1(input: Partial<Record<Weekday, DayInput>>, current: WeeklyHours = {}): WeeklyHours {
  const out: WeeklyHours = { ...current };
  for (const day of WEEKDAYS) {
    const d = input[day];
    if (d === undefined || d === null) continue;
    if (d.isOpen === false) { out[day] = []; continue; }
    if (d.is24Hours === true) { out[day] = [['00:00', '24:00']]; continue; }
    if (d.startTime === undefined || d.startTime === null || d.endTime === undefined || d.endTime === null) throw invalid(`${day}`, `${day} needs startTime and endTime (military, e.g. 900 and 1700)`);
    const start = militaryMinutes(d.startTime, `${day}.startTime`);
    const end = militaryMinutes(d.endTime, `${day}.endTime`);
    if (start === end) { out[day] = []; continue; }
    if (end < start) throw invalid(`${day}.endTime`, `${day}.endTime must be after ${day}.startTime`);
    out[day] = [[clock(start), clock(end)]];
  }
  return out;
}
