// "When can this be booked?" for a set of resources, and the booking-time re-check of one start.

import type { Millis, ResourceCalendar, Slot, SlotRules } from '../types.js';
import { bookableStarts, collectFreeStarts, seatsForStart, slotShape } from './slot-fit.js';
import { SlotCollector } from './slot-collector.js';
import { expandWorkingHours } from '../time/zoned-days.js';

export interface SlotQuery {
  now: Millis;
  /** Slots whose start lies in [from, to). */
  from: Millis;
  to: Millis;
  rules: SlotRules;
  resources: ResourceCalendar[];
}

/** Free slots sorted by start, one per distinct start, each listing every free resource by ascending id. */
export function findSlots(q: SlotQuery): Slot[] {
  const shape = slotShape(q.rules);
  if (shape === null) return [];
  const { earliest, latest } = bookableStarts(q.now, q.rules);
  const starts = { first: Math.max(q.from, earliest), to: q.to, last: latest };
  if (starts.first >= starts.to || starts.first > starts.last) return [];

  const collector = new SlotCollector(shape.duration);
  for (const resource of uniqueById(q.resources)) {
    collector.beginResource(resource.id);
    collectFreeStarts(resource, shape, starts, collector);
    collector.endResource();
  }
  return collector.result();
}

function uniqueById(resources: readonly ResourceCalendar[]): ResourceCalendar[] {
  const byId = new Map<number, ResourceCalendar>();
  for (const resource of resources) if (!byId.has(resource.id)) byId.set(resource.id, resource);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export type SlotCheckFailure = 'slot_unavailable' | 'too_soon' | 'too_far';

export interface SlotCheck {
  now: Millis;
  start: Millis;
  rules: SlotRules;
  resource: ResourceCalendar;
  /**
   * true: the start must sit on the interval grid of a working range, as findSlots offers it.
   * false: any start whose duration and padding after fit inside one working range will do.
   */
  onGrid: boolean;
}

/**
 * The booking re-check for one resource, with the same rules as findSlots: null when bookable,
 * else the domain error code (notice and window are reported before availability).
 */
export function checkSlot(q: SlotCheck): null | SlotCheckFailure {
  const { earliest, latest } = bookableStarts(q.now, q.rules);
  if (q.start < earliest) return 'too_soon';
  if (q.start > latest) return 'too_far';
  const shape = slotShape(q.rules);
  if (shape === null) return 'slot_unavailable';
  return seatsForStart(q.resource, shape, q.start, q.onGrid) > 0 ? null : 'slot_unavailable';
}

/**
 * Where a booking at `start` starts occupying the resource: its padding before, except the part of it
 * that falls before the working range, which rule 3 ignores. Stored as the busy start, so what
 * PostgreSQL's exclusion constraint compares is exactly what checkSlot checked.
 */
export function occupiedFrom(resource: ResourceCalendar, rules: SlotRules, start: Millis): Millis {
  const padded = start - Math.max(0, rules.paddingBefore) * 60_000;
  const ranges = expandWorkingHours(resource, { start, end: start + 1 });
  const range = ranges.find((r) => r.start <= start && start < r.end);
  return range ? Math.max(padded, range.start) : padded;
}
