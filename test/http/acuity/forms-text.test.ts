// formsText laid out as recorded real Acuity responses show it (the expected strings are written
// here by hand, following the recorded layout: header lines, a blank line, then blocks separated by
// blank lines, each name underlined with "============", a blank line after each answer).
import { describe, expect, it } from 'vitest';
import { displayPhone, formsText } from '../../../src/http/acuity/forms-text.js';

const base = { firstName: 'Jo', lastName: 'Park', phone: '', email: '', price: '0.00', location: '', forms: [] };

describe('Acuity formsText', () => {
  it('is only the header without location or forms; E-mail only with an email, Price only when not zero', () => {
    expect(formsText(base)).toBe('Name: Jo Park\nPhone: \n');
    expect(formsText({ ...base, email: 'jo@example.com' })).toBe('Name: Jo Park\nPhone: \nE-mail: jo@example.com\n');
    expect(formsText({ ...base, phone: '+4420 7946 0000', price: '12.50' })).toBe('Name: Jo Park\nPhone: +4420 7946 0000\nPrice: $12.50\n');
  });

  it('shows a ten-digit phone the US way', () => {
    expect(displayPhone('2125550143')).toBe('(212) 555-0143');
    expect(displayPhone('555-0100')).toBe('555-0100');
  });

  it('adds the location block and each form, underlined, with a blank line after every answer', () => {
    const text = formsText({
      ...base, phone: '2125550143', email: 'jo@example.com', price: '80.00', location: '12 Elm St, Springfield',
      forms: [
        { name: 'Before you come', values: [{ name: 'First visit?', value: 'yes' }, { name: 'Allergies', value: '' }] },
        { name: 'Consent', values: [{ name: 'I agree to the terms', value: 'I agree' }] },
      ],
    });
    expect(text).toBe(
      'Name: Jo Park\nPhone: (212) 555-0143\nE-mail: jo@example.com\nPrice: $80.00\n\n'
      + 'Location\n============\n12 Elm St, Springfield\n\n\n'
      + 'Before you come\n============\nFirst visit?: yes\n\nAllergies: \n\n\n\n'
      + 'Consent\n============\nI agree to the terms: I agree\n\n',
    );
  });

  it('puts a form right after the header when there is no location', () => {
    expect(formsText({ ...base, forms: [{ name: 'Intake', values: [{ name: 'Notes', value: 'none' }] }] }))
      .toBe('Name: Jo Park\nPhone: \n\nIntake\n============\nNotes: none\n\n');
  });
});
