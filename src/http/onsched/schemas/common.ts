// Building blocks of the /v3 schemas. Declared once, they drive validation, the TypeScript types
// of the handlers and the OpenAPI document.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ListEnvelope } from '../envelope.js';

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
export const ErrorBody = Type.Object({ success: Type.Literal(false), statusCode: Type.Integer(), name: Type.String(), message: Type.String(), errors: FieldErrors });
/** 422: the request is well formed but a booking rule refuses it (too soon, too far ahead, a limit). */
export const ErrorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
};

/** A paged list: the full list envelope (see envelope.ts). A route returning a whole list declares Type.Array(item). */
export const ListOf = ListEnvelope;

/** Business hours: one entry per window, dayOfWeek 0 (Sunday) to 6 (Saturday). */
export const WeeklyAvailability = Type.Array(Type.Object({
  dayOfWeek: Type.Integer({ minimum: 0, maximum: 6 }), startTime: Clock, endTime: Clock,
}));
export type WeeklyAvailability = Static<typeof WeeklyAvailability>;

export const RoundRobin = StringEnum(['NONE', 'RANDOM', 'BALANCED', 'COMBINED'] as const);

/** Describes a route for the OpenAPI document under one tag. */
export const doc = (tag: string, summary: string) => ({ tags: [tag], summary });
