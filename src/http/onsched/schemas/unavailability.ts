// Unavailability on the wire: the calendar rows (snake_case, as OnSched writes them), bulk block
// bodies, and recurring blocks (docs/onsched.md, "Unavailability").
import { Type, type Static } from '@sinclair/typebox';
import { Clock, Instant, Nullable, Paging, Uuid } from './common.js';

const Opt = Type.Optional;
const Window = { startDate: Type.String({ format: 'date-or-date-time' }), endDate: Type.String({ format: 'date-or-date-time' }) };
const Ids = (description: string) => Opt(Type.Array(Uuid, { description }));

export const CalendarQuery = Type.Object({
  ...Window, LocationIds: Ids('Repeat the parameter'), ResourceIds: Ids('Repeat the parameter'), ServiceId: Opt(Uuid),
  timezone: Opt(Type.String({ description: 'IANA zone that date-only startDate/endDate are read in (default UTC)' })),
});
export type CalendarQuery = Static<typeof CalendarQuery>;
/** GET /v3/unavailability: the calendar with startDate/endDate, else the first version's list of stored blocks. */
export const UnavailabilityQuery = Type.Object({
  startDate: Opt(Window.startDate), endDate: Opt(Window.endDate), LocationIds: Ids('Repeat the parameter'),
  ResourceIds: Ids('Repeat the parameter'), ServiceId: Opt(Uuid), timezone: Opt(Type.String()),
  resourceId: Opt(Uuid), locationId: Opt(Uuid), ...Paging,
});
export type UnavailabilityQuery = Static<typeof UnavailabilityQuery>;

export const CalendarRow = Type.Object({
  source: Type.String({ description: 'weekly | block | recurring | appointment' }), entity_type: Type.String(), entity_id: Nullable(Type.String()),
  start_time: Type.String(), end_time: Type.String(), reason: Nullable(Type.String()), id: Nullable(Type.String({ description: 'The block, recurring block or appointment' })),
});

export const EntityQuery = Type.Object({ LocationId: Opt(Uuid), ResourceId: Opt(Uuid), ServiceId: Opt(Uuid) });
export type EntityQuery = Static<typeof EntityQuery>;
export const BlocksQuery = Type.Object({ ...Window, ...EntityQuery.properties, timezone: Opt(Type.String()) });
export type BlocksQuery = Static<typeof BlocksQuery>;

export const BlockItem = Type.Object({
  ResourceId: Opt(Uuid), LocationId: Opt(Uuid), ServiceId: Opt(Uuid), startTime: Instant, endTime: Instant,
  reason: Opt(Nullable(Type.String({ maxLength: 1000 }))),
});
export type BlockItem = Static<typeof BlockItem>;
export const SetBlocksBody = Type.Object({
  ...EntityQuery.properties,
  blocks: Type.Array(Type.Object({ startTime: Instant, endTime: Instant, reason: Opt(Nullable(Type.String({ maxLength: 1000 }))) }), { maxItems: 500 }),
});
export type SetBlocksBody = Static<typeof SetBlocksBody>;

const RuleFields = {
  name: Opt(Nullable(Type.String({ maxLength: 200 }))),
  frequency: Type.String({ description: 'DAILY, WEEKLY, BIWEEKLY, MONTHLY or YEARLY' }),
  interval: Type.Integer({ description: 'Every n-th day, week, month or year' }),
  startDate: Type.String({ description: 'First local date, YYYY-MM-DD' }), endDate: Opt(Nullable(Type.String({ description: 'Last local date (inclusive)' }))),
  startTime: Opt(Clock), endTime: Opt(Clock), iana: Opt(Type.String({ description: "IANA zone of the times (default: the entity's)" })),
  weekdays: Opt(Type.Array(Type.Integer(), { description: 'WEEKLY/BIWEEKLY: 0 = Sunday … 6 = Saturday' })),
  dayOfMonth: Opt(Nullable(Type.Integer({ description: 'MONTHLY: 1–31 (default: the start date\'s)' }))),
};
export const RecurringBlockBody = Type.Object(RuleFields);
export type RecurringBlockBody = Static<typeof RecurringBlockBody>;
export const RecurringBlockPatch = Type.Partial(RecurringBlockBody);
export type RecurringBlockPatch = Static<typeof RecurringBlockPatch>;
export const RecurringBlock = Type.Object({
  object: Type.Literal('recurringBlock'), id: Type.String(), LocationId: Nullable(Type.String()), ResourceId: Nullable(Type.String()),
  ServiceId: Nullable(Type.String()), name: Nullable(Type.String()), frequency: Type.String(), interval: Type.Integer(), startDate: Type.String(),
  endDate: Nullable(Type.String()), startTime: Type.String(), endTime: Type.String(), iana: Type.String(), weekdays: Type.Array(Type.Integer()),
  dayOfMonth: Nullable(Type.Integer()), createdAt: Type.String(),
});
