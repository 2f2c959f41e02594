// Acuity's `formsText`: the plain-text rendering of an appointment's intake that Acuity puts in
// emails and exports, laid out as recorded real responses show it:
//
//   Name: Jane Doe            always
//   Phone: (651) 270-7157     always (empty when unknown); ten-digit numbers shown the US way
//   E-mail: jane@example.com  only with an email
//   Price: $149.00            only when the price is not zero
//                             a blank line, then the blocks, separated by blank lines:
//   Location                  the location block, when the appointment has one
//   ============
//   8105 Casper Way East
//
//   Intake                    each form: its name underlined, then "Question: answer" and a blank
//   ============              line after each answer (unanswered questions included, empty)
//   First visit?: yes
//
export interface FormsTextInput {
  firstName: string; lastName: string; phone: string; email: string; price: string; location: string;
  forms: Array<{ name: string; values: Array<{ name: string; value: string }> }>;
}

const UNDERLINE = '============';

/** "6512707157" → "(651) 270-7157"; anything else as it was given. */
export function displayPhone(phone: string): string {
  const digits = /^\d{10}$/.test(phone) ? phone : null;
  return digits ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : phone;
}

export function formsText(a: FormsTextInput): string {
  let header = `Name: ${`${a.firstName} ${a.lastName}`.trim()}\nPhone: ${displayPhone(a.phone)}\n`;
  if (a.email) header += `E-mail: ${a.email}\n`;
  if (Number(a.price) !== 0) header += `Price: $${a.price}\n`;
  const blocks: string[] = [];
  if (a.location) blocks.push(`Location\n${UNDERLINE}\n${a.location}\n`);
  for (const form of a.forms) {
    blocks.push(`${form.name}\n${UNDERLINE}\n${form.values.map((v) => `${v.name}: ${v.value}\n\n`).join('')}`);
  }
  return blocks.length ? `${header}\n${blocks.join('\n\n')}` : header;
}
