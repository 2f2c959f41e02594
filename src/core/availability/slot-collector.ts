// Gathers every resource's free starts into one sorted list of slots. With fifty resources this is
// where most (start, resource) pairs are touched, so each pair is touched once, as the sweep finds
// it: no intermediate lists, no hashing, no sort.

import type { Millis, Slot } from '../types.js';

export class SlotCollector {
  private slots: Slot[] = [];
  /** slots[i].start, kept apart so the walk compares numbers, not objects. */
  private keys: Millis[] = [];
  /** Where the current resource's walk has got to in `keys`. */
  private cursor = 0;
  private resourceId = 0;
  private lastStart = -Infinity;
  /** Starts the current resource brings that no earlier resource had, in order. */
  private fresh: Slot[] = [];

  constructor(private readonly duration: Millis) {}

  /** Resources must be visited in ascending id order, so every slot's resourceIds come out ascending. */
  beginResource(id: number): void {
    this.resourceId = id;
    this.cursor = 0;
    this.lastStart = -Infinity;
    this.fresh = [];
  }

  /** The current resource is free at `start`; starts must strictly increase within a resource. */
  add(start: Millis, seatsLeft: number): void {
    if (start <= this.lastStart) throw new Error('SlotCollector.add: starts must strictly increase per resource');
    this.lastStart = start;
    const keys = this.keys;
    let i = this.cursor;
    while (i < keys.length && keys[i] < start) i++;
    this.cursor = i;
    let slot: Slot;
    if (i < keys.length && keys[i] === start) {
      slot = this.slots[i];
    } else {
      slot = { start, end: start + this.duration, resourceIds: [], seatsLeft: 0 };
      this.fresh.push(slot);
    }
    slot.resourceIds.push(this.resourceId);
    slot.seatsLeft += seatsLeft;
  }

  /** Folds the current resource's new starts into the list: one linear merge per resource at most. */
  endResource(): void {
    const fresh = this.fresh;
    if (fresh.length === 0) return;
    const { slots, keys } = this;
    const mergedSlots: Slot[] = [];
    const mergedKeys: Millis[] = [];
    let i = 0;
    let j = 0;
    while (i < slots.length || j < fresh.length) {
      const slot = j === fresh.length || (i < slots.length && keys[i] < fresh[j].start) ? slots[i++] : fresh[j++];
      mergedSlots.push(slot);
      mergedKeys.push(slot.start);
    }
    this.slots = mergedSlots;
    this.keys = mergedKeys;
    this.fresh = [];
  }

  result(): Slot[] {
    return this.slots;
  }
}
