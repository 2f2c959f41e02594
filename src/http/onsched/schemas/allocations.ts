// Weekly and single allocations on the wire (docs/onsched.md, "Weekly allocations", "Single allocations").
import { Type, type Static } from '@sinclair/typebox';
import { Clock, Instant, Nullable, Paging, Uuid, WeeklyAvailability } from './common.js';

const Opt = Type.Optional;
const Seats = Type.Integer({ minimum: 1, maximum: 1000, description: 'Concurrent bookings; applies in pair scope (ServiceId + ResourceId) only' });
const Scope = {
  ServiceId: Opt(Uuid), ResourceId: Opt(Uuid),
};

export const WeeklyAllocationBody = Type.Object({
  ...Scope, weeklyAvailability: Opt(WeeklyAvailability), bookingsPerSlot: Opt(Nullable(Seats)),
  // The shape of OpenSlot's first version, still accepted: one window on several days.
  daysOfWeek: Opt(Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1 })), startTime: Opt(Clock), endTime: Opt(Clock),
}, { description: 'At least one of ServiceId and ResourceId; both make a pair' });
export type WeeklyAllocationBody = Static<typeof WeeklyAllocationBody>;

export const WeeklyAllocation = Type.Object({
  object: Type.Literal('weeklyAllocation'), id: Type.String(), ServiceId: Nullable(Type.String()), ResourceId: Nullable(Type.String()),
  weeklyAvailability: WeeklyAvailability, bookingsPerSlot: Nullable(Type.Integer()),
  daysOfWeek: Type.Array(Type.Integer()), startTime: Nullable(Type.String()), endTime: Nullable(Type.String()), createdAt: Type.String(),
});

export const AllocationFilter = Type.Object({
  ServiceId: Opt(Uuid), ResourceId: Opt(Uuid),
  startDate: Opt(Type.String({ format: 'date-or-date-time' })), endDate: Opt(Type.String({ format: 'date-or-date-time' })), ...Paging,
});
export type AllocationFilter = Static<typeof AllocationFilter>;

const SingleFields = { startDate: Instant, endDate: Instant, description: Opt(Nullable(Type.String({ maxLength: 1000 }))), bookingsPerSlot: Opt(Nullable(Seats)) };
export const SingleAllocationBody = Type.Object({ ...Scope, ...SingleFields });
export type SingleAllocationBody = Static<typeof SingleAllocationBody>;
export const SingleAllocationPatch = Type.Partial(SingleAllocationBody);
export type SingleAllocationPatch = Static<typeof SingleAllocationPatch>;
export const SetSingleAllocationsBody = Type.Object({ ...Scope, singleAllocations: Type.Array(Type.Object(SingleFields), { maxItems: 500 }) });
export type SetSingleAllocationsBody = Static<typeof SetSingleAllocationsBody>;

export const SingleAllocation = Type.Object({
  object: Type.Literal('singleAllocation'), id: Type.String(), ServiceId: Nullable(Type.String()), ResourceId: Nullable(Type.String()),
  startDate: Type.String(), endDate: Type.String(), description: Nullable(Type.String()), bookingsPerSlot: Nullable(Type.Integer()), createdAt: Type.String(),
});
