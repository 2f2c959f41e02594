// What makes a resource busy (DESIGN.md rule 4), shaped for fast questions of the form "how many
// seats are left over [lo, hi)?" asked in increasing order by the slot sweep.

import type { Block, Interval, Millis, ResourceCalendar } from '../types.js';
import { localWallTimeOf, wallTimeToEpoch } from '../time/wall-clock.js';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

export interface ResourceBusy {
  capacity: number;
  /**
   * Blocks and external ranges (and, with one seat, the appointments too), merged into disjoint
   * sorted ranges held as parallel start/end arrays: touching any of them leaves no seat at all.
   */
  blockedStarts: number[];
  blockedEnds: number[];
  /** With more than one seat: padded live appointments, starts and ends each sorted on their own. */
  appointmentStarts: number[];
  appointmentEnds: number[];
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

const byValue = (a: number, b: number): number => a - b;

/** Everything in `resource` that can make it busy somewhere in `window`. */
export function buildResourceBusy(resource: ResourceCalendar, window: Interval): ResourceBusy {
  const blocked: number[] = []; // start, end, start, end, …
  const addBlocked = (start: Millis, end: Millis) => {
    if (start < end && start < window.end && end > window.start) blocked.push(start, end);
  };
  for (const block of resource.blocks) for (const o of expandBlock(block, resource.zone, window)) addBlocked(o.start, o.end);
  for (const range of resource.external ?? []) addBlocked(range.start, range.end);

  // With one seat, any appointment is as good as a block; folding them in leaves the sweep a single
  // list to walk, which is the common case and the hot loop.
  const countSeparately = resource.capacity > 1;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const appointment of resource.appointments) {
    // Each appointment carries its own paddings: they add to the slot's, never overlap them.
    const start = appointment.start - appointment.paddingBefore * MINUTE;
    const end = appointment.end + appointment.paddingAfter * MINUTE;
    if (!countSeparately) addBlocked(start, end);
    else if (start < end && start < window.end && end > window.start) {
      starts.push(start);
      ends.push(end);
    }
  }
  const merged = mergeRanges(blocked);
  return {
    capacity: resource.capacity,
    blockedStarts: merged.starts,
    blockedEnds: merged.ends,
    appointmentStarts: starts.sort(byValue),
    appointmentEnds: ends.sort(byValue),
  };
}

/** Flat [start, end, …] pairs merged into disjoint sorted ranges (touching ones joined). */
function mergeRanges(pairs: number[]): { starts: number[]; ends: number[] } {
  let sorted = pairs;
  for (let i = 2; i < pairs.length; i += 2) {
    // Stored appointments usually arrive sorted by start; only sort when they do not.
    if (pairs[i] < pairs[i - 2]) {
      const order = [];
      for (let k = 0; k < pairs.length; k += 2) order.push(k);
      order.sort((x, y) => pairs[x] - pairs[y]);
      sorted = order.flatMap((k) => [pairs[k], pairs[k + 1]]);
      break;
    }
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < sorted.length; i += 2) {
    const last = ends.length - 1;
    if (last >= 0 && sorted[i] <= ends[last]) {
      if (sorted[i + 1] > ends[last]) ends[last] = sorted[i + 1];
    } else {
      starts.push(sorted[i]);
      ends.push(sorted[i + 1]);
    }
  }
  return { starts, ends };
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
  private readonly capacity: number;
  private readonly blockedStarts: number[];
  private readonly blockedEnds: number[];
  private readonly starts: number[];
  private readonly ends: number[];
  private lastLo = -Infinity;
  private lastHi = -Infinity;
  private firstBlockEndingAfterLo = 0;
  private startedBeforeHi = 0;
  private endedByLo = 0;

  constructor(busy: ResourceBusy) {
    this.capacity = busy.capacity;
    this.blockedStarts = busy.blockedStarts;
    this.blockedEnds = busy.blockedEnds;
    this.starts = busy.appointmentStarts;
    this.ends = busy.appointmentEnds;
  }

  seatsLeft(lo: Millis, hi: Millis): number {
    if (lo < this.lastLo || hi < this.lastHi) this.firstBlockEndingAfterLo = this.startedBeforeHi = this.endedByLo = 0;
    this.lastLo = lo;
    this.lastHi = hi;

    const blockedEnds = this.blockedEnds;
    let b = this.firstBlockEndingAfterLo;
    while (b < blockedEnds.length && blockedEnds[b] <= lo) b++;
    this.firstBlockEndingAfterLo = b;
    if (b < blockedEnds.length && this.blockedStarts[b] < hi) return 0;

    const starts = this.starts;
    if (starts.length === 0) return Math.max(0, this.capacity);
    let started = this.startedBeforeHi;
    while (started < starts.length && starts[started] < hi) started++;
    this.startedBeforeHi = started;
    const ends = this.ends;
    let ended = this.endedByLo;
    while (ended < ends.length && ends[ended] <= lo) ended++;
    this.endedByLo = ended;
    return Math.max(0, this.capacity - (started - ended));
  }
}
