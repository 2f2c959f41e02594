// Interval algebra on the UTC timeline. Every range is half-open [start, end), so two ranges that
// merely touch (a.end === b.start) do not overlap, and a range with end <= start is empty.

import type { Interval } from '../types.js';

export const isEmpty = (a: Interval): boolean => a.end <= a.start;

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

const byStart = (a: Interval, b: Interval): number => a.start - b.start || a.end - b.end;

/** Sorted by start, empty ranges dropped, overlapping or touching ranges merged. Never mutates. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((a) => a.end > a.start).sort(byStart);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else {
      merged.push({ start: next.start, end: next.end });
    }
  }
  return merged;
}

/** The parts of `from` not covered by `remove`, normalized. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const keep = normalize(from);
  const cut = normalize(remove);
  const result: Interval[] = [];
  let j = 0;
  for (const range of keep) {
    let cursor = range.start;
    // Cuts are sorted and disjoint, and so are the kept ranges: a cut that ends before this range
    // can be skipped for every later range too.
    while (j < cut.length && cut[j].end <= cursor) j++;
    let k = j;
    while (k < cut.length && cut[k].start < range.end) {
      if (cut[k].start > cursor) result.push({ start: cursor, end: cut[k].start });
      if (cut[k].end > cursor) cursor = cut[k].end;
      k++;
    }
    if (cursor < range.end) result.push({ start: cursor, end: range.end });
  }
  return result;
}

/** The parts covered by both `a` and `b`, normalized. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = normalize(a);
  const right = normalize(b);
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i].start, right[j].start);
    const end = Math.min(left[i].end, right[j].end);
    if (start < end) result.push({ start, end });
    // Whichever ends first cannot meet anything further along the other list.
    if (left[i].end < right[j].end) i++;
    else j++;
  }
  return result;
}
