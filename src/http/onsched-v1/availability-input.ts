// v1 availability parameters turned into what findAvailability takes: the zone dates are read in
// (timezoneName, else tzOffset minutes, else the location's), the window, round-robin digits.
import { DateTime, FixedOffsetZone } from 'luxon';
import type { RoundRobin } from '../../core/types.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import { invalid } from './request.js';

/** v1's numeric round robin: 0 none, 1 random, 2 balanced. */
const ROUND_ROBIN: Record<string, RoundRobin> = { '0': 'NONE', '1': 'RANDOM', '2': 'BALANCED', none: 'NONE', random: 'RANDOM', balanced: 'BALANCED' };

export function roundRobinOf(value: string | undefined): RoundRobin | undefined {
  if (value === undefined || value === '') return undefined;
  const mode = ROUND_ROBIN[value.toLowerCase()];
  if (!mode) throw invalid('roundRobin', `roundRobin "${value}" must be 0 (none), 1 (random) or 2 (balanced)`);
  return mode;
}

/** The zone the client asked for, or undefined for "the location's". */
export function requestedZone(timezoneName: string | undefined, tzOffset: number | undefined): string | undefined {
  if (timezoneName) {
    if (!isValidZone(timezoneName)) throw invalid('timezoneName', `timezoneName "${timezoneName}" is not an IANA time zone`);
    return timezoneName;
  }
  if (tzOffset === undefined) return undefined;
  if (Math.abs(tzOffset) > 14 * 60) throw invalid('tzOffset', `tzOffset ${tzOffset} must be minutes from UTC, from -840 to 840`);
  return FixedOffsetZone.instance(tzOffset).name;
}

/** A v1 date (YYYY-MM-DD, or a date-time whose date part counts) as a local day in `zone`. */
export function dayIn(text: string, zone: string, field: string): DateTime {
  const parsed = DateTime.fromISO(text.slice(0, 10), { zone });
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || !parsed.isValid) throw invalid(field, `${field} "${text}" is not a date (YYYY-MM-DD)`);
  return parsed.startOf('day');
}

/** [start of startDate, start of the day after endDate) in `zone`: v1's end date is inclusive. */
export function windowOf(startDate: string, endDate: string, zone: string): { first: DateTime; last: DateTime; from: number; to: number } {
  const first = dayIn(startDate, zone, 'startDate');
  const last = dayIn(endDate, zone, 'endDate');
  if (last < first) throw invalid('endDate', 'endDate must not be before startDate');
  return { first, last, from: first.toMillis(), to: last.plus({ days: 1 }).toMillis() };
}

/** Each local date from `first` to `last`, inclusive. */
export function datesBetween(first: DateTime, last: DateTime): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last && dates.length < 400; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
  return dates;
}
