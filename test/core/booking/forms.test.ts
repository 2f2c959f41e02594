import { describe, expect, it } from 'vitest';
import { validateAnswers, type FieldType, type FormField } from '../../../src/core/booking/forms.js';
import { DomainError } from '../../../src/core/errors.js';

const field = (id: number, type: FieldType, extra: Partial<FormField> = {}): FormField => ({
  id,
  name: `Field ${id}`,
  type,
  required: false,
  options: null,
  ...extra,
});

const TEXTBOX = field(1, 'textbox');
const TEXTAREA = field(2, 'textarea');
const DROPDOWN = field(3, 'dropdown', { options: ['Small', 'Medium', 'Large'] });
const CHECKBOX = field(4, 'checkbox');
const CHECKBOXLIST = field(5, 'checkboxlist', { options: ['A', 'B', 'C', 'Red, white'] });
const YESNO = field(6, 'yesno');
const FILE = field(7, 'file');
const ADDRESS = field(8, 'address');
const ALL = [TEXTBOX, TEXTAREA, DROPDOWN, CHECKBOX, CHECKBOXLIST, YESNO, FILE, ADDRESS];

/** The stored value of one answer to one field. */
const valueOf = (f: FormField, value: unknown): string => validateAnswers([f], [{ id: f.id, value }])[0].value;

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

const invalidValue = (f: FormField, value: unknown) => {
  const error = errorOf(() => validateAnswers([f], [{ id: f.id, value }]));
  expect(error.code).toBe('invalid_field_value');
  expect(error.value).toBe(f.id);
};

describe('validateAnswers: the answers as a whole', () => {
  it('returns one normalised answer per answered field, in answer order', () => {
    const answers = validateAnswers(ALL, [
      { id: 6, value: true },
      { id: 1, value: '  Ann  ' },
    ]);
    expect(answers).toEqual([
      { fieldId: 6, value: 'yes' },
      { fieldId: 1, value: 'Ann' },
    ]);
  });

  it('rejects an answer for a field the appointment does not have', () => {
    const error = errorOf(() => validateAnswers([TEXTBOX], [{ id: 99, value: 'x' }]));
    expect(error.code).toBe('invalid_field');
    expect(error.value).toBe(99);
    expect(error.message).toBe('The field "99" does not exist on this appointment.');
  });

  it('rejects a required field that is missing, null or blank', () => {
    const required = field(4, 'textbox', { required: true });
    for (const answers of [[], [{ id: 4, value: null }], [{ id: 4, value: '   ' }]]) {
      const error = errorOf(() => validateAnswers([TEXTBOX, required], answers));
      expect(error.code).toBe('required_field');
      expect(error.value).toBe(4);
      expect(error.message).toBe('The field "4" is required.');
    }
  });

  it('keeps a blank answer to an optional field, so an update can clear it', () => {
    expect(validateAnswers([TEXTBOX], [{ id: 1, value: '' }])).toEqual([{ fieldId: 1, value: '' }]);
    expect(valueOf(DROPDOWN, null)).toBe('');
  });

  it('skips the required check when told to (admin bookings, partial updates)', () => {
    const required = field(1, 'textbox', { required: true });
    expect(validateAnswers([required], [], { enforceRequired: false })).toEqual([]);
  });

  it('still validates values when the required check is skipped', () => {
    expect(() => validateAnswers([DROPDOWN], [{ id: 3, value: 'Huge' }], { enforceRequired: false })).toThrow(
      expect.objectContaining({ code: 'invalid_field_value' }),
    );
  });

  it('keeps the last answer when a field is answered twice', () => {
    expect(validateAnswers([TEXTBOX], [{ id: 1, value: 'first' }, { id: 1, value: 'second' }])).toEqual([{ fieldId: 1, value: 'second' }]);
  });

  it('reports an unknown field before a missing required one', () => {
    const required = field(2, 'textbox', { required: true });
    expect(errorOf(() => validateAnswers([required], [{ id: 9, value: 'x' }])).code).toBe('invalid_field');
  });
});

