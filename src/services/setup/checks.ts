// What the schema cannot say about a setup document: real time zones, hour ranges that run
// forwards, dates that exist, instants that parse. Each failure names the path of the bad value.
import { DateTime } from 'luxon';
import { DomainError } from '../../core/errors.js';
import { WEEKDAYS, type DateOverride, type WeeklyHours } from '../../core/types.js';
import { isValidZone, isValidDayHours } from '../../core/time/zoned-days.js';
import { parseIsoDate } from '../../core/time/civil-date.js';
import { parseMoney } from '../../core/booking/index.js';

const invalid = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });

export function checkZone(zone: string | undefined, path: string): string | undefined {
  if (zone !== undefined && !isValidZone(zone)) throw invalid(path, `${path} "${zone}" is not an IANA time zone`, zone);
  return zone;
}

export function checkHours(hours: WeeklyHours | undefined, path: string): WeeklyHours {
  for (const day of WEEKDAYS) {
    const ranges = hours?.[day];
    if (ranges && !isValidDayHours(ranges)) throw invalid(`${path}.${day}`, `${path}.${day} must be ordered, non-overlapping [start, end] ranges with start before end`);
  }
  return hours ?? {};
}

export function checkOverrides(overrides: DateOverride[] | undefined, path: string): DateOverride[] {
  (overrides ?? []).forEach((o, i) => {
    if (parseIsoDate(o.date) === null) throw invalid(`${path}[${i}].date`, `${path}[${i}].date "${o.date}" is not a date`);
    if (!isValidDayHours(o.hours)) throw invalid(`${path}[${i}].hours`, `${path}[${i}].hours must be ordered ranges with start before end`);
  });
  return overrides ?? [];
}

/** An ISO instant; one without an offset is read in `zone`. */
export function checkInstant(text: string, zone: string, path: string): number {
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) throw invalid(path, `${path} "${text}" is not an ISO 8601 date-time`, text);
  return parsed.toMillis();
}

export function checkMoney(value: string | number | undefined, path: string): number {
  if (value === undefined) return 0;
  try {
    return parseMoney(typeof value === 'number' ? value.toFixed(2) : value);
  } catch {
    throw invalid(path, `${path} "${value}" is not an amount of money`, value);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function checkEmail(email: string | undefined, path: string): string | null {
  if (email === undefined) return null;
  if (!EMAIL.test(email)) throw invalid(path, `${path} "${email}" is not an email address`, email);
  return email;
}
