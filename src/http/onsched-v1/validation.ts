// Validation for the v1 paths: bodies strictly (a number where a string belongs is a 400), query
// strings and path parameters coerced from text. Query names are matched in any capitalisation,
// and list parameters take both `a,b` and repeated keys.
import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

const options = { allErrors: false, strict: false, useDefaults: true, removeAdditional: false } as const;
const bodyAjv = new Ajv({ ...options, coerceTypes: false });
const textAjv = new Ajv({ ...options, coerceTypes: 'array' });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;

interface PropertySchema { type?: string }

/** Query keys renamed to the schema's spelling, case-insensitively; unsafe keys dropped. */
export function canonicalQuery(query: unknown, schema: { properties?: Record<string, PropertySchema> }): Record<string, unknown> {
  const known = new Map(Object.keys(schema.properties ?? {}).map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const key = rawKey.replace(/\[\]$/, '');
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const name = known.get(key.toLowerCase()) ?? key;
    if (name in out && name !== key) continue;
    out[name] = value;
  }
  return out;
}
