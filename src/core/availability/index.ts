// The public API of the availability core.

export { findSlots, checkSlot, occupiedFrom } from './slots.js';
export type { SlotQuery, SlotCheck, SlotCheckFailure } from './slots.js';
export { findClassSlots, checkClassStart } from './classes.js';
export type { ClassSession, ClassSlot } from './classes.js';
export { createRoundRobin, chooseResources } from './round-robin.js';
export type { BookingHistory, ChooseResources, ResourceChoice, RoundRobinContext } from './round-robin.js';
export { buildResourceBusy, expandBlock } from './busy.js';
export type { ResourceBusy } from './busy.js';
