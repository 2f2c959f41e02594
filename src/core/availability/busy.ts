// What makes a resource busy (DESIGN.md rule 4), shaped for fast questions of the form "how many
// seats are left over [lo, hi)?" asked in increasing order by the slot sweep.

import type { Block, Interval, Millis, ResourceCalendar } from '../types.js';
import { normalize } from '../time/intervals.js';
import { localWallTimeOf, wallTimeToEpoch } from '../time/wall-clock.js';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

export interface ResourceBusy {
  capacity: number;
  /** Blocks and external ranges, normalized: touching any of them leaves no seat at all. */
  blocked: Interval[];
  /** Padded live appointments, starts and ends each sorted on their own, for counting overlaps. */
  appointmentStarts: Float64Array;
  appointmentEnds: Float64Array;
}

function instantOnShiftedDay(wall: { day: number; msOfDay: number }, days: number, zone: string): Millis {
  const minute = Math.floor(wall.msOfDay / MINUTE);
  return wallTimeToEpoch(zone, wall.day + days, minute) + (wall.msOfDay - minute * MINUTE);
}

/**
 * The occurrences of a block that overlap `window`. A weekly block repeats at the same local wall
 * time (not the same UTC time) every 7 days, resolved like working hours across DST; repeats
 * starting at or after `until` are dropped (the original occurrence always stands).
 */
export function expandBlock(block: Block, zone: string, window: Interval): Interval[] {
  if (block.end <= block.start) return [];
  if (!block.weekly) return block.start < window.end && block.end > window.start ? [{ start: block.start, end: block.end }] : [];

  const startWall = localWallTimeOf(block.start, zone);
  const endWall = localWallTimeOf(block.end, zone);
  const until = block.until ?? Infinity;
  // Jump straight to the first week near the window; one week of slack covers any DST drift.
  let week = Math.max(0, Math.floor((window.start - block.end) / WEEK) - 1);
  const occurrences: Interval[] = [];
  for (; ; week++) {
    const start = week === 0 ? block.start : instantOnShiftedDay(startWall, 7 * week, zone);
    if (start >= window.end || (week > 0 && start >= until)) break;
    const end = week === 0 ? block.end : instantOnShiftedDay(endWall, 7 * week, zone);
    if (end > window.start && end > start) occurrences.push({ start, end });
  }
  return occurrences;
}

/** Everything in `resource` that can make it busy somewhere in `window`. */
export function buildResourceBusy(resource: ResourceCalendar, window: Interval): ResourceBusy {
  const hard: Interval[] = [];
  for (const block of resource.blocks) hard.push(...expandBlock(block, resource.zone, window));
  for (const range of resource.external ?? []) {
    if (range.start < window.end && range.end > window.start) hard.push(range);
  }

  // With one seat, any appointment is as good as a block; folding them in leaves the sweep a single
  // list to walk, which is the common case and the hot loop.
  const countSeparately = resource.capacity > 1;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const appointment of resource.appointments) {
    // Each appointment carries its own paddings: they add to the slot's, never overlap them.
    const start = appointment.start - appointment.paddingBefore * MINUTE;
    const end = appointment.end + appointment.paddingAfter * MINUTE;
    if (start >= end || start >= window.end || end <= window.start) continue;
    if (countSeparately) {
      starts.push(start);
      ends.push(end);
    } else {
      hard.push({ start, end });
    }
  }
  return {
    capacity: resource.capacity,
    blocked: normalize(hard),
    appointmentStarts: Float64Array.from(starts).sort(),
    appointmentEnds: Float64Array.from(ends).sort(),
  };
}

/**
 * Answers "how many seats are left over [lo, hi)?" (0 when anything blocks it) in amortised O(1)
 * while lo and hi never decrease, the order the slot sweep asks in; it rewinds when they do, so
 * any order is still answered correctly.
 *
 * Appointments overlapping [lo, hi) = (those starting before hi) − (those ending by lo): one that
 * ends by lo also starts before hi, so the second set lies inside the first.
 */
export class SeatSweep {
  private lastLo = -Infinity;
  private lastHi = -Infinity;
  private firstBlockEndingAfterLo = 0;
  private startedBeforeHi = 0;
  private endedByLo = 0;

  constructor(private readonly busy: ResourceBusy) {}

  seatsLeft(lo: Millis, hi: Millis): number {
    if (lo < this.lastLo || hi < this.lastHi) this.firstBlockEndingAfterLo = this.startedBeforeHi = this.endedByLo = 0;
    this.lastLo = lo;
    this.lastHi = hi;
    const { blocked, appointmentStarts: starts, appointmentEnds: ends, capacity } = this.busy;

    let b = this.firstBlockEndingAfterLo;
    while (b < blocked.length && blocked[b].end <= lo) b++;
    this.firstBlockEndingAfterLo = b;
    if (b < blocked.length && blocked[b].start < hi) return 0;
    if (starts.length === 0) return Math.max(0, capacity);

    let started = this.startedBeforeHi;
    while (started < starts.length && starts[started] < hi) started++;
    this.startedBeforeHi = started;
    let ended = this.endedByLo;
    while (ended < ends.length && ends[ended] <= lo) ended++;
    this.endedByLo = ended;
    return Math.max(0, capacity - (started - ended));
  }
}
