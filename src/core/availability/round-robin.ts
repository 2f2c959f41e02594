// Which of the free resources a booking goes to. The reason string is stored on the booking so
// that "why did Bob get this one?" has an answer later.

import type { Millis, RoundRobin } from '../types.js';
import { weekdayIndexOf } from '../time/civil-date.js';
import { localDayOf, wallTimeToEpoch } from '../time/wall-clock.js';

/** A live appointment, as far as balancing cares. */
export interface BookingHistory {
  resourceId: number;
  start: Millis;
  createdAt: Millis;
}

export interface RoundRobinContext {
  /** The resources a COMBINED booking needs, all at once. */
  requested: number[];
  history: BookingHistory[];
  /** The zone whose local week (Monday 00:00 to the next Monday 00:00) BALANCED counts in. */
  zone: string;
  /** [0, 1), like Math.random; injected so choices are reproducible in tests. */
  random: () => number;
}

export interface ResourceChoice {
  resourceIds: number[];
  reason: string;
}

export type ChooseResources = (mode: RoundRobin, free: readonly number[], slotStart: Millis) => ResourceChoice | null;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A chooser bound to one history, for scoring many slots: week counts are computed once per local
 * week and the last-booked times once in all.
 */
export function createRoundRobin(ctx: RoundRobinContext): ChooseResources {
  const countsByWeek = new Map<number, Map<number, number>>();
  let lastBooked: Map<number, Millis> | undefined;

  function bookingsInWeekOf(slotStart: Millis): Map<number, number> {
    const day = localDayOf(slotStart, ctx.zone);
    const monday = day - weekdayIndexOf(day);
    let counts = countsByWeek.get(monday);
    if (counts === undefined) {
      const weekStart = wallTimeToEpoch(ctx.zone, monday, 0);
      const weekEnd = wallTimeToEpoch(ctx.zone, monday + 7, 0);
      counts = new Map();
      for (const h of ctx.history) {
        if (h.start >= weekStart && h.start < weekEnd) counts.set(h.resourceId, (counts.get(h.resourceId) ?? 0) + 1);
      }
      countsByWeek.set(monday, counts);
    }
    return counts;
  }

  function lastBookedAt(resourceId: number): Millis {
    if (lastBooked === undefined) {
      lastBooked = new Map();
      for (const h of ctx.history) {
        if (h.createdAt > (lastBooked.get(h.resourceId) ?? -Infinity)) lastBooked.set(h.resourceId, h.createdAt);
      }
    }
    return lastBooked.get(resourceId) ?? -Infinity; // never booked goes first
  }

  function balanced(free: number[], slotStart: Millis): ResourceChoice {
    const counts = bookingsInWeekOf(slotStart);
    const ranked = free
      .map((id) => ({ id, count: counts.get(id) ?? 0, last: lastBookedAt(id) }))
      .sort((a, b) => a.count - b.count || a.last - b.last || a.id - b.id);
    const chosen = ranked[0];
    const tied = ranked.filter((r) => r.count === chosen.count).length;
    const tieBreak = tied === 1 ? '' : chosen.last === -Infinity ? `; never booked, of ${tied} tied` : `; least recently booked of ${tied} tied`;
    return {
      resourceIds: [chosen.id],
      reason: `BALANCED: ${plural(chosen.count, 'booking')} this week, fewest among ${free.length} free${tieBreak}`,
    };
  }

  return (mode, freeIds, slotStart) => {
    const free = ascendingUnique(freeIds);
    if (free.length === 0) return null;
    switch (mode) {
      case 'NONE':
        return { resourceIds: free, reason: `NONE: all ${plural(free.length, 'free resource')}` };
      case 'RANDOM': {
        const index = Math.min(free.length - 1, Math.floor(ctx.random() * free.length));
        return { resourceIds: [free[index]], reason: `RANDOM: picked 1 of ${free.length} free` };
      }
      case 'BALANCED':
        return balanced(free, slotStart);
      case 'COMBINED': {
        const requested = [...new Set(ctx.requested)].sort((a, b) => a - b);
        const freeSet = new Set(free);
        if (requested.length === 0 || !requested.every((id) => freeSet.has(id))) return null;
        return { resourceIds: requested, reason: `COMBINED: all ${plural(requested.length, 'requested resource')} free` };
      }
    }
  };
}

/** The ids in ascending order without repeats; slots usually list them so already, and a copy is all that costs. */
function ascendingUnique(ids: readonly number[]): number[] {
  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i] > ids[i - 1])) return [...new Set(ids)].sort((a, b) => a - b);
  }
  return ids.slice();
}

/** One-off choice; for many slots over one history, create the chooser once with createRoundRobin. */
export function chooseResources(
  mode: RoundRobin,
  free: readonly number[],
  slotStart: Millis,
  ctx: RoundRobinContext,
): ResourceChoice | null {
  return createRoundRobin(ctx)(mode, free, slotStart);
}
