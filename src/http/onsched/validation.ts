// Validation for the OnSched surface. Bodies are checked strictly (a number where a string belongs
// is a 400, not silently coerced); query strings and path parameters arrive as text, so they are
// coerced to the declared types. Parameter names are accepted in any capitalisation
// (`ServiceId`, `serviceId`): before validation each key is renamed to the schema's spelling.
import { Ajv, type ErrorObject } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { DateTime } from 'luxon';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$|^24:00(:00)?$/;

const isoValid = (text: string) => DateTime.fromISO(text).isValid;

function withFormats(ajv: Ajv): Ajv {
  ajv.addFormat('uuid', UUID);
  /** An instant: ISO 8601 date-time that says its offset, e.g. 2025-05-01T09:00:00Z. */
  ajv.addFormat('date-time', { type: 'string', validate: (t: string) => /T/i.test(t) && HAS_OFFSET.test(t) && isoValid(t) });
  /** A date or a date-time, with or without an offset (read in the request's zone when it has none). */
  ajv.addFormat('date-or-date-time', { type: 'string', validate: isoValid });
  ajv.addFormat('time', CLOCK);
  return ajv;
}

const options = { allErrors: false, strict: false, useDefaults: true, removeAdditional: false } as const;
const bodyAjv = withFormats(new Ajv({ ...options, coerceTypes: false }));
const textAjv = withFormats(new Ajv({ ...options, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;

interface ObjectSchema {
  type?: string | string[]; properties?: Record<string, ObjectSchema>; items?: ObjectSchema; anyOf?: ObjectSchema[];
  then?: ObjectSchema; else?: ObjectSchema;
}

/**
 * Renames keys to the schema's spelling, case-insensitively, at every depth the schema describes.
 * In query strings, `ResourceIds[]` counts as `ResourceIds` and `a,b` as two values of a list.
 */
export function canonicalize(value: unknown, schema: ObjectSchema | undefined, fromQuery = false): unknown {
  if (!schema) return value;
  // A body that may be one object or an array of them is an anyOf, or an if/then/else on its type.
  const branches = [...(schema.anyOf ?? []), ...[schema.then, schema.else].filter((s): s is ObjectSchema => s !== undefined)];
  const objectSchema = schema.properties ? schema : branches.find((s) => s.properties);
  const items = schema.items ?? branches.find((s) => s.items)?.items;
  if (Array.isArray(value)) return items ? value.map((v) => canonicalize(v, items, fromQuery)) : value;
  if (!objectSchema?.properties || typeof value !== 'object' || value === null) return value;
  const known = new Map(Object.keys(objectSchema.properties).map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const [rawKey, raw] of Object.entries(value)) {
    const key = fromQuery ? rawKey.replace(/\[\]$/, '') : rawKey;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const name = known.get(key.toLowerCase()) ?? key;
    if (name in out && name !== key) continue; // the exact spelling wins over an alias
    const property = objectSchema.properties[name];
    let v = raw;
    if (fromQuery && property?.type === 'array') v = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' ? x.split(',').filter(Boolean) : [x]));
    out[name] = canonicalize(v, property, fromQuery);
  }
  return out;
}

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'a UUID', 'date-time': 'an ISO 8601 date-time with an offset (e.g. 2025-05-01T09:00:00Z)',
  'date-or-date-time': 'an ISO 8601 date or date-time', time: 'a time of day (HH:MM or HH:MM:SS)',
};

/** The field an Ajv error is about, as a client spells it (Unavailability.endTime, ResourceIds[1]). */
export function describeValidationError(error: ErrorObject): { field: string; message: string } {
  const parts = error.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  const field = parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '') || 'body';
  switch (error.keyword) {
    case 'required': return { field, message: `${field} is required` };
    case 'format': return { field, message: `${field} must be ${FORMAT_NAMES[String(error.params.format)] ?? error.params.format}` };
    case 'enum': return { field, message: `${field} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'type': return { field, message: `${field} must be of type ${error.params.type}` };
    default: return { field, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}
