// Objects are addressed by numeric id (Acuity) or UUID (OnSched); every lookup is scoped to one
// company, so another company's object is simply not found.
import { DomainError } from '../core/errors.js';

/** A numeric id or a UUID. */
export type Key = number | string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which column a key addresses, or null when it can be neither. */
export function keyColumn(key: Key): 'id' | 'uid' | null {
  if (typeof key === 'number') return Number.isSafeInteger(key) && key > 0 ? 'id' : null;
  if (UUID.test(key)) return 'uid';
  return /^\d{1,15}$/.test(key) ? 'id' : null;
}

export const keyValue = (key: Key): number | string => (keyColumn(key) === 'id' ? Number(key) : String(key).toLowerCase());

export function notFound(what: string, key: Key, field?: string): DomainError {
  return new DomainError('not_found', { message: `${what} ${key} was not found.`, field, value: key });
}
