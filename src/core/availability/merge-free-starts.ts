// Folding every resource's free starts into one list of slots. With fifty resources this is
// where most of the pairs (start, resource) are touched, so it avoids hashing and regrowing.

import type { Millis, Slot } from '../types.js';
import type { FreeStarts } from './slot-fit.js';

/**
 * One slot per distinct start, sorted. `resourceIds[k]` owns `free[k]`; pass them in ascending id
 * order and every slot's resourceIds come out ascending.
 */
export function mergeFreeStarts(resourceIds: readonly number[], free: readonly FreeStarts[], duration: Millis): Slot[] {
  // Resources usually share one grid, so the union is mostly a walk confirming equal lists.
  const allStarts = free.reduce<Millis[]>((union, f) => sortedUnion(union, f.starts), []);
  const positions = free.map((f) => positionsIn(allStarts, f.starts));

  // Count, then fill: no resourceIds array is ever regrown.
  const counts = new Uint32Array(allStarts.length);
  for (const at of positions) for (let j = 0; j < at.length; j++) counts[at[j]]++;
  const slots: Slot[] = allStarts.map((start, i) => ({
    start,
    end: start + duration,
    resourceIds: new Array<number>(counts[i]),
    seatsLeft: 0,
  }));
  const filled = new Uint32Array(allStarts.length);
  positions.forEach((at, k) => {
    const id = resourceIds[k];
    const seats = free[k].seats;
    for (let j = 0; j < at.length; j++) {
      const slot = slots[at[j]];
      slot.resourceIds[filled[at[j]]++] = id;
      slot.seatsLeft += seats[j];
    }
  });
  return slots;
}

/** Where each of `some` sits in `all`; both strictly increasing, `some` a subset of `all`. */
function positionsIn(all: Millis[], some: Millis[]): Uint32Array {
  const at = new Uint32Array(some.length);
  for (let i = 0, j = 0; j < some.length; j++) {
    while (all[i] < some[j]) i++;
    at[j] = i;
  }
  return at;
}

/** The union of two strictly increasing lists; `a` itself when `b` adds nothing. */
function sortedUnion(a: Millis[], b: Millis[]): Millis[] {
  let i = 0;
  let j = 0;
  while (j < b.length) {
    while (i < a.length && a[i] < b[j]) i++;
    if (i === a.length || a[i] !== b[j]) break;
    j++;
  }
  if (j === b.length) return a;
  const union: Millis[] = [];
  for (i = 0, j = 0; i < a.length || j < b.length; ) {
    const next = j === b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    union.push(next);
    if (a[i] === next) i++;
    if (b[j] === next) j++;
  }
  return union;
}
