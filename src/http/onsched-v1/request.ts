// Reading v1 request values: ids (our numbers as text, or v3 uids), military times, pages, lists.
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from '../../core/errors.js';
import { keyColumn, type Key } from '../../services/lookup.js';
import type { PageRequest } from '../../services/catalog/list-page.js';

export const invalid = (field: string, message: string) => new DomainError('invalid_input', { field, message });

/** A path id: digits or a UUID (the v3 uid of the same object). */
export const IdParams = Type.Object({ id: Type.String({ pattern: '^(\\d{1,15}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$' }) });
export type IdParams = Static<typeof IdParams>;

export const Paging = { offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) };

export const pageOf = (q: { offset?: number; limit?: number }): PageRequest => ({ offset: q.offset ?? 0, limit: q.limit ?? 20 });

/** An optional id from a query or body: absent, empty or null → undefined; anything not an id → 400. */
export function optionalKey(value: unknown, field: string): Key | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim();
  if (keyColumn(text) === null) throw invalid(field, `${field} "${text}" is not an id`);
  return text;
}

export function requiredKey(value: unknown, field: string): Key {
  const key = optionalKey(value, field);
  if (key === undefined) throw invalid(field, `${field} is required`);
  return key;
}

/** A comma-separated id list (v1's resourceIds). */
export function keyList(value: unknown, field: string): Key[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts.map((p, i) => requiredKey(p, `${field}[${i}]`)) : undefined;
}

/** The list envelope around one page, with the path that was asked. */
export function v1List<T>(request: FastifyRequest, page: PageRequest, result: { total: number; items: T[] }) {
  return {
    object: 'list', url: request.url.split('?')[0], hasMore: page.offset + result.items.length < result.total,
    count: result.items.length, total: result.total, data: result.items,
  };
}

/** A military time (930 = 09:30, 1700 = 17:00; 2400 = midnight at the end of the day) as minutes. */
export function militaryMinutes(value: number, field: string): number {
  const hours = Math.floor(value / 100);
  const minutes = value % 100;
  if (!Number.isInteger(value) || value < 0 || value > 2400 || minutes > 59) throw invalid(field, `${field} ${value} is not a military time (e.g. 900, 1730)`);
  return hours * 60 + minutes;
}

export const military = (minutes: number): number => Math.floor(minutes / 60) * 100 + (minutes % 60);
