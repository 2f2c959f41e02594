// The setup document: one JSON/YAML description of a business. Declared once with TypeBox, this
// schema validates the admin API body and the CLI import and types the importer.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NotificationSettingsSchema } from '../notifications/settings-schema.js';
import { ExternalCalendarSchema, MAX_CALENDARS_PER_RESOURCE } from '../calendars/calendar-input.js';

const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const Ref = Type.String({ minLength: 1, maxLength: 100 });
const Minutes = Type.Integer({ minimum: 0, maximum: 10_080 });
const Money = Type.Union([Type.String({ pattern: '^-?\\d+(\\.\\d{1,2})?$', description: 'an amount like "50.00"' }), Type.Number()]);
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'a time of day from 00:00 to 24:00, like "09:30"' });
const DayHours = Type.Array(Type.Tuple([Clock, Clock]));
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date like "2026-12-24"' });
const Instant = Type.String({ minLength: 10, description: 'ISO 8601 date-time with offset, e.g. 2026-12-01T15:00:00Z' });

export const WeeklyHoursSchema = Type.Object(
  { mon: Opt(DayHours), tue: Opt(DayHours), wed: Opt(DayHours), thu: Opt(DayHours), fri: Opt(DayHours), sat: Opt(DayHours), sun: Opt(DayHours) },
  { additionalProperties: false },
);
const Override = Type.Object({ date: DateText, hours: DayHours }, { additionalProperties: false });
const strict = { additionalProperties: false } as const;

export const SettingsSchema = Type.Object({
  minHoursInAdvance: Opt(Type.Number({ minimum: 0 })),
  maxDaysInAdvance: Opt(Type.Number({ minimum: 0 })),
  timeFormat: Opt(Type.Union([Type.Literal('ampm'), Type.Literal('24hr')])),
  clientCanCancel: Opt(Type.Boolean()),
  clientCanReschedule: Opt(Type.Boolean()),
  minCancelHours: Opt(Type.Number({ minimum: 0 })),
  minRescheduleHours: Opt(Type.Number({ minimum: 0 })),
}, strict);

const LocationDoc = Type.Object({
  ref: Ref, name: Type.String({ minLength: 1 }), timezone: Opt(Type.String()), primary: Opt(Type.Boolean()),
  expirationDelay: Opt(Type.Integer({ minimum: 1, maximum: 86_400 })), hours: Opt(WeeklyHoursSchema), address: Opt(Type.String()),
}, strict);

const ResourceDoc = Type.Object({
  ref: Ref, name: Type.String({ minLength: 1 }), location: Opt(Ref), email: Opt(Type.String({ minLength: 3 })),
  phone: Opt(Type.String()), description: Opt(Type.String()), timezone: Opt(Type.String()), hours: Opt(WeeklyHoursSchema),
  overrides: Opt(Type.Array(Override)), capacity: Opt(Type.Integer({ minimum: 1, maximum: 1000 })),
  /** Upcoming bookings one customer may have with the resource (docs/onsched.md): 0 = unlimited. */
  bookingLimit: Opt(Type.Integer({ minimum: 0, maximum: 100_000 })),
  externalCalendars: Opt(Type.Array(ExternalCalendarSchema, { maxItems: MAX_CALENDARS_PER_RESOURCE })),
}, strict);

const RoundRobinMode = Type.Union(['NONE', 'RANDOM', 'BALANCED', 'COMBINED'].map((m) => Type.Literal(m)));

/** A booking limit (docs/setup-document.md): 0 = unlimited. */
const Limit = Type.Integer({ minimum: 0, maximum: 100_000 });

const ServiceDoc = Type.Object({
  ref: Ref, name: Type.String({ minLength: 1 }), description: Opt(Type.String()), category: Opt(Type.String()),
  color: Opt(Type.String()), type: Opt(Type.Union([Type.Literal('service'), Type.Literal('class')])),
  duration: Type.Integer({ minimum: 1, maximum: 1440 }), interval: Opt(Type.Integer({ minimum: 1, maximum: 1440 })),
  paddingBefore: Opt(Minutes), paddingAfter: Opt(Minutes), price: Opt(Money),
  capacity: Opt(Type.Integer({ minimum: 1, maximum: 1000 })),
  scope: Opt(Type.Union([Type.Literal('company'), Type.Literal('location')])), location: Opt(Ref),
  resources: Opt(Type.Array(Ref)), roundRobin: Opt(RoundRobinMode),
  minHoursInAdvance: Opt(Type.Number({ minimum: 0 })), maxDaysInAdvance: Opt(Type.Number({ minimum: 0 })),
  forms: Opt(Type.Array(Ref)), addons: Opt(Type.Array(Ref)), private: Opt(Type.Boolean()),
  limits: Opt(Type.Object({
    bookingLimit: Opt(Limit), maxBookingLimit: Opt(Limit), maxResourceBookingLimit: Opt(Limit),
    dailyBookingLimitCount: Opt(Limit), dailyBookingLimitMinutes: Opt(Limit),
  }, strict)),
  /** Variable duration: the client picks a length from durationMin to durationMax in durationInterval steps. */
  durationSelect: Opt(Type.Boolean()), durationMin: Opt(Type.Integer({ minimum: 1, maximum: 1440 })),
  durationMax: Opt(Type.Integer({ minimum: 1, maximum: 1440 })), durationInterval: Opt(Type.Integer({ minimum: 1, maximum: 1440 })),
}, strict);