describe('validateAnswers: each field type', () => {
  it('textbox, textarea and address take text or numbers, trimmed', () => {
    expect(valueOf(TEXTBOX, ' hello ')).toBe('hello');
    expect(valueOf(TEXTBOX, 42)).toBe('42');
    expect(valueOf(TEXTAREA, 'line 1\nline 2\n')).toBe('line 1\nline 2');
    expect(valueOf(ADDRESS, '1 Main St, Springfield')).toBe('1 Main St, Springfield');
  });

  it('text fields reject objects, arrays and non-finite numbers', () => {
    invalidValue(TEXTBOX, { text: 'x' });
    invalidValue(TEXTAREA, ['a']);
    invalidValue(ADDRESS, Number.NaN);
  });

  it('dropdown takes one of its options, case-insensitively, stored as spelled in the form', () => {
    expect(valueOf(DROPDOWN, 'medium')).toBe('Medium');
    invalidValue(DROPDOWN, 'Huge');
    invalidValue(field(3, 'dropdown', { options: null }), 'Small');
  });

  it('checkbox takes yes/no/true/false/checked and stores yes or no', () => {
    for (const value of ['yes', 'YES', 'true', true, 'checked', 'Checked']) expect(valueOf(CHECKBOX, value)).toBe('yes');
    for (const value of ['no', 'false', false]) expect(valueOf(CHECKBOX, value)).toBe('no');
    invalidValue(CHECKBOX, 'maybe');
    invalidValue(CHECKBOX, 1);
  });

  it('a required checkbox must be checked', () => {
    const terms = field(4, 'checkbox', { required: true });
    expect(errorOf(() => validateAnswers([terms], [{ id: 4, value: 'no' }])).code).toBe('required_field');
    expect(valueOf(terms, 'checked')).toBe('yes');
  });

  it('yesno takes yes/no and booleans and stores yes or no; "checked" is not an answer to a question', () => {
    expect(valueOf(YESNO, 'Yes')).toBe('yes');
    expect(valueOf(YESNO, true)).toBe('yes');
    expect(valueOf(YESNO, false)).toBe('no');
    expect(valueOf(YESNO, 'no')).toBe('no');
    invalidValue(YESNO, 'checked');
    invalidValue(YESNO, 'y');
  });

  it('a required yesno accepts "no"', () => {
    expect(valueOf(field(6, 'yesno', { required: true }), 'no')).toBe('no');
  });

  it('checkboxlist takes one comma-delimited string and stores the chosen options in form order', () => {
    expect(valueOf(CHECKBOXLIST, 'A,C')).toBe('A,C');
    expect(valueOf(CHECKBOXLIST, 'c, a')).toBe('A,C');
    expect(valueOf(CHECKBOXLIST, 'A,A,,B,')).toBe('A,B');
  });

  it('checkboxlist matches options that contain commas whole', () => {
    expect(valueOf(CHECKBOXLIST, 'Red, white,B')).toBe('B,Red, white');
    // With both "Red" and "Red, white" on offer, the longer option wins.
    const overlapping = field(5, 'checkboxlist', { options: ['Red', 'Red, white', 'Blue'] });
    expect(valueOf(overlapping, 'Red, white')).toBe('Red, white');
    expect(valueOf(overlapping, 'Red,Blue')).toBe('Red,Blue');
  });

  it('checkboxlist also takes an array of strings', () => {
    expect(valueOf(CHECKBOXLIST, ['B', 'A'])).toBe('A,B');
  });

  it('checkboxlist rejects an item that is not an option', () => {
    invalidValue(CHECKBOXLIST, 'A,D');
    invalidValue(CHECKBOXLIST, 'Red');
    invalidValue(CHECKBOXLIST, ['A', 3]);
  });

  it('a required checkboxlist needs at least one item', () => {
    const required = field(5, 'checkboxlist', { required: true, options: ['A'] });
    expect(errorOf(() => validateAnswers([required], [{ id: 5, value: ' , ' }])).code).toBe('required_field');
  });

  it('file takes an http(s) URL', () => {
    expect(valueOf(FILE, 'https://files.example.com/x.pdf')).toBe('https://files.example.com/x.pdf');
    invalidValue(FILE, 'not a url');
    invalidValue(FILE, 'ftp://files.example.com/x.pdf');
    invalidValue(FILE, 'javascript:alert(1)');
  });
});
