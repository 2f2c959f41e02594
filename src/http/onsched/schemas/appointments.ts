// Availability and appointment requests and responses, spelled as OnSched spells them. Keys are
// matched case-insensitively (see validation.ts), so `serviceId` works as well as `ServiceId`.
import { Type, type Static } from '@sinclair/typebox';
import { Instant, ListOf, Nullable, Paging, RoundRobin, StringEnum, Uuid } from './common.js';

const Minutes = Type.Integer({ minimum: 1, maximum: 1440 });
const Text = Type.String({ maxLength: 10_000 });
const CustomFields = Type.Record(Type.String(), Type.Unknown(), { description: 'Free-form values kept with the appointment' });

const Flag = (description: string) => Type.Optional(Type.Boolean({ default: false, description }));

export const AvailabilityQuery = Type.Object({
  startDate: Type.String({ format: 'date-or-date-time', description: 'Start of the window. A date (midnight), or a date-time without offset, is read in `timezone` (default UTC)' }),
  endDate: Type.String({ format: 'date-or-date-time', description: 'End of the window; a date alone includes that whole day (to 23:59:59 in `timezone`)' }),
  ServiceId: Uuid,
  LocationId: Type.Optional(Uuid),
  ResourceIds: Type.Optional(Type.Array(Uuid, { description: 'Repeat the parameter: ?ResourceIds=a&ResourceIds=b' })),
  roundRobin: Type.Optional(StringEnum(['NONE', 'RANDOM', 'BALANCED', 'COMBINED', '0', '1', '2'] as const, {
    description: "Absent: the service's own setting. NONE lists every free resource per time; COMBINED offers a time only when every requested resource is free. The v1 digits 0/1/2 mean NONE/RANDOM/BALANCED",
  })),
  overrideDuration: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes; a length the service allows (durationSelect), else its own duration' })),
  firstAvailable: Flag('No free time in the window: move it forward to the first day that has one (within the booking horizon)'),
  ignoreExternalEvents: Flag("Leave connected calendars' busy times out, even with syncExternal"),
  allowPaddingOverflow: Flag('Padding after a time may run past the end of working hours'),
  CustomerId: Type.Optional(Type.String({ format: 'uuid', description: 'The customer the times are for: per-customer booking limits apply' })),
  syncExternal: Type.Optional(Type.Boolean({ default: false, description: "Subtract the busy times of the resources' connected external calendars (stale ones are refreshed in the background)" })),
  timezone: Type.Optional(Type.String({ description: 'IANA zone: days are keyed and times are written in it' })),
  duration: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Alias of overrideDuration' })),
  interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: "Minutes between offered starts (default: the service's booking interval)" })),
});
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

const TimeWindow = Type.Object({ start_time: Type.String(), end_time: Type.String() });
export const AvailabilityResponse = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({
    ServiceId: Type.String(),
    availableDays: Type.Record(Type.String(), Type.Array(TimeWindow)),
    availableTimes: Type.Array(Type.Object({
      start_time: Type.String(), end_time: Type.String(), ResourceIds: Type.Array(Type.String()), LocationId: Type.String(),
    })),
  }),
});
export type AvailabilityResponse = Static<typeof AvailabilityResponse>;

export const CustomerRef = Type.Object({
  id: Type.Optional(Uuid),
  firstName: Type.Optional(Type.String({ maxLength: 200 })),
  lastName: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  phone: Type.Optional(Type.String({ maxLength: 50 })),
  timezone: Type.Optional(Type.String()),
}, { description: 'An existing customer by `id`, or details: found by email, else created' });
export type CustomerRef = Static<typeof CustomerRef>;

export const Unavailability = Type.Object({ startTime: Instant, endTime: Type.Optional(Instant) },
  { description: 'The time, copied from an availableTimes entry; without endTime the service\'s duration applies' });

/** Where OnSched's own examples put the booking's ids; the body may carry them instead (the same values). */
export const BookingIdsQuery = Type.Object({
  LocationId: Type.Optional(Uuid),
  ServiceId: Type.Optional(Uuid),
  ResourceIds: Type.Optional(Type.Array(Uuid, { description: 'Repeat the parameter: ?ResourceIds=a&ResourceIds=b' })),
  ResourceId: Type.Optional(Uuid),
  allowPaddingOverflow: Type.Optional(Type.Boolean({ default: false, description: 'Padding after the time may run past the end of working hours; remembered by the appointment' })),
  ignoreExternalEvents: Type.Optional(Type.Boolean({ default: false, description: "Connected calendars' busy times do not block this time; remembered by the appointment" })),
});
export type BookingIdsQuery = Static<typeof BookingIdsQuery>;

const Duration = {
  duration: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: "Minutes; a service with durationSelect takes any length it allows, any other only its own duration" })),
  overrideDuration: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Alias of duration' })),
};

