import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, normalize, overlaps, subtract } from '../../../src/core/time/intervals.js';
import type { Interval } from '../../../src/core/types.js';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('overlaps', () => {
  it('treats ranges as half-open, so touching ranges do not overlap', () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(0, 10), iv(9, 20))).toBe(true);
    expect(overlaps(iv(5, 6), iv(0, 10))).toBe(true);
  });
});

describe('normalize', () => {
  it('sorts, merges overlapping and touching ranges, and drops empty ones', () => {
    expect(normalize([iv(20, 30), iv(0, 10), iv(10, 15), iv(25, 40), iv(50, 50), iv(60, 55)])).toEqual([iv(0, 15), iv(20, 40)]);
  });

  it('does not mutate its input', () => {
    const input = [iv(5, 10), iv(0, 6)];
    normalize(input);
    expect(input).toEqual([iv(5, 10), iv(0, 6)]);
  });
});

describe('subtract', () => {
  it('cuts holes and trims edges', () => {
    expect(subtract([iv(0, 100)], [iv(10, 20), iv(50, 60), iv(90, 120)])).toEqual([iv(0, 10), iv(20, 50), iv(60, 90)]);
  });

  it('lets one cut span several ranges', () => {
    expect(subtract([iv(0, 10), iv(20, 30), iv(40, 50)], [iv(5, 45)])).toEqual([iv(0, 5), iv(45, 50)]);
  });
});

describe('intersect', () => {
  it('keeps what both cover', () => {
    expect(intersect([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
    expect(intersect([iv(0, 10)], [iv(10, 20)])).toEqual([]);
  });
});

// Against the plainest model there is: the set of integer points each list covers.
describe('interval algebra agrees with point sets', () => {
  const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([s, len]) => iv(s, s + len));
  const ranges = fc.array(range, { maxLength: 6 });
  const points = (list: Interval[]): Set<number> => {
    const set = new Set<number>();
    for (const r of list) for (let p = r.start; p < r.end; p++) set.add(p);
    return set;
  };
  const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);
  const isNormalized = (list: Interval[]) => list.every((r, i) => r.start < r.end && (i === 0 || list[i - 1].end < r.start));

  it('normalize, subtract and intersect', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const pa = points(a);
        const pb = points(b);
        const n = normalize(a);
        const minus = subtract(a, b);
        const both = intersect(a, b);
        expect(isNormalized(n) && isNormalized(minus) && isNormalized(both)).toBe(true);
        expect(sorted(points(n))).toEqual(sorted(pa));
        expect(sorted(points(minus))).toEqual(sorted(pa).filter((p) => !pb.has(p)));
        expect(sorted(points(both))).toEqual(sorted(pa).filter((p) => pb.has(p)));
      }),
      { numRuns: 300 },
    );
  });
});
