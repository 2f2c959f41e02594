// Plain templates, one per kind of notice and reader: a sentence saying what happened, the facts
// (what, when, where, with whom), and for customers the links to change it. Text and HTML say the same.
import { escapeHtml } from './wording.js';

export type NoticeKind = 'scheduled' | 'rescheduled' | 'canceled' | 'reminder';

export interface TemplateInput {
  kind: NoticeKind;
  audience: 'customer' | 'staff';
  companyName: string;
  serviceName: string;
  when: string;
  /** The same time, shorter, for the subject line. */
  whenShort: string;
  place: string;
  withWhom: string;
  customerName: string;
  customerContact: string | null;
  links: { cancel: string; reschedule: string } | null;
}

export interface RenderedEmail { subject: string; text: string; html: string }

const CUSTOMER_LINES: Record<NoticeKind, { subject: string; headline: string }> = {
  scheduled: { subject: 'Confirmed', headline: 'Your appointment is confirmed.' },
  rescheduled: { subject: 'Rescheduled', headline: 'Your appointment has been moved to a new time.' },
  canceled: { subject: 'Canceled', headline: 'Your appointment has been canceled.' },
  reminder: { subject: 'Reminder', headline: 'This is a reminder of your upcoming appointment.' },
};

const STAFF_LINES: Record<NoticeKind, { subject: string; headline: string }> = {
  scheduled: { subject: 'New booking', headline: 'A new appointment was booked with you.' },
  rescheduled: { subject: 'Moved', headline: 'An appointment with you was moved to a new time.' },
  canceled: { subject: 'Canceled', headline: 'An appointment with you was canceled.' },
  reminder: { subject: 'Reminder', headline: 'You have an upcoming appointment.' },
};

export function renderEmail(t: TemplateInput): RenderedEmail {
  const lines = (t.audience === 'customer' ? CUSTOMER_LINES : STAFF_LINES)[t.kind];
  const who = t.audience === 'staff' ? `${t.customerName} – ` : '';
  const subject = `${lines.subject}: ${who}${t.serviceName} on ${t.whenShort}`;
  const facts: Array<[string, string]> = [
    ['What', t.serviceName], ['When', t.when], ['Where', t.place], ['With', t.withWhom],
    ...(t.audience === 'staff' ? [['Client', [t.customerName, t.customerContact].filter(Boolean).join(', ')] as [string, string]] : []),
  ];
  const links = t.kind === 'canceled' || t.audience === 'staff' ? null : t.links;
  const greeting = t.audience === 'customer' ? `Hello ${t.customerName},` : 'Hello,';

  const text = [
    greeting, '', lines.headline, '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(links ? ['', `Need to reschedule? ${links.reschedule}`, `Need to cancel? ${links.cancel}`] : []),
    '', `— ${t.companyName}`, '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${e(greeting)}</p>`, `<p><strong>${e(lines.headline)}</strong></p>`,
    '<table cellpadding="4">', ...facts.map(([label, value]) => `<tr><th align="left">${e(label)}</th><td>${e(value)}</td></tr>`), '</table>',
    ...(links ? [`<p><a href="${e(links.reschedule)}">Reschedule</a> · <a href="${e(links.cancel)}">Cancel</a></p>`] : []),
    `<p>— ${e(t.companyName)}</p>`, '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