export const AppointmentBody = Type.Object({
  LocationId: Type.Optional(Uuid),
  ServiceId: Type.Optional(Type.String({ format: 'uuid', description: 'Required here or in the query' })),
  ResourceIds: Type.Optional(Type.Array(Uuid)),
  ResourceId: Type.Optional(Uuid),
  roundRobin: Type.Optional(RoundRobin),
  Unavailability,
  ...Duration,
  Customer: Type.Optional(CustomerRef),
  CustomFields: Type.Optional(CustomFields),
  notes: Type.Optional(Text),
  timezone: Type.Optional(Type.String()),
});
export type AppointmentBody = Static<typeof AppointmentBody>;

export const BookBody = Type.Object({ Customer: Type.Optional(CustomerRef), CustomFields: Type.Optional(CustomFields) });
export type BookBody = Static<typeof BookBody>;

export const RescheduleBody = Type.Object({
  Unavailability, ...Duration, ResourceIds: Type.Optional(Type.Array(Uuid)), ResourceId: Type.Optional(Uuid), timezone: Type.Optional(Type.String()),
});
export type RescheduleBody = Static<typeof RescheduleBody>;

export const UpdateBody = Type.Object({ notes: Type.Optional(Nullable(Text)), CustomFields: Type.Optional(CustomFields) });
export type UpdateBody = Static<typeof UpdateBody>;

export const EmptyBody = Type.Object({});

/** PUT …/cancel: all optional; OnSched says not to send status or Unavailability. */
export const CancelBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  notes: Type.Optional(Type.String({ maxLength: 10_000 })),
  CustomFields: Type.Optional(CustomFields),
});
export type CancelBody = Static<typeof CancelBody>;

export const AuditEntry = Type.Object({
  object: Type.Literal('auditEvent'), appointmentId: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(),
  modifiedBy: Type.String({ description: 'api (a /v3 or Acuity client), widget (/v3/public), admin' }), modifiedOn: Type.String(),
});

const Status = StringEnum(['IN', 'RS', 'BK', 'CN', 'RE'] as const);

export const AppointmentListQuery = Type.Object({
  locationId: Type.Optional(Uuid),
  resourceIds: Type.Optional(Type.Array(Uuid)),
  serviceIds: Type.Optional(Type.Array(Uuid)),
  customerId: Type.Optional(Uuid),
  status: Type.Optional(Type.Array(Status, { description: 'One or more statuses: ?status=BK&status=RS or ?status=BK,RS' })),
  from: Type.Optional(Type.String({ format: 'date-or-date-time', description: "Appointments starting from this date (YYYY-MM-DD, read in the location's zone, else the requested resources' shared zone, else the company's) or instant" })),
  to: Type.Optional(Type.String({ format: 'date-or-date-time', description: 'Up to this date (that whole day included) or instant (excluded)' })),
  startDate: Type.Optional(Type.String({ format: 'date-or-date-time', description: 'Alias of from' })),
  endDate: Type.Optional(Type.String({ format: 'date-or-date-time', description: 'Alias of to' })),
  ...Paging,
});
export type AppointmentListQuery = Static<typeof AppointmentListQuery>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const Appointment = Type.Object({
  object: Type.Literal('appointment'),
  id: Type.String(),
  status: Status,
  confirmed: Type.Boolean(),
  startTime: Type.String(),
  endTime: Type.String(),
  duration: Type.Integer({ description: 'Minutes' }),
  expiresAt: Nullable(Type.String({ description: 'When a hold (IN) lapses' })),
  LocationId: Type.String(),
  ServiceId: Type.String(),
  ResourceIds: Type.Array(Type.String()),
  CustomerId: Nullable(Type.String()),
  location: Type.Object({ id: Type.String(), name: Type.String(), timezone: Type.String() }),
  service: Type.Object({ id: Type.String(), name: Type.String(), duration: Type.Integer() }),
  resources: Type.Array(Named),
  customer: Nullable(Type.Object({
    id: Type.String(), firstName: Type.String(), lastName: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()),
  })),
  CustomFields: Type.Record(Type.String(), Type.Unknown()),
  notes: Nullable(Type.String()),
  timezone: Type.String({ description: 'The appointment\'s zone, else its location\'s' }),
  roundRobin: Nullable(Type.String()),
  rescheduledFromId: Nullable(Type.String()),
  rescheduledToId: Nullable(Type.String()),
  reason: Nullable(Type.String({ description: 'Why it was cancelled (the cancel body\'s reason)' })),
  cancelNotes: Nullable(Type.String({ description: 'The cancel body\'s notes' })),
  metadata: Nullable(Type.Record(Type.String(), Type.Unknown())),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Appointment = Static<typeof Appointment>;

export const AppointmentList = ListOf(Appointment);
