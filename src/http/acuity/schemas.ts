// The Acuity surface's wire shapes, declared once: they type the renderers and document the routes
// in /api/v1/openapi.json. Requests are checked by the routes themselves, in the order Acuity reports
// problems (see plugin.ts), so these schemas describe rather than validate.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });
const IdInput = Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^\\d+$' })], { description: 'A numeric id (numbers in strings are accepted)' });
const Datetime = Type.String({ description: 'e.g. 2016-02-03T14:00:00-0800', examples: ['2016-02-03T14:00:00-0800'] });
const Money = Type.String({ description: 'Decimal amount, e.g. "50.00"' });

export const ErrorSchema = Type.Object({
  status_code: Type.Integer(), message: Type.String(), error: Type.String(),
}, { $id: 'AcuityError', description: 'Every 4xx answer' });

export const FormValueSchema = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The answer\'s own id' }), fieldID: Type.Integer({ minimum: 1, description: 'The form field answered' }), value: Type.String(), name: Type.String(),
});

export const AppointmentSchema = Type.Object({
  id: Id, firstName: Type.String(), lastName: Type.String(), phone: Type.String(), email: Type.String(),
  date: Type.String({ examples: ['June 17, 2013'] }), time: Type.String({ examples: ['10:15am'] }), endTime: Type.String(),
  dateCreated: Type.String(), datetimeCreated: Datetime, datetime: Datetime,
  price: Money, priceSold: Money, paid: Type.Union([Type.Literal('yes'), Type.Literal('no')]), amountPaid: Money,
  type: Type.String(), appointmentTypeID: Id, classID: Nullable(Id), addonIDs: Type.Array(Id), category: Type.String(),
  duration: Type.String({ description: 'Minutes, as a string' }), calendar: Type.String(), calendarID: Type.Integer({ description: 'The calendar\'s id; never null' }),
  certificate: Nullable(Type.String()), confirmationPage: Type.String(), location: Type.String(), notes: Type.String(),
  timezone: Type.String(), calendarTimezone: Type.String(), canceled: Type.Boolean(), canClientCancel: Type.Boolean(),
  canClientReschedule: Type.Boolean(),
  labels: Nullable(Type.Array(Type.Object({ id: Id, name: Type.String(), color: Type.String() }))),
  forms: Type.Optional(Type.Array(Type.Object({ id: Id, name: Type.String(), values: Type.Array(FormValueSchema) }))),
  formsText: Type.Optional(Type.String()),
  noShow: Type.Optional(Type.Boolean({ description: 'Only on canceled appointments' })),
}, { $id: 'AcuityAppointment' });
export type AcuityAppointment = Static<typeof AppointmentSchema>;

export const NewAppointmentSchema = Type.Object({
  datetime: Datetime, appointmentTypeID: IdInput, calendarID: Type.Optional(IdInput),
  firstName: Type.String(), lastName: Type.String(), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()),
  timezone: Type.Optional(Type.String()), certificate: Type.Optional(Type.String()), notes: Type.Optional(Type.String({ description: 'admin=true only' })),
  fields: Type.Optional(Type.Array(Type.Object({ id: IdInput, value: Type.Unknown() }))),
  addonIDs: Type.Optional(Type.Array(IdInput)), labels: Type.Optional(Type.Array(Type.Object({ id: IdInput }), { maxItems: 1 })),
  smsOptIn: Type.Optional(Type.Boolean()),
});

export const AppointmentChangesSchema = Type.Partial(Type.Object({
  firstName: Type.String(), lastName: Type.String(), email: Type.String(), phone: Type.String(), certificate: Nullable(Type.String()),
  notes: Type.String(), fields: Type.Array(Type.Object({ id: IdInput, value: Type.Unknown() })),
  labels: Type.Array(Type.Object({ id: IdInput }), { maxItems: 1 }), smsOptIn: Type.Boolean(),
}));

export const CancelSchema = Type.Partial(Type.Object({ cancelNote: Type.String(), noShow: Type.Boolean({ description: 'admin=true only' }) }));
export const RescheduleSchema = Type.Object({
  datetime: Datetime, calendarID: Type.Optional(Nullable(IdInput)), timezone: Type.Optional(Type.String()),
});

export const AppointmentTypeSchema = Type.Object({
  id: Id, active: Type.Boolean(), name: Type.String(), description: Type.String(), duration: Type.Integer(), price: Money,
  category: Type.String(), color: Type.String(), private: Type.Boolean(), type: Type.Union([Type.Literal('service'), Type.Literal('class'), Type.Literal('series')]),
  classSize: Nullable(Type.Integer()), paddingAfter: Type.Integer(), paddingBefore: Type.Integer(), calendarIDs: Type.Array(Id),
  addonIDs: Type.Array(Id), formIDs: Type.Array(Id), image: Type.String(), schedulingUrl: Type.String(),
});
export type AcuityAppointmentType = Static<typeof AppointmentTypeSchema>;
export const AddonSchema = Type.Object({ id: Id, name: Type.String(), duration: Type.Integer(), price: Money, active: Type.Boolean(), private: Type.Boolean(), appointmentTypeIDs: Type.Array(Id) });
export type AcuityAddon = Static<typeof AddonSchema>;
export const CalendarSchema = Type.Object({
  id: Id, name: Type.String(), email: Type.String(), replyTo: Type.String(), description: Type.String(), location: Type.String(),
  timezone: Type.String(), thumbnail: Type.String(), image: Type.String(),
});
export type AcuityCalendar = Static<typeof CalendarSchema>;
export const FormSchema = Type.Object({
  id: Id, name: Type.String(), description: Type.String(), hidden: Type.Boolean(), appointmentTypeIDs: Type.Array(Id),
  fields: Type.Array(Type.Object({ id: Id, name: Type.String(), required: Type.Boolean(), type: Type.String(), options: Nullable(Type.Array(Type.String())), lines: Type.Null() })),
});
export type AcuityForm = Static<typeof FormSchema>;
export const LabelSchema = Type.Object({ id: Id, name: Type.String(), color: Type.String() });
export const AccountSchema = Type.Object({
  id: Id, name: Type.String(), email: Type.String(), timezone: Type.String(), firstDayOfWeek: Type.Integer(),
  timeFormat: Type.Union([Type.Literal('ampm'), Type.Literal('24hr')], { description: 'How `time` and `endTime` are shown: "10:15am" or "10:15"' }),
  currency: Type.String(), schedulingPage: Type.String(), embedCode: Type.String(), plan: Type.String(),
});

