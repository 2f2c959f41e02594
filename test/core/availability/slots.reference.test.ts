// findSlots and checkSlot against the brute-force oracle, on the days where time zones bite:
// both New York and London DST changes, and the +05:30 and +05:45 zones.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSlot, findSlots } from '../../../src/core/availability/index.js';
import { DST_AND_ODD_OFFSET_DAYS, queryAround } from './arbitraries.js';
import { bruteForceCheck, bruteForceSlots } from './brute-force.js';

const MINUTE = 60_000;

describe('findSlots equals a minute-by-minute brute force', () => {
  it.each(DST_AND_ODD_OFFSET_DAYS)('$zone around $date', (scenario) => {
    fc.assert(
      fc.property(queryAround([scenario]), (q) => {
        const got = findSlots(q);
        const want = bruteForceSlots(q.resources, q.from, q.to, q);
        expect(got).toEqual(want);
      }),
      { numRuns: 30 },
    );
  });
});

describe('checkSlot equals the brute force for any minute, on or off the grid', () => {
  it('on DST days and in +05:30 / +05:45 zones', () => {
    const withStarts = queryAround(DST_AND_ODD_OFFSET_DAYS).chain((q) =>
      fc.record({
        q: fc.constant(q),
        starts: fc.array(fc.integer({ min: 0, max: Math.floor((q.to - q.from) / MINUTE) }), { minLength: 1, maxLength: 6 }),
        onGrid: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(withStarts, ({ q, starts, onGrid }) => {
        for (const resource of q.resources) {
          for (const offset of starts) {
            const start = q.from + offset * MINUTE;
            const got = checkSlot({ now: q.now, start, rules: q.rules, resource, onGrid });
            expect(got).toBe(bruteForceCheck(resource, start, onGrid, q));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
