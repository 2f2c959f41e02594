// Properties every answer of findSlots must have, checked on ordinary days (no offset change near)
// where "inside working hours" can be read straight off the local wall clock.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkSlot, findSlots } from '../../../src/core/availability/index.js';
import type { ResourceCalendar, Slot, TimeRange } from '../../../src/core/types.js';
import { ORDINARY_DAYS, queryAround, type GeneratedQuery } from './arbitraries.js';

const MINUTE = 60_000;
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function hoursOn(resource: ResourceCalendar, local: DateTime): TimeRange[] {
  const date = local.toISODate();
  const override = resource.overrides.find((o) => o.date === date);
  if (override) return override.hours;
  return resource.hours[local.toFormat('ccc').toLowerCase() as 'mon'] ?? [];
}

/** The working range holding `start`, read on the local wall clock: its start instant and wall minutes. */
function rangeHolding(resource: ResourceCalendar, start: number) {
  const local = DateTime.fromMillis(start, { zone: resource.zone });
  const minute = local.hour * 60 + local.minute;
  const range = hoursOn(resource, local).find(([from, to]) => minutesOf(from) <= minute && minute < minutesOf(to));
  if (!range) return undefined;
  const startInstant = local.startOf('day').plus({ minutes: minutesOf(range[0]) }).toMillis();
  return { startInstant, startMinute: minutesOf(range[0]), endMinute: minutesOf(range[1]), minute };
}

function busyCount(resource: ResourceCalendar, lo: number, hi: number): number | 'blocked' {
  const overlaps = (a: { start: number; end: number }) => a.start < hi && lo < a.end;
  // The generated weekly blocks start a week before the window; their repeats are the same wall time.
  const blocks = resource.blocks.flatMap((b) =>
    [0, 1, 2].filter((w) => w === 0 || b.weekly).map((w) => ({
      start: DateTime.fromMillis(b.start, { zone: resource.zone }).plus({ weeks: w }).toMillis(),
      end: DateTime.fromMillis(b.end, { zone: resource.zone }).plus({ weeks: w }).toMillis(),
      repeat: w > 0,
    })).filter((o) => !o.repeat || b.until == null || o.start < b.until),
  );
  if ([...blocks, ...(resource.external ?? [])].some(overlaps)) return 'blocked';
  return resource.appointments.filter((a) => overlaps({ start: a.start - a.paddingBefore * MINUTE, end: a.end + a.paddingAfter * MINUTE })).length;
}

const eachFreeResource = (q: GeneratedQuery, slots: Slot[], check: (resource: ResourceCalendar, slot: Slot) => void) => {
  const byId = new Map(q.resources.map((r) => [r.id, r]));
  for (const slot of slots) for (const id of slot.resourceIds) check(byId.get(id)!, slot);
};

describe('findSlots properties on ordinary days', () => {
  const queries = queryAround(ORDINARY_DAYS);
  const runs = { numRuns: 80 };

  it('returns starts in the window, sorted and distinct, resources ascending, within notice and window', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const slots = findSlots(q);
        slots.forEach((slot, i) => {
          expect(slot.start).toBeGreaterThanOrEqual(Math.max(q.from, q.now + q.rules.minHoursInAdvance * 60 * MINUTE));
          expect(slot.start).toBeLessThan(q.to);
          expect(slot.start).toBeLessThanOrEqual(q.now + q.rules.maxDaysInAdvance * 1440 * MINUTE);
          expect(slot.end - slot.start).toBe(q.rules.duration * MINUTE);
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1].start);
          expect(slot.resourceIds).toEqual([...new Set(slot.resourceIds)].sort((a, b) => a - b));
          expect(slot.resourceIds.length).toBeGreaterThan(0);
        });
      }),
      runs,
    );
  });

  it('puts every slot, with its padding after, inside one working range in local time, on the grid from its start', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const step = q.rules.interval > 0 ? q.rules.interval : q.rules.duration;
        eachFreeResource(q, findSlots(q), (resource, slot) => {
          const range = rangeHolding(resource, slot.start);
          expect(range).toBeDefined();
          expect(range!.minute + q.rules.duration + q.rules.paddingAfter).toBeLessThanOrEqual(range!.endMinute);
          expect((range!.minute - range!.startMinute) % step).toBe(0);
        });
      }),
      runs,
    );
  });

  it('never overlaps a block, an external range, or (at capacity) appointments, paddings included', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const after = (q.rules.duration + q.rules.paddingAfter) * MINUTE;
        const slots = findSlots(q);
        eachFreeResource(q, slots, (resource, slot) => {
          const rangeStart = rangeHolding(resource, slot.start)!.startInstant;
          const lo = Math.max(slot.start - q.rules.paddingBefore * MINUTE, rangeStart);
          const busy = busyCount(resource, lo, slot.start + after);
          expect(busy).not.toBe('blocked');
          expect(busy as number).toBeLessThan(resource.capacity);
        });
        for (const slot of slots) {
          const seats = slot.resourceIds.reduce((sum, id) => {
            const resource = q.resources.find((r) => r.id === id)!;
            const lo = Math.max(slot.start - q.rules.paddingBefore * MINUTE, rangeHolding(resource, slot.start)!.startInstant);
            return sum + resource.capacity - (busyCount(resource, lo, slot.start + after) as number);
          }, 0);
          expect(slot.seatsLeft).toBe(seats);
        }
      }),
      runs,
    );
  });

  it('agrees with checkSlot: every offered slot passes the booking re-check for each free resource', () => {
    fc.assert(
      fc.property(queries, (q) => {
        eachFreeResource(q, findSlots(q), (resource, slot) => {
          expect(checkSlot({ now: q.now, start: slot.start, rules: q.rules, resource, onGrid: true })).toBeNull();
          expect(checkSlot({ now: q.now, start: slot.start, rules: q.rules, resource, onGrid: false })).toBeNull();
        });
      }),
      runs,
    );
  });
});
