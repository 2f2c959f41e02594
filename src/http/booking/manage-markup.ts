// The confirmation and manage page: what was booked, when (in the visitor's zone and the
// business's), an .ics link, and Reschedule / Cancel as the company's client rules allow.
import type { ManagedAppointment } from '../../services/booking-page/managed-appointment.js';
import { esc } from './escape.js';
import { translate, type Catalog } from './messages.js';
import { money } from './page-markup.js';

const when = (ms: number, zone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(ms);

export interface ManageInput { managed: ManagedAppointment; token: string; cat: Catalog; locale: string; visitorZone: string; notice?: string; query: string }

export function manageHtml({ managed, token, cat, locale, visitorZone, notice, query }: ManageInput): string {
  const { appointment: a, company, canCancel, canReschedule } = managed;
  const canceled = a.status === 'CN';
  const base = `/book/manage/${encodeURIComponent(token)}`;
  const businessZone = a.location.timezone;
  const times = `<dl class="when"><dt>${esc(translate(cat, 'yourTime', { zone: visitorZone }))}</dt><dd id="visitor-time" data-start="${new Date(a.start).toISOString()}">${esc(when(a.start, visitorZone, locale))}</dd>`
    + `<dt>${esc(translate(cat, 'businessTime', { zone: businessZone }))}</dt><dd id="business-time">${esc(when(a.start, businessZone, locale))}</dd></dl>`;
  const details = `<p>${esc(a.service.name)} · ${esc(company.name)}${a.resources.length ? ` · ${esc(a.resources.map((r) => r.name).join(', '))}` : ''}</p>`
    + `<p>${esc(cat.price)}: ${esc(a.priceCents ? money(a.priceCents, locale) : cat.free)}</p>`;
  const actions = canceled ? '' : `<ul class="actions"><li><a href="${base}/calendar.ics">${esc(cat.addToCalendar)}</a></li>`
    + (canReschedule ? `<li><a href="${base}/reschedule${query}">${esc(cat.reschedule)}</a></li>` : `<li>${esc(cat.notAllowedReschedule)}</li>`)
    + (canCancel ? `<li><a href="${base}/cancel${query}">${esc(cat.cancel)}</a></li>` : `<li>${esc(cat.notAllowedCancel)}</li>`) + '</ul>';
  return `<h1>${esc(canceled ? cat.canceled : cat.confirmed)}</h1>${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ''}`
    + details + times + actions;
}

export function cancelFormHtml(managed: ManagedAppointment, token: string, cat: Catalog, locale: string, query: string): string {
  const a = managed.appointment;
  return `<h1>${esc(cat.cancelConfirm)}</h1><p>${esc(a.service.name)} · ${esc(when(a.start, a.location.timezone, locale))}</p>`
    + `<form method="post" action="/book/manage/${encodeURIComponent(token)}/cancel${query}"><button type="submit" class="primary">${esc(cat.cancel)}</button></form>`;
}
