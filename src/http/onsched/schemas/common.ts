// Building blocks of the /v3 schemas. Declared once, they drive validation, the TypeScript types
// of the handlers and the OpenAPI document.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A string enum that validates with Ajv's `enum` keyword, so the error lists the allowed values. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Uuid = Type.String({ format: 'uuid' });
/** An instant on the wire: ISO 8601 with its offset. */
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 date-time with offset, e.g. 2025-05-01T09:00:00Z' });
/** A local time of day. */
export const Clock = Type.String({ format: 'time', description: 'HH:MM:SS (or HH:MM); 24:00:00 ends a day' });

export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

export const FieldErrors = Type.Array(Type.Object({ field: Type.String(), message: Type.String() }));
export const ErrorBody = Type.Object({ statusCode: Type.Integer(), name: Type.String(), message: Type.String(), errors: FieldErrors });
export const ErrorResponses = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
};

/** The list envelope (OnSched v1's): one page of `data` and how many there are in all. */
export const ListOf = <T extends TSchema>(item: T) => Type.Object({
  object: Type.Literal('list'), hasMore: Type.Boolean(), count: Type.Integer(), total: Type.Integer(), data: Type.Array(item),
});

/** Business hours: one entry per window, dayOfWeek 0 (Sunday) to 6 (Saturday). */
export const WeeklyAvailability = Type.Array(Type.Object({
  dayOfWeek: Type.Integer({ minimum: 0, maximum: 6 }), startTime: Clock, endTime: Clock,
}));
export type WeeklyAvailability = Static<typeof WeeklyAvailability>;

export const RoundRobin = StringEnum(['NONE', 'RANDOM', 'BALANCED', 'COMBINED'] as const);

/** Describes a route for the OpenAPI document under one tag. */
export const doc = (tag: string, summary: string) => ({ tags: [tag], summary });
