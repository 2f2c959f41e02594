// OnSched clients answer a service's intake form in the appointment's CustomFields: a key equal to a
// form field's id or uid answers that field. Required fields are enforced when the appointment
// becomes BK (never on a hold or reservation), and every error names the key the caller sends.
import { validateAnswers, type FieldAnswer } from '../../core/booking/index.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import type { ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { serviceFormFields } from './extras.js';

export async function answersFromCustomFields(tx: Tx, service: ServiceRow, customFields: Record<string, unknown>, enforceRequired: boolean): Promise<FieldAnswer[]> {
  const fields = await serviceFormFields(tx, service.id);
  if (fields.length === 0) return [];
  const uids = new Map((await tx.selectFrom('form_fields').select(['id', 'uid']).where('id', 'in', fields.map((f) => f.id)).execute()).map((r) => [r.id, r.uid]));
  const keyOf = (id: number) => `CustomFields.${uids.get(id) ?? id}`;
  const answers: FieldAnswer[] = [];
  for (const field of fields) {
    const key = Object.keys(customFields).find((k) => k === String(field.id) || k.toLowerCase() === uids.get(field.id));
    if (key !== undefined) {
      try {
        answers.push(...validateAnswers([field], [{ id: field.id, value: customFields[key] }], { enforceRequired }));
      } catch (error) {
        if (isDomainError(error)) throw new DomainError(error.code, { field: `CustomFields.${key}`, value: customFields[key], message: `CustomFields.${key} (${field.name}): ${error.message}` });
        throw error;
      }
    }
    const answered = answers.find((a) => a.fieldId === field.id);
    if (enforceRequired && field.required && (!answered || answered.value === '' || (field.type === 'checkbox' && answered.value !== 'yes'))) {
      throw new DomainError('required_field', { field: keyOf(field.id), value: field.id, message: `${keyOf(field.id)} (${field.name}) is required to book` });
    }
  }
  return answers;
}
