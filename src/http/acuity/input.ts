// Reading values out of request bodies and query strings the lenient way Acuity does: ids may be
// numbers or numeric strings; text may be a number; booleans may be "true"/"1".
import { acuityError } from './errors.js';

export type Body = Record<string, unknown>;

/** The body as an object; `undefined` (no body) reads as `{}`. Anything else is bad_request. */
export function objectBody(body: unknown): Body {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw acuityError(400, 'bad_request', 'Expected a JSON object.');
  return body as Body;
}

export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A positive integer id from a number or numeric string, or null. */
export function asId(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Trimmed text from a string or number; undefined for anything else. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/** The quoted form of an offending value in messages: strings as given, other values as JSON. */
export const quote = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (text: string): boolean => EMAIL.test(text);
