// Folding every resource's free starts into one sorted list of slots. With fifty resources this is
// where most (start, resource) pairs are touched, so each pair is touched once: no hashing, no
// sort, and a rebuild of the list only when a resource brings a start no earlier one had.

import type { Millis, Slot } from '../types.js';
import type { FreeStarts } from './slot-fit.js';

/**
 * One slot per distinct start, sorted. `resourceIds[k]` owns `free[k]`; pass them in ascending id
 * order and every slot's resourceIds come out ascending.
 */
export function mergeFreeStarts(resourceIds: readonly number[], free: readonly FreeStarts[], duration: Millis): Slot[] {
  let slots: Slot[] = [];
  let keys: Millis[] = []; // slots[i].start, kept apart so the walk compares numbers, not objects
  for (let k = 0; k < free.length; k++) {
    const { starts, seats } = free[k];
    const id = resourceIds[k];
    // Resources usually share one grid: walk while every start already has its slot.
    let i = 0;
    let j = 0;
    for (; j < starts.length; j++, i++) {
      while (i < keys.length && keys[i] < starts[j]) i++;
      if (i === keys.length || keys[i] !== starts[j]) break;
      slots[i].resourceIds.push(id);
      slots[i].seatsLeft += seats[j];
    }
    if (j === starts.length) continue;

    const mergedSlots = slots.slice(0, i);
    const mergedKeys = keys.slice(0, i);
    while (i < keys.length || j < starts.length) {
      if (j === starts.length || (i < keys.length && keys[i] < starts[j])) {
        mergedSlots.push(slots[i]);
        mergedKeys.push(keys[i++]);
        continue;
      }
      const slot =
        i < keys.length && keys[i] === starts[j]
          ? slots[i++]
          : { start: starts[j], end: starts[j] + duration, resourceIds: [], seatsLeft: 0 };
      slot.resourceIds.push(id);
      slot.seatsLeft += seats[j++];
      mergedSlots.push(slot);
      mergedKeys.push(slot.start);
    }
    slots = mergedSlots;
    keys = mergedKeys;
  }
  return slots;
}
