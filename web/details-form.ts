// Sending the details form: required fields checked first, then the server's verdict; every error
// is written next to its field (aria-describedby), the field marked invalid, a summary announced,
// and focus moved to the first field in error.
import type { Catalog } from '../src/http/booking/messages.js';
import { api, type ApiError } from './request.js';

function answersOf(form: HTMLFormElement): Array<{ id: number; value: string | string[] }> {
  const data = new FormData(form);
  const names = new Set([...form.querySelectorAll<HTMLInputElement>('[name^="field-"]')].map((e) => e.name));
  return [...names].map((name) => {
    const id = Number(name.slice('field-'.length));
    const group = form.querySelector(`fieldset#f-${name}`);
    const values = data.getAll(name).map(String);
    if (group && group.querySelector('input[type=checkbox]')) return { id, value: values };
    return { id, value: values[0] ?? '' };
  });
}

function clearErrors(form: HTMLFormElement) {
  form.querySelectorAll<HTMLElement>('.error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

function showError(form: HTMLFormElement, field: string, message: string): HTMLElement | null {
  const target = form.querySelector<HTMLElement>(`#f-${CSS.escape(field)}`);
  const text = form.querySelector<HTMLElement>(`#e-${CSS.escape(field)}`);
  if (!target || !text) return null;
  text.textContent = message;
  text.hidden = false;
  target.setAttribute('aria-invalid', 'true');
  return target.tagName === 'FIELDSET' ? target.querySelector('input') : target;
}

function announce(form: HTMLFormElement, message: string, first: HTMLElement | null) {
  const summary = form.querySelector<HTMLElement>('#form-errors')!;
  summary.hidden = false;
  summary.textContent = message;
  (first ?? summary).focus();
}

/** The manage URL when booked; false when the visitor must correct something; null when the hold is gone. */
export async function sendForm(form: HTMLFormElement, url: string, zone: string, cat: Catalog): Promise<string | false | null> {
  clearErrors(form);
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  let first: HTMLElement | null = null;
  for (const name of ['firstName', 'lastName', 'email']) {
    if (!value(name)) first = first ?? showError(form, name, cat.required);
  }
  for (const group of form.querySelectorAll<HTMLElement>('[data-required][id^="f-field-"]')) {
    const name = group.id.slice(2);
    const answered = new FormData(form).getAll(name).some((v) => String(v).trim() !== '');
    if (!answered) first = first ?? showError(form, name, cat.required);
  }
  if (first) { announce(form, cat.errorsFound, first); return false; }
  try {
    const booked = await api<{ manageUrl: string }>('POST', url, {
      firstName: value('firstName'), lastName: value('lastName'), email: value('email'), phone: value('phone') || undefined,
      certificate: value('certificate') || undefined, timezone: zone, answers: answersOf(form),
    });
    return booked.manageUrl;
  } catch (e) {
    const error = e as ApiError;
    if (error.code === 'hold_expired' || (error.status === 404 && error.field === 'hold')) { announce(form, error.message, null); return null; }
    announce(form, error.message, error.field ? showError(form, error.field, error.message) : null);
    return false;
  }
}
