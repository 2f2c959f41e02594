// OnSched v3's success envelope, applied in one place: routes return bare objects or arrays and
// this module wraps them, both on the wire (preSerialization) and in the route's response schema
// (onRoute), so the serializer and the OpenAPI document describe exactly what is sent.
//   bare object → {success: true, data}
//   bare array  → the list envelope {success: true, data: […], object: "list", page: 1, limit: n,
//                 count: n, total: n, hasMore: false}
//   a body that already is an envelope (a paged list, availability) is left alone.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A /v3 route whose body is not enveloped (the OAuth token answer, the OpenAPI document). */
    onschedRaw?: boolean;
  }
}

/** The list envelope: the v3 wrapper plus v1's counters, so clients of either read it. */
export const ListEnvelope = <T extends TSchema>(item: T) => Type.Object({
  success: Type.Literal(true), data: Type.Array(item), object: Type.Literal('list'),
  page: Type.Integer(), limit: Type.Integer(), count: Type.Integer(), total: Type.Integer(), hasMore: Type.Boolean(),
});

export const DataEnvelope = <T extends TSchema>(data: T) => Type.Object({ success: Type.Literal(true), data });

export interface ListPage<T> { success: true; data: T[]; object: 'list'; page: number; limit: number; count: number; total: number; hasMore: boolean }

/** One page of a paged list, with its place in the whole. */
export function listPage<T>(page: { limit: number; offset: number }, total: number, items: T[]): ListPage<T> {
  return {
    success: true, data: items, object: 'list', page: Math.floor(page.offset / page.limit) + 1, limit: page.limit,
    count: items.length, total, hasMore: page.offset + items.length < total,
  };
}

/** A whole (unpaged) list. */
export const wholeList = <T>(items: T[]): ListPage<T> => ({
  success: true, data: items, object: 'list', page: 1, limit: items.length, count: items.length, total: items.length, hasMore: false,
});

interface JsonSchema { type?: unknown; properties?: Record<string, unknown>; items?: TSchema; anyOf?: JsonSchema[] }

const isEnvelopeSchema = (s: JsonSchema) => s.properties !== undefined && 'success' in s.properties;

function envelopeSchema(schema: JsonSchema): unknown {
  if (isEnvelopeSchema(schema)) return schema;
  // A route answering one of several shapes: each is wrapped as it would be alone.
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map(envelopeSchema) };
  if (schema.type === 'array' && schema.items) return ListEnvelope(schema.items);
  return DataEnvelope(schema as TSchema);
}

const isEnvelope = (body: object) => typeof (body as { success?: unknown }).success === 'boolean';

/** What a 2xx JSON body becomes on the wire. */
export function envelope(body: unknown): unknown {
  if (Array.isArray(body)) return wholeList(body);
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || isEnvelope(body)) return body;
  return { success: true, data: body };
}

const raw = (config: { onschedRaw?: boolean } | undefined) => config?.onschedRaw === true;

export function useEnvelope(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const responses = route.schema?.response as Record<string, JsonSchema> | undefined;
    if (!route.schema || !responses || raw(route.config as { onschedRaw?: boolean })) return;
    // A fresh object: response maps are often shared between routes.
    route.schema.response = Object.fromEntries(Object.entries(responses).map(([code, schema]) =>
      [code, code.startsWith('2') ? envelopeSchema(schema) : schema]));
  });
  app.addHook('preSerialization', async (request: FastifyRequest, reply, payload: unknown) => {
    if (reply.statusCode >= 300 || raw(request.routeOptions.config)) return payload;
    return envelope(payload);
  });
}
