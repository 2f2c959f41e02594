// Intake-form answers: checked against the fields of the appointment's forms and normalised to the
// one string per field that is stored and shown (Acuity's `forms[].values[].value`).
//
// Behaviour, decided where the vendors are silent:
// - Every value is stored as a trimmed string. null, undefined and "" are a blank answer; a blank
//   answer is kept (as "") so an update can clear a field, and fails only a required field.
// - Text-like fields (textbox, textarea, address) take a string or a finite number.
// - yesno and checkbox take yes/no or true/false, as booleans or in any letter case; checkbox also
//   takes "checked". Both are stored as "yes" / "no". A required checkbox must be "yes" (the
//   "I accept the terms" case); a required yesno accepts either answer.
// - dropdown: one of the options, matched case-insensitively, stored as the option is spelled.
// - checkboxlist: one comma-delimited string ("A,C"), or an array of strings for convenience. Each
//   item must be an option; options that themselves contain commas are matched whole (longest match
//   first). Stored as the chosen options, deduplicated, in the form's option order, joined by ",".
// - file: an http(s) URL of the uploaded file.
// - Answers for the same field twice: the last one wins, as in an HTML form post.
// - Checks run in order: each answer in turn (unknown field, then its value), then required fields
//   in form order; the first problem is thrown.

import { DomainError } from '../errors.js';
import { findOption, normalizeChoices } from './form-options.js';
import { isHttpUrl } from '../absolute-url.js';

export const FIELD_TYPES = ['textbox', 'textarea', 'dropdown', 'checkbox', 'checkboxlist', 'yesno', 'file', 'address'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  id: number;
  name: string;
  type: FieldType;
  required: boolean;
  /** The choices of a dropdown or checkboxlist; ignored for other types. */
  options: readonly string[] | null;
}

export interface FieldAnswerInput {
  id: number;
  value: unknown;
}

export interface FieldAnswer {
  fieldId: number;
  value: string;
}

export interface ValidateAnswersOptions {
  /** false for admin bookings (Acuity `admin=true`) and partial updates that keep earlier answers. */
  enforceRequired?: boolean;
}

export function validateAnswers(
  fields: readonly FormField[],
  answers: readonly FieldAnswerInput[],
  { enforceRequired = true }: ValidateAnswersOptions = {},
): FieldAnswer[] {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const normalized = new Map<number, string>();
  for (const answer of answers) {
    const field = byId.get(answer.id);
    if (!field) {
      throw new DomainError('invalid_field', { message: `The field "${answer.id}" does not exist on this appointment.`, field: 'fields', value: answer.id });
    }
    normalized.set(field.id, normalizeValue(field, answer.value));
  }
  if (enforceRequired) {
    for (const field of fields) {
      if (field.required && !satisfiesRequired(field, normalized.get(field.id) ?? '')) {
        throw new DomainError('required_field', { message: `The field "${field.id}" is required.`, field: 'fields', value: field.id });
      }
    }
  }
  return [...normalized].map(([fieldId, value]) => ({ fieldId, value }));
}

const satisfiesRequired = (field: FormField, value: string): boolean => (field.type === 'checkbox' ? value === 'yes' : value !== '');

function normalizeValue(field: FormField, raw: unknown): string {
  if (field.type === 'checkboxlist' && Array.isArray(raw) && raw.every((item) => typeof item === 'string')) {
    return normalizeChoices(field.options, raw.join(',')) ?? rejectValue(field, raw);
  }
  const text = asText(raw);
  if (text === undefined) rejectValue(field, raw);
  if (text === '') return '';
  switch (field.type) {
    case 'textbox':
    case 'textarea':
    case 'address':
      return text;
    case 'yesno':
    case 'checkbox':
      return normalizeBoolean(field, text);
    case 'dropdown':
      return findOption(field.options, text) ?? rejectValue(field, raw);
    case 'checkboxlist':
      return normalizeChoices(field.options, text) ?? rejectValue(field, raw);
    case 'file':
      if (!isHttpUrl(text)) rejectValue(field, raw);
      return text;
  }
}

/** The trimmed text of a scalar answer; undefined for objects, arrays and non-finite numbers. */
function asText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw === 'boolean') return String(raw);
  return undefined;
}

function normalizeBoolean(field: FormField, text: string): string {
  const lower = text.toLowerCase();
  if (lower === 'yes' || lower === 'true' || (field.type === 'checkbox' && lower === 'checked')) return 'yes';
  if (lower === 'no' || lower === 'false') return 'no';
  rejectValue(field, text);
}


function rejectValue(field: FormField, value: unknown): never {
  throw new DomainError('invalid_field_value', {
    message: `The value ${JSON.stringify(value) ?? String(value)} is invalid for field "${field.id}" (${field.type}).`,
    field: 'fields',
    value: field.id,
  });
}
