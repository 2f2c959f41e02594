// An independent, deliberately naive model of DESIGN.md "Availability, precisely", used as the
// oracle for the property tests. It shares no code with src/: wall times come from Intl (not
// Luxon) by formatting every UTC minute, and busyness is checked minute by minute.
//
// Wall-time resolution follows the examples DESIGN.md gives for Luxon: a repeated wall time is the
// later instant (New York 01:30 on the fall-back day is 01:30 EST); a wall time in a gap is shifted
// forward by the gap (02:30 on the spring-forward day is 03:30 EDT).

import type { Millis, ResourceCalendar, Slot, SlotRules, TimeRange } from '../../../src/core/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** "YYYY-MM-DD HH:MM" on the wall clock of `zone` at `instant`. */
export function wallClock(instant: Millis, zone: string): string {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00Z`) + days * DAY).toISOString().slice(0, 10);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

// Every UTC minute whose wall clock shows `date`, grouped by the wall time shown.
const instantsByWallTime = new Map<string, Map<string, Millis[]>>();
function instantsOn(date: string, zone: string): Map<string, Millis[]> {
  const key = `${zone} ${date}`;
  let byWall = instantsByWallTime.get(key);
  if (!byWall) {
    byWall = new Map();
    const midnightUtc = Date.parse(`${date}T00:00Z`);
    for (let t = midnightUtc - 15 * HOUR; t < midnightUtc + DAY + 15 * HOUR; t += MINUTE) {
      const wall = wallClock(t, zone);
      if (wall.startsWith(date)) byWall.set(wall, [...(byWall.get(wall) ?? []), t]);
    }
    instantsByWallTime.set(key, byWall);
  }
  return byWall;
}

/** The instant of wall time `minute` (0–1440) on `date` in `zone`. */
export function wallToUtc(date: string, minute: number, zone: string): Millis {
  if (minute >= 1440) return wallToUtc(addDays(date, 1), minute - 1440, zone);
  const byWall = instantsOn(date, zone);
  for (let earlier = minute; earlier >= 0; earlier--) {
    const instants = byWall.get(`${date} ${hhmm(earlier)}`);
    if (instants) return instants[instants.length - 1] + (minute - earlier) * MINUTE;
  }
  throw new Error(`no wall time at or before ${date} ${hhmm(minute)} in ${zone}`);
}

function hoursOf(resource: ResourceCalendar, date: string): TimeRange[] {
  const override = resource.overrides.find((o) => o.date === date);
  if (override) return override.hours;
  return resource.hours[WEEKDAY_KEYS[new Date(`${date}T00:00Z`).getUTCDay()]] ?? [];
}

/** Working ranges of the local dates from `firstDate` to `lastDate`. */
export function workingRanges(resource: ResourceCalendar, firstDate: string, lastDate: string) {
  const ranges: { start: Millis; end: Millis }[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const [from, to] of hoursOf(resource, date)) {
      const start = wallToUtc(date, minutesOf(from), resource.zone);
      const end = wallToUtc(date, minutesOf(to), resource.zone);
      if (start < end) ranges.push({ start, end });
    }
  }
  return ranges;
}

const occurrencesOf = new WeakMap<ResourceCalendar, { start: Millis; end: Millis }[]>();
function blockOccurrences(resource: ResourceCalendar): { start: Millis; end: Millis }[] {
  const known = occurrencesOf.get(resource);
  if (known) return known;
  const occurrences = [...(resource.external ?? [])];
  for (const block of resource.blocks) {
    occurrences.push({ start: block.start, end: block.end });
    if (!block.weekly) continue;
    const [startDate, startTime] = wallClock(block.start, resource.zone).split(' ');
    const [endDate, endTime] = wallClock(block.end, resource.zone).split(' ');
    for (let week = 1; week <= 6; week++) {
      const start = wallToUtc(addDays(startDate, 7 * week), minutesOf(startTime), resource.zone);
      if (block.until != null && start >= block.until) break;
      occurrences.push({ start, end: wallToUtc(addDays(endDate, 7 * week), minutesOf(endTime), resource.zone) });
    }
  }
  occurrencesOf.set(resource, occurrences);
  return occurrences;
}

/** Seats left over [lo, hi), walking it minute by minute (all test times are whole minutes). */
function seatsOver(resource: ResourceCalendar, lo: Millis, hi: Millis): number {
  const blocks = blockOccurrences(resource);
  const overlapping = new Set<number>();
  for (let m = lo; m < hi; m += MINUTE) {
    if (blocks.some((b) => b.start <= m && m < b.end)) return 0;
    resource.appointments.forEach((a, i) => {
      if (a.start - a.paddingBefore * MINUTE <= m && m < a.end + a.paddingAfter * MINUTE) overlapping.add(i);
    });
  }
  return Math.max(0, resource.capacity - overlapping.size);
}

interface Reference {
  now: Millis;
  rules: SlotRules;
  /** Local dates to consider, inclusive. */
  firstDate: string;
  lastDate: string;
}

function seatsAtStart(resource: ResourceCalendar, range: { start: Millis; end: Millis }, s: Millis, rules: SlotRules): number {
  const hi = s + (rules.duration + rules.paddingAfter) * MINUTE;
  if (s < range.start || hi > range.end) return 0;
  return seatsOver(resource, Math.max(s - rules.paddingBefore * MINUTE, range.start), hi);
}

const bookable = (s: Millis, now: Millis, rules: SlotRules) =>
  s >= now + rules.minHoursInAdvance * HOUR && s <= now + rules.maxDaysInAdvance * DAY;

export function bruteForceSlots(resources: ResourceCalendar[], from: Millis, to: Millis, ref: Reference): Slot[] {
  const { rules } = ref;
  const step = (rules.interval > 0 ? rules.interval : rules.duration) * MINUTE;
  const bySlot = new Map<Millis, Slot>();
  for (const resource of [...resources].sort((a, b) => a.id - b.id)) {
    for (const range of workingRanges(resource, ref.firstDate, ref.lastDate)) {
      for (let s = range.start; s + (rules.duration + rules.paddingAfter) * MINUTE <= range.end; s += step) {
        if (s < from || s >= to || !bookable(s, ref.now, rules)) continue;
        const seats = seatsAtStart(resource, range, s, rules);
        if (seats === 0) continue;
        const slot = bySlot.get(s) ?? { start: s, end: s + rules.duration * MINUTE, resourceIds: [], seatsLeft: 0 };
        bySlot.set(s, slot);
        if (slot.resourceIds.includes(resource.id)) continue;
        slot.resourceIds.push(resource.id);
        slot.seatsLeft += seats;
      }
    }
  }
  return [...bySlot.values()].sort((a, b) => a.start - b.start);
}

/** checkSlot's answer for an arbitrary (possibly off-grid) start. */
export function bruteForceCheck(resource: ResourceCalendar, s: Millis, onGrid: boolean, ref: Reference) {
  const { rules, now } = ref;
  if (s < now + rules.minHoursInAdvance * HOUR) return 'too_soon';
  if (s > now + rules.maxDaysInAdvance * DAY) return 'too_far';
  const step = (rules.interval > 0 ? rules.interval : rules.duration) * MINUTE;
  const fits = workingRanges(resource, ref.firstDate, ref.lastDate).some(
    (range) => (!onGrid || (s - range.start) % step === 0) && seatsAtStart(resource, range, s, rules) > 0,
  );
  return fits ? null : 'slot_unavailable';
}

export { addDays };