const AddonDoc = Type.Object({
  ref: Ref, name: Type.String({ minLength: 1 }), duration: Opt(Type.Integer({ minimum: -1440, maximum: 1440 })),
  price: Opt(Money), private: Opt(Type.Boolean()),
}, strict);

const FieldType = Type.Union(['textbox', 'textarea', 'dropdown', 'checkbox', 'checkboxlist', 'yesno', 'file', 'address'].map((t) => Type.Literal(t)));
const FormDoc = Type.Object({
  ref: Ref, name: Type.String({ minLength: 1 }), description: Opt(Type.String()), hidden: Opt(Type.Boolean()),
  fields: Type.Array(Type.Object({
    ref: Ref, name: Type.String({ minLength: 1 }), type: FieldType, required: Opt(Type.Boolean()),
    options: Opt(Type.Array(Type.String())),
  }, strict)),
}, strict);

const LabelDoc = Type.Object({ ref: Ref, name: Type.String({ minLength: 1 }), color: Opt(Type.String()) }, strict);

const CouponDoc = Type.Object({
  ref: Ref, code: Type.String({ minLength: 1 }), name: Opt(Type.String()),
  discountType: Type.Union([Type.Literal('percentage'), Type.Literal('price')]), discountAmount: Type.Number({ minimum: 0 }),
  expiration: Opt(Instant), maxUses: Opt(Type.Integer({ minimum: 0 })), services: Opt(Type.Array(Ref)),
}, strict);

const PackageDoc = Type.Object({
  ref: Ref, code: Type.String({ minLength: 1 }), name: Opt(Type.String()),
  type: Type.Union([Type.Literal('counts'), Type.Literal('minutes')]),
  counts: Opt(Type.Integer({ minimum: 0 })), minutes: Opt(Type.Integer({ minimum: 0 })),
  expiration: Opt(Instant), services: Opt(Type.Array(Ref)), email: Opt(Type.String({ minLength: 3 })),
}, strict);

const ClassDoc = Type.Object({
  ref: Ref, service: Ref, resource: Ref, start: Instant, duration: Opt(Type.Integer({ minimum: 1, maximum: 1440 })),
  seats: Opt(Type.Integer({ minimum: 1, maximum: 10_000 })), name: Opt(Type.String()),
}, strict);

const BlockDoc = Type.Object({
  ref: Opt(Ref), resource: Opt(Ref), location: Opt(Ref), service: Opt(Ref), start: Instant, end: Instant,
  recurring: Opt(Type.Literal('weekly')), until: Opt(Instant), notes: Opt(Type.String()),
}, strict);

/** Weekly windows (weeklyAvailability) or one range (start, end), for a resource, a service, or the pair. */
const AllocationDoc = Type.Object({
  resource: Opt(Ref), service: Opt(Ref),
  weeklyAvailability: Opt(Type.Array(Type.Object({ dayOfWeek: Type.Integer(), startTime: Clock, endTime: Clock }, strict))),
  start: Opt(Instant), end: Opt(Instant), description: Opt(Type.String()), bookingsPerSlot: Opt(Type.Integer({ minimum: 1, maximum: 1000 })),
}, strict);

/** A recurring block on exactly one of location, resource, service (docs/onsched.md, "Recurring blocks"). */
const RecurringBlockDoc = Type.Object({
  location: Opt(Ref), resource: Opt(Ref), service: Opt(Ref), name: Opt(Type.String()), frequency: Type.String(),
  interval: Type.Integer(), startDate: Type.String(), endDate: Opt(Type.String()), startTime: Opt(Clock), endTime: Opt(Clock),
  iana: Opt(Type.String()), weekdays: Opt(Type.Array(Type.Integer())), dayOfMonth: Opt(Type.Integer()),
}, strict);

export const SetupSchema = Type.Object({
  locations: Opt(Type.Array(LocationDoc)), resources: Opt(Type.Array(ResourceDoc)), services: Opt(Type.Array(ServiceDoc)),
  addons: Opt(Type.Array(AddonDoc)), forms: Opt(Type.Array(FormDoc)), labels: Opt(Type.Array(LabelDoc)),
  coupons: Opt(Type.Array(CouponDoc)), packages: Opt(Type.Array(PackageDoc)), classes: Opt(Type.Array(ClassDoc)),
  blocks: Opt(Type.Array(BlockDoc)), allocations: Opt(Type.Array(AllocationDoc)), recurringBlocks: Opt(Type.Array(RecurringBlockDoc)),
}, strict);

export const CompanyDocumentSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  timezone: Type.String({ minLength: 1 }),
  /** The booking page's address: /book/{slug}. Derived from the name when absent. */
  slug: Opt(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 })),
  /** Origins (https://example.com) allowed to embed the booking page in a frame. */
  embedSites: Opt(Type.Array(Type.String({ pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$', maxLength: 200 }), { maxItems: 20 })),
  settings: Opt(SettingsSchema),
  notifications: Opt(NotificationSettingsSchema),
  setup: Opt(SetupSchema),
}, strict);

export type CompanyDocument = Static<typeof CompanyDocumentSchema>;
export type SetupDocument = Static<typeof SetupSchema>;
export type SettingsDocument = Static<typeof SettingsSchema>;
