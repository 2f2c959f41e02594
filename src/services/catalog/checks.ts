// Checks shared by the catalog services: each failure is a 400 naming the offending field.
import { DomainError } from '../../core/errors.js';

export const invalid = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });

export function requireName(name: string | undefined, field = 'name'): string {
  const trimmed = name?.trim();
  if (!trimmed) throw invalid(field, `${field} is required`);
  return trimmed;
}

export function checkWholeNumber(value: number | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(field, `${field} must be a whole number from ${min} to ${max}`, value);
  return value;
}
