// The customer's details form: labelled fields, one control per intake-form field type, add-ons
// price line, a coupon or package code, the total and the Book button. Errors are written next to
// their field (aria-describedby) by the browser script.
import type { FormField } from '../../core/booking/index.js';
import { esc } from './escape.js';
import type { Catalog } from './messages.js';

export type Prefill = Partial<Record<'firstName' | 'lastName' | 'email' | 'phone', string>> & { fields: Record<number, string> };

const error = (name: string) => `<p class="error" id="e-${name}" hidden></p>`;

function input(name: string, label: string, attrs: string, value: string | undefined): string {
  return `<div class="field"><label for="f-${name}">${esc(label)}</label>`
    + `<input id="f-${name}" name="${name}" ${attrs} value="${esc(value ?? '')}" aria-describedby="e-${name}">${error(name)}</div>`;
}

function options(field: FormField): string[] {
  return (field.options ?? []).map(String);
}

function intakeField(field: FormField, cat: Catalog, value: string | undefined): string {
  const name = `field-${field.id}`;
  const req = field.required ? ' required aria-required="true" data-required' : '';
  const label = `${field.name}${field.required ? ' *' : ''}`;
  const described = `aria-describedby="e-${name}"`;
  switch (field.type) {
    case 'textarea':
    case 'address':
      return `<div class="field"><label for="f-${name}">${esc(label)}</label><textarea id="f-${name}" name="${name}" maxlength="2000" rows="3"`
        + `${field.type === 'address' ? ' autocomplete="street-address"' : ''}${req} ${described}>${esc(value ?? '')}</textarea>${error(name)}</div>`;
    case 'dropdown':
      return `<div class="field"><label for="f-${name}">${esc(label)}</label><select id="f-${name}" name="${name}"${req} ${described}><option value=""></option>`
        + options(field).map((o) => `<option${o === value ? ' selected' : ''}>${esc(o)}</option>`).join('') + `</select>${error(name)}</div>`;
    case 'checkbox':
      return `<div class="field check"><input type="checkbox" id="f-${name}" name="${name}" value="yes"${value === 'yes' ? ' checked' : ''}${req} ${described}>`
        + `<label for="f-${name}">${esc(label)}</label>${error(name)}</div>`;
    case 'checkboxlist':
    case 'yesno': {
      const choices = field.type === 'yesno' ? [['yes', cat.yes], ['no', cat.no]] : options(field).map((o) => [o, o]);
      const type = field.type === 'yesno' ? 'radio' : 'checkbox';
      const picked = (value ?? '').split(',');
      // A radio group may say it is required (aria-required); a group of checkboxes may not, so data-required tells the script.
      const group = (field.type === 'yesno' ? ' role="radiogroup"' : '') + (field.required ? ` data-required${field.type === 'yesno' ? ' aria-required="true"' : ''}` : '');
      return `<fieldset class="field" id="f-${name}" ${described}${group}><legend>${esc(label)}</legend>`
        + choices.map(([v, text], i) => `<span class="choice"><input type="${type}" id="f-${name}-${i}" name="${name}" value="${esc(v)}"${picked.includes(v) ? ' checked' : ''}>`
          + `<label for="f-${name}-${i}">${esc(text)}</label></span>`).join('') + `${error(name)}</fieldset>`;
    }
    case 'file':
      return input(name, label, `type="url" maxlength="2000" inputmode="url"${req}`, value);
    default:
      return input(name, label, `type="text" maxlength="500"${req}`, value);
  }
}

export function detailsFormHtml(cat: Catalog, fields: FormField[], prefill: Prefill, total: string): string {
  return '<form id="details" hidden novalidate aria-labelledby="details-title">'
    + `<h2 id="details-title">${esc(cat.yourDetails)}</h2><p id="chosen"></p>`
    + `<p id="hold-status"><span id="countdown" aria-live="polite"></span> <button type="button" id="extend">${esc(cat.extend)}</button></p>`
    + `<p id="form-errors" class="error" role="alert" hidden></p>`
    + input('firstName', cat.firstName, 'type="text" required aria-required="true" maxlength="100" autocomplete="given-name"', prefill.firstName)
    + input('lastName', cat.lastName, 'type="text" required aria-required="true" maxlength="100" autocomplete="family-name"', prefill.lastName)
    + input('email', cat.email, 'type="email" required aria-required="true" maxlength="254" autocomplete="email"', prefill.email)
    + input('phone', cat.phone, 'type="tel" maxlength="40" autocomplete="tel"', prefill.phone)
    + fields.map((f) => intakeField(f, cat, prefill.fields[f.id])).join('')
    + `<div class="field"><label for="f-certificate">${esc(cat.code)}</label><span class="inline"><input id="f-certificate" name="certificate" type="text" maxlength="100" aria-describedby="e-certificate">`
    + `<button type="button" id="check-code">${esc(cat.checkCode)}</button></span><p id="code-status" aria-live="polite"></p>${error('certificate')}</div>`
    + `<p class="total">${esc(cat.total)}: <output id="total">${esc(total)}</output></p>`
    + `<button type="submit" id="book" class="primary">${esc(cat.bookButton)}</button></form>`;
}
