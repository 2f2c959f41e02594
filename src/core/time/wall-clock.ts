// Local wall-clock time ↔ UTC instants in an IANA zone. Gaps and repeats resolve exactly as
// Luxon's DateTime.fromObject(local, {zone}) does (New York: 02:30 on the spring-forward day is
// 03:30 EDT; 01:30 on the fall-back day is 01:30 EST), because DESIGN.md makes that the rule.

import { DateTime, IANAZone } from 'luxon';
import { DomainError } from '../errors.js';
import type { Millis } from '../types.js';
import { civilDateOf, dayNumberOf, type DayNumber } from './civil-date.js';

export const MINUTES_PER_DAY = 1440;

// Fifty resources sharing one zone and one set of hours ask for the same few wall times over and
// over; Luxon costs microseconds per call, a Map hit nanoseconds. The answer for (zone, date, time)
// never changes, so memoising is safe; the cap only bounds memory, and clearing is the simplest
// eviction that keeps it bounded.
const MAX_MEMOISED = 200_000;
const memo = new Map<string, Map<number, Millis>>();
let memoised = 0;

function zoneMemo(zone: string): Map<number, Millis> {
  let byWallTime = memo.get(zone);
  if (byWallTime === undefined) {
    if (!IANAZone.isValidZone(zone)) {
      throw new DomainError('invalid_input', { message: `Unknown time zone "${zone}".`, field: 'timezone', value: zone });
    }
    byWallTime = new Map();
    memo.set(zone, byWallTime);
  }
  return byWallTime;
}

/**
 * The instant at which the wall clock in `zone` reads `minuteOfDay` minutes past midnight on local
 * date `day`. 1440 means the next local midnight (an end written "24:00").
 */
export function wallTimeToEpoch(zone: string, day: DayNumber, minuteOfDay: number): Millis {
  const byWallTime = zoneMemo(zone);
  const key = day * (MINUTES_PER_DAY + 1) + minuteOfDay;
  const cached = byWallTime.get(key);
  if (cached !== undefined) return cached;

  const date = civilDateOf(minuteOfDay >= MINUTES_PER_DAY ? day + 1 : day);
  const minute = minuteOfDay % MINUTES_PER_DAY;
  const epoch = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone },
  ).toMillis();

  if (memoised >= MAX_MEMOISED) {
    memo.clear();
    memoised = 0;
    memo.set(zone, byWallTime);
    byWallTime.clear();
  }
  byWallTime.set(key, epoch);
  memoised++;
  return epoch;
}

export interface LocalWallTime {
  day: DayNumber;
  /** Milliseconds since local midnight as the wall clock shows them (not elapsed time). */
  msOfDay: number;
}

/** What the wall clock in `zone` reads at `instant`. */
export function localWallTimeOf(instant: Millis, zone: string): LocalWallTime {
  zoneMemo(zone); // validates the zone with a clear error rather than an invalid DateTime
  const local = DateTime.fromMillis(instant, { zone });
  return {
    day: dayNumberOf(local.year, local.month, local.day),
    msOfDay: ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond,
  };
}

const DAY_MS = 86_400_000;

/**
 * The local date in `zone` at `instant`: the last date whose midnight (resolved like any wall time)
 * is not after it. Built on the memoised wall times rather than Luxon, because every resource of
 * every query asks this for the same two window edges.
 */
export function localDayOf(instant: Millis, zone: string): DayNumber {
  // Offsets stay within ±1 day, so the answer is within a day of the UTC date.
  let day = Math.floor(instant / DAY_MS) + 2;
  while (wallTimeToEpoch(zone, day, 0) > instant) day--;
  return day;
}

export const isValidZone = (zone: unknown): zone is string =>
  typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
