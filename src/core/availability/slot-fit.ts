// The fit rules of DESIGN.md ("Availability, precisely", rules 2, 3 and 5) for one resource, shared
// by the slot search and the booking re-check so the two can never disagree.

import type { Interval, Millis, ResourceCalendar, SlotRules } from '../types.js';
import { expandWorkingHours } from '../time/zoned-days.js';
import { buildResourceBusy, SeatSweep } from './busy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** SlotRules in milliseconds, with the interval defaulted to the duration. */
export interface SlotShape {
  duration: Millis;
  paddingBefore: Millis;
  paddingAfter: Millis;
  /** The part of the padding after that must still end inside working hours. */
  fitAfter: Millis;
  step: Millis;
}

/** null when the rules can produce no slot at all (a duration of zero or less). */
export function slotShape(rules: SlotRules): SlotShape | null {
  if (!(rules.duration > 0)) return null;
  const interval = rules.interval > 0 ? rules.interval : rules.duration;
  const paddingAfter = Math.max(0, rules.paddingAfter) * MINUTE;
  return {
    duration: rules.duration * MINUTE,
    paddingBefore: Math.max(0, rules.paddingBefore) * MINUTE,
    paddingAfter,
    fitAfter: rules.paddingOverflow ? 0 : paddingAfter,
    step: interval * MINUTE,
  };
}

/** Notice and booking window: a start must lie in [earliest, latest], both inclusive. */
export function bookableStarts(now: Millis, rules: Pick<SlotRules, 'minHoursInAdvance' | 'maxDaysInAdvance'>) {
  return { earliest: now + rules.minHoursInAdvance * HOUR, latest: now + rules.maxDaysInAdvance * DAY };
}

/**
 * Seats left at start `s` within working range `range`, or 0 when it does not fit: the duration and
 * padding after must end inside the range (unless padding may overflow), and the padding before
 * only counts inside the range.
 */
export function seatsAt(s: Millis, range: Interval, shape: SlotShape, sweep: SeatSweep): number {
  const hi = s + shape.duration + shape.paddingAfter;
  if (s < range.start || s + shape.duration + shape.fitAfter > range.end) return 0;
  return sweep.seatsLeft(Math.max(s - shape.paddingBefore, range.start), hi);
}

/** Which starts are asked for: s ≥ first, s < to, s ≤ last. */
export interface StartWindow {
  first: Millis;
  to: Millis;
  last: Millis;
}

/** Receives a resource's free starts, strictly increasing, with the seats left at each. */
export interface FreeStartSink {
  add(start: Millis, seatsLeft: number): void;
}

/** Every free grid start of `resource` in `starts`, in order; a start on two overlapping ranges counts once. */
export function collectFreeStarts(resource: ResourceCalendar, shape: SlotShape, starts: StartWindow, sink: FreeStartSink): void {
  const startsEnd = Math.min(starts.to, starts.last + 1);
  const ranges = expandWorkingHours(resource, { start: starts.first, end: startsEnd });
  if (ranges.length === 0) return;
  const busyWindow = { start: starts.first - shape.paddingBefore, end: startsEnd + shape.duration + shape.paddingAfter };
  const sweep = new SeatSweep(buildResourceBusy(resource, busyWindow));
  // Overlapping ranges (overlapping hours, or DST oddities) interleave their grids: order them first.
  const target = rangesOverlap(ranges) ? new OrderingSink(sink) : sink;

  for (const range of ranges) {
    // The grid is anchored at the range start even when the window opens later.
    let s = range.start;
    if (s < starts.first) s += Math.ceil((starts.first - s) / shape.step) * shape.step;
    const lastStart = Math.min(range.end - shape.duration - shape.fitAfter, starts.last);
    for (; s <= lastStart && s < starts.to; s += shape.step) {
      const seats = seatsAt(s, range, shape, sweep);
      if (seats > 0) target.add(s, seats);
    }
  }
  if (target instanceof OrderingSink) target.flush();
}

const rangesOverlap = (sorted: Interval[]): boolean => sorted.some((r, i) => i > 0 && r.start < sorted[i - 1].end);

/** Buffers starts in any order, then hands them on sorted, each once with its best seats. */
class OrderingSink implements FreeStartSink {
  private readonly best = new Map<Millis, number>();
  constructor(private readonly next: FreeStartSink) {}
  add(start: Millis, seatsLeft: number): void {
    this.best.set(start, Math.max(seatsLeft, this.best.get(start) ?? 0));
  }
  flush(): void {
    for (const [start, seats] of [...this.best].sort((a, b) => a[0] - b[0])) this.next.add(start, seats);
  }
}

/** Seats left for one resource at `start` (0 if it does not fit); ignores notice and window. */
export function seatsForStart(resource: ResourceCalendar, shape: SlotShape, start: Millis, onGrid: boolean): number {
  const ranges = expandWorkingHours(resource, { start, end: start + 1 });
  if (ranges.length === 0) return 0;
  const busyWindow = { start: start - shape.paddingBefore, end: start + shape.duration + shape.paddingAfter };
  const sweep = new SeatSweep(buildResourceBusy(resource, busyWindow));
  let best = 0;
  for (const range of ranges) {
    if (onGrid && (start - range.start) % shape.step !== 0) continue;
    best = Math.max(best, seatsAt(start, range, shape, sweep));
  }
  return best;
}
