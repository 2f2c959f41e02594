// Setup objects an OnSched integration manages itself: locations, services, resources, customers,
// weekly allocations and unavailability. Bodies serve both create (POST) and partial update (PUT).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Clock, Instant, Nullable, Paging, RoundRobin, StringEnum, Uuid, WeeklyAvailability } from './common.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const OptNull = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));
const Minutes = (max: number) => Type.Integer({ minimum: 0, maximum: max });
const Capacity = Type.Integer({ minimum: 1, maximum: 1000, description: 'Bookings one slot takes at the same time' });
const Created = { createdAt: Type.String() };

export const LocationBody = Type.Object({
  name: Opt(Name), timezone: Opt(Type.String()), primary: Opt(Type.Boolean()),
  expirationDelay: Opt(Type.Integer({ minimum: 1, maximum: 86_400, description: 'Seconds a hold (IN) keeps its slot' })),
  address: OptNull(Type.String({ maxLength: 500 })), weeklyAvailability: Opt(WeeklyAvailability),
});
export type LocationBody = Static<typeof LocationBody>;
export const Location = Type.Object({
  object: Type.Literal('location'), id: Type.String(), name: Type.String(), timezone: Type.String(), primary: Type.Boolean(),
  expirationDelay: Type.Integer(), address: Nullable(Type.String()), weeklyAvailability: WeeklyAvailability, ...Created,
});

const Limit = Type.Integer({ minimum: 0, maximum: 100_000, description: '0 = unlimited' });
/** OnSched's booking limits on a service (docs/onsched.md, "Booking limits"). */
function LimitFields(optional: boolean) {
  const field = optional ? Opt(Limit) : Limit;
  return {
    bookingLimit: field, maxBookingLimit: field, maxResourceBookingLimit: field, dailyBookingLimitCount: field, dailyBookingLimitMinutes: field,
  };
}
const DurationMinutes = Type.Integer({ minimum: 1, maximum: 1440 });
/** OnSched's variable duration: the client may pick a length from durationMin to durationMax, in durationInterval steps. */
const VariableDuration = (body: boolean) => body
  ? { durationSelect: Opt(Type.Boolean({ description: 'The client may choose the length (duration / overrideDuration)' })),
    durationMin: OptNull(DurationMinutes), durationMax: OptNull(DurationMinutes), durationInterval: OptNull(DurationMinutes) }
  : { durationSelect: Type.Boolean(), durationMin: Nullable(Type.Integer()), durationMax: Nullable(Type.Integer()), durationInterval: Nullable(Type.Integer()) };