export const AvailableDateSchema = Type.Object({ date: Type.String({ examples: ['2016-02-04'] }) });
export const AvailableTimeSchema = Type.Object({ time: Datetime, slotsAvailable: Type.Integer() });
export const ClassSchema = Type.Object({
  id: Id, appointmentTypeID: Id, calendarID: Id, name: Type.String(), description: Type.String(), color: Type.String(), price: Money,
  category: Type.String(), time: Datetime, localeTime: Type.String(), calendar: Type.String(), calendarTimezone: Type.String(),
  duration: Type.Integer(), isSeries: Type.Boolean(), slots: Type.Integer(), slotsAvailable: Type.Integer(),
});
export type AcuityClass = Static<typeof ClassSchema>;
export const CheckTimeSchema = Type.Object({
  datetime: Datetime, appointmentTypeID: IdInput, calendarID: Type.Optional(Nullable(IdInput)), addonIDs: Type.Optional(Type.Array(IdInput)),
});
export const CheckedTimeSchema = Type.Object({
  datetime: Datetime, appointmentTypeID: Id, calendarID: Nullable(Id), valid: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'When not valid: the message POST /appointments would give' })),
  error: Type.Optional(Type.String({ description: 'When not valid: the error code POST /appointments would give' })),
});

export const BlockSchema = Type.Object({
  id: Id, calendarID: Nullable(Id), calendar: Type.String(), start: Datetime, end: Datetime, until: Nullable(Datetime),
  recurring: Nullable(Type.Literal('weekly')), notes: Type.String(), description: Type.String(),
});
export type AcuityBlock = Static<typeof BlockSchema>;
export const NewBlockSchema = Type.Object({ start: Datetime, end: Datetime, calendarID: IdInput, notes: Type.Optional(Type.String()) });

export const CertificateSchema = Type.Object({
  id: Id, certificate: Type.String(), productID: Nullable(Id), orderID: Nullable(Id), couponID: Nullable(Id), appointmentTypeIDs: Type.Array(Id),
  name: Type.String(), email: Nullable(Type.String()), type: Type.String({ description: 'counts | minutes | coupon' }),
  remainingCounts: Nullable(Type.Integer()), remainingMinutes: Nullable(Type.Integer()), expiration: Nullable(Type.String()),
  discountType: Type.Optional(Type.String()), discountAmount: Type.Optional(Type.Number()),
});
export const NewCertificateSchema = Type.Object({
  productID: Type.Optional(IdInput), couponID: Type.Optional(IdInput), certificate: Type.Optional(Type.String()), email: Type.Optional(Type.String()),
});

export const ClientSchema = Type.Object({ firstName: Type.String(), lastName: Type.String(), email: Type.String(), phone: Type.String(), notes: Type.String() });
export const NewClientSchema = Type.Object({
  firstName: Type.String(), lastName: Type.String(), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), notes: Type.Optional(Type.String()),
});

export const ProductSchema = Type.Object({
  id: Id, name: Type.String(), description: Type.String(), price: Money, type: Type.Union([Type.Literal('product'), Type.Literal('appointments'), Type.Literal('minutes')]),
  hidden: Type.Boolean(), appointmentTypeIDs: Type.Array(Id), counts: Nullable(Type.Integer()), minutes: Nullable(Type.Integer()), expires: Nullable(Type.String()),
});
export const OrderSchema = Type.Object({
  id: Id, total: Money, status: Type.String(), time: Datetime, firstName: Type.String(), lastName: Type.String(), phone: Type.String(),
  email: Type.String(), title: Type.String(), notes: Type.String(),
  items: Type.Array(Type.Object({ productID: Id, name: Type.String(), quantity: Type.Integer(), price: Money, total: Money })),
  certificates: Type.Array(Type.String()),
});

export const WEBHOOK_EVENTS = ['appointment.scheduled', 'appointment.rescheduled', 'appointment.canceled', 'appointment.changed', 'order.completed'] as const;
export const WebhookSchema = Type.Object({ id: Id, event: Type.String(), target: Type.String(), status: Type.String() });
export const NewWebhookSchema = Type.Object({ event: Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e))), target: Type.String({ format: 'uri' }) });

export const PaymentSchema = Type.Object({ transactionID: Type.String(), created: Datetime, processor: Type.String(), amount: Money });

/** Route schema helper: tags, summary, and the error envelope for the 4xx answers. */
export function doc(summary: string, parts: { querystring?: TSchema; body?: TSchema; params?: TSchema; response?: TSchema; status?: number } = {}) {
  const { response, status = 200, ...rest } = parts;
  return {
    tags: ['acuity'], summary, ...rest,
    response: { ...(response ? { [status]: response } : {}), '4xx': ErrorSchema },
  };
}
