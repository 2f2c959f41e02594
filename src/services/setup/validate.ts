// Structural validation of the setup document (types, enums, unknown keys) with the schema declared
// in document.ts; the importer adds what a schema cannot say (zones, refs, hour ranges, instants).
import { Ajv, type ErrorObject } from 'ajv';
import { DomainError } from '../../core/errors.js';
import { CompanyDocumentSchema, type CompanyDocument } from './document.js';

/** Strict: never coerces types or drops unknown properties, so what is validated is what was sent. */
export const strictAjv = new Ajv({ allErrors: false, strict: false });
const check = strictAjv.compile<CompanyDocument>(CompanyDocumentSchema);

/** Turns an Ajv instance path (/setup/services/0/resources) into a readable one (setup.services[0].resources). */
export function readablePath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

export function describeAjvError(error: ErrorObject): { field: string; message: string } {
  const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty)
    : error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  const field = readablePath(error.instancePath, extra) || '(body)';
  const message = error.keyword === 'additionalProperties' ? `${field} is not a known property`
    : error.keyword === 'required' ? `${field} is required`
    : `${field} ${error.message ?? 'is invalid'}`;
  return { field, message };
}

export function validateCompanyDocument(input: unknown): CompanyDocument {
  if (check(input)) return input;
  const { field, message } = describeAjvError(check.errors![0]);
  throw new DomainError('invalid_input', { field, message });
}