export const ServiceScope = StringEnum(['COMPANY', 'LOCATION'] as const);
export const ServiceBody = Type.Object({
  name: Opt(Name), description: OptNull(Type.String({ maxLength: 5000 })), duration: Opt(Type.Integer({ minimum: 1, maximum: 1440 })),
  bookingInterval: Opt(Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes between offered starts (default: the duration)' })),
  paddingBefore: Opt(Minutes(10_080)), paddingAfter: Opt(Minutes(10_080)), bookingsPerSlot: Opt(Capacity),
  scope: Opt(ServiceScope), LocationId: Opt(Uuid), roundRobin: Opt(RoundRobin),
  minHoursInAdvance: OptNull(Type.Number({ minimum: 0, maximum: 87_600 })), maxDaysInAdvance: OptNull(Type.Number({ minimum: 0, maximum: 3650 })),
  ResourceIds: Opt(Type.Array(Uuid, { description: 'Replaces the resources offering the service' })),
  ...LimitFields(true), ...VariableDuration(true),
});
export type ServiceBody = Static<typeof ServiceBody>;
export const Service = Type.Object({
  object: Type.Literal('service'), id: Type.String(), name: Type.String(), description: Nullable(Type.String()), scope: ServiceScope,
  LocationId: Type.String(), duration: Type.Integer(), bookingInterval: Type.Integer(), paddingBefore: Type.Integer(),
  paddingAfter: Type.Integer(), bookingsPerSlot: Type.Integer(), roundRobin: RoundRobin, minHoursInAdvance: Nullable(Type.Number()),
  maxDaysInAdvance: Nullable(Type.Number()), ResourceIds: Type.Array(Type.String()), ...LimitFields(false), ...VariableDuration(false), ...Created,
});

export const ResourceBody = Type.Object({
  name: Opt(Name), LocationId: Opt(Uuid), email: OptNull(Type.String({ maxLength: 320 })), phone: OptNull(Type.String({ maxLength: 50 })),
  description: OptNull(Type.String({ maxLength: 5000 })), timezone: OptNull(Type.String()), bookingsPerSlot: Opt(Capacity),
  bookingLimit: Opt(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Upcoming bookings one customer may have with the resource; 0 = unlimited' })),
  weeklyAvailability: Opt(WeeklyAvailability), ServiceIds: Opt(Type.Array(Uuid, { description: 'Replaces the services the resource offers' })),
});
export type ResourceBody = Static<typeof ResourceBody>;
export const Resource = Type.Object({
  object: Type.Literal('resource'), id: Type.String(), name: Type.String(), LocationId: Type.String(), email: Nullable(Type.String()),
  phone: Nullable(Type.String()), description: Nullable(Type.String()), timezone: Nullable(Type.String()), bookingsPerSlot: Type.Integer(),
  bookingLimit: Type.Integer(), weeklyAvailability: WeeklyAvailability, ServiceIds: Type.Array(Type.String()), ...Created,
});

export const CustomerBody = Type.Object({
  firstName: Opt(Name), lastName: Opt(Type.String({ maxLength: 200 })), email: OptNull(Type.String({ maxLength: 320 })),
  phone: OptNull(Type.String({ maxLength: 50 })), timezone: OptNull(Type.String()), notes: OptNull(Type.String({ maxLength: 10_000 })),
  CustomFields: Opt(Type.Record(Type.String(), Type.String({ maxLength: 4000 }), { description: 'Flat name → text map, shared with /consumer/v1 customFields; merged into the existing ones on update (an empty value removes the name)' })),
});
export type CustomerBody = Static<typeof CustomerBody>;
export const Customer = Type.Object({
  object: Type.Literal('customer'), id: Type.String(), firstName: Type.String(), lastName: Type.String(), email: Nullable(Type.String()),
  phone: Nullable(Type.String()), timezone: Nullable(Type.String()), notes: Nullable(Type.String()),
  CustomFields: Type.Record(Type.String(), Type.String()), ...Created,
});

export const Recurrence = StringEnum(['NONE', 'WEEKLY'] as const);
export const UnavailabilityBody = Type.Object({
  ResourceId: Opt(Uuid), LocationId: Opt(Uuid), ServiceId: Opt(Uuid), startTime: Instant, endTime: Instant, reason: OptNull(Type.String({ maxLength: 1000 })),
  recurring: Opt(Recurrence), until: OptNull(Instant),
}, { description: 'A block on one resource (ResourceId), on every resource of a location (LocationId), on a service (ServiceId), or company-wide (none)' });
export type UnavailabilityBody = Static<typeof UnavailabilityBody>;
export const UnavailabilityObject = Type.Object({
  object: Type.Literal('unavailability'), id: Type.String(), ResourceId: Nullable(Type.String()), LocationId: Nullable(Type.String()), ServiceId: Nullable(Type.String()),
  startTime: Type.String(), endTime: Type.String(), reason: Nullable(Type.String()), recurring: Recurrence, until: Nullable(Type.String()), ...Created,
});

export const PageQuery = Type.Object({ ...Paging });
export const LocationFilter = Type.Object({ locationId: Opt(Uuid), ...Paging });
export const ResourceFilter = Type.Object({ locationId: Opt(Uuid), serviceId: Opt(Uuid), ...Paging });
export const CustomerFilter = Type.Object({ email: Opt(Type.String()), ...Paging });
export const UnavailabilityFilter = Type.Object({ resourceId: Opt(Uuid), locationId: Opt(Uuid), ...Paging });
