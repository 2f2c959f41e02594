// The shared benchmark workload (50 resources, 8,725 bookings): findSlots must reproduce the
// brute-force slot starts shipped with it, exactly.

import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../../../bench/availability/workload.js';
import { checkSlot, findSlots } from '../../../src/core/availability/index.js';

describe('bench/availability-50x10k.json', () => {
  const w = loadWorkload();
  const slots = findSlots({ now: w.now, from: w.from, to: w.to, rules: w.rules, resources: w.resources });

  it('finds exactly the expected starts with any resource free', () => {
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(w.expectedStarts.map((s) => new Date(s).toISOString()));
    expect(slots).toHaveLength(682);
  });

  it('lists exactly the resources that pass the booking re-check', () => {
    for (const slot of slots.filter((_, i) => i % 31 === 0)) {
      const free = w.resources
        .filter((resource) => checkSlot({ now: w.now, start: slot.start, rules: w.rules, resource, onGrid: true }) === null)
        .map((r) => r.id);
      expect(slot.resourceIds).toEqual(free);
      expect(slot.seatsLeft).toBe(free.length);
    }
  });
});
