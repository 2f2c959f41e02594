// Structural validation of the setup document (types, enums, unknown keys) with the schema declared
// in document.ts; the importer adds what a schema cannot say (zones, refs, hour ranges, instants).
import { Ajv, type ErrorObject } from 'ajv';
import { DomainError } from '../../core/errors.js';
import { CompanyDocumentSchema, type CompanyDocument } from './document.js';

/** Strict: never coerces types or drops unknown properties, so what is validated is what was sent. */
export const strictAjv = new Ajv({ allErrors: false, strict: false, verbose: true }); // verbose: errors carry their schema, to list allowed values
const check = strictAjv.compile<CompanyDocument>(CompanyDocumentSchema);

/** Turns an Ajv instance path (/setup/services/0/resources) into a readable one (setup.services[0].resources). */
export function readablePath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** A value outside a union of literals fails each literal first; the union's own error lists them all. */
function firstUseful(errors: ErrorObject[]): ErrorObject {
  const [first] = errors;
  if (first.keyword !== 'const') return first;
  return errors.find((e) => e.keyword === 'anyOf' && e.instancePath === first.instancePath) ?? first;
}

function reason(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties': return 'is not a known property';
    case 'required': return 'is required';
    // A reader is never shown the regular expression: the schema's description says it in words.
    case 'pattern': return error.parentSchema?.description ? `must be ${error.parentSchema.description}` : 'is not in the expected format';
    case 'type': return `must be ${/^[aeiou]/.test(String(error.params.type)) ? 'an' : 'a'} ${error.params.type}`;
    case 'anyOf': {
      const allowed = (Array.isArray(error.schema) ? error.schema : []).map((branch: { const?: unknown }) => branch.const);
      return allowed.length && allowed.every((v) => v !== undefined) ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : 'is not a valid value';
    }
    default: return error.message ?? 'is invalid';
  }
}

/** The readable path of the first error and a message that names it once ("setup.services[0].price must be …"). */
export function describeAjvError(errors: ErrorObject[]): { field: string; message: string } {
  const error = firstUseful(errors);
  const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty)
    : error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  const field = readablePath(error.instancePath, extra);
  return { field, message: `${field || 'the document'} ${reason(error)}` };
}

export function validateCompanyDocument(input: unknown): CompanyDocument {
  if (check(input)) return input;
  const { field, message } = describeAjvError(check.errors!);
  throw new DomainError('invalid_input', { field: field || undefined, message });
}
