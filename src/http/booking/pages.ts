// The booking page's HTML routes: service list, time picker, and the manage pages a confirmation
// links to (view, reschedule, cancel, .ics).
import type { FastifyInstance, FastifyReply } from 'fastify';
import ical from 'ical-generator';
import { cancelAppointment } from '../../services/appointments/change-status.js';
import { findBookingCompany, publicServices } from '../../services/booking-page/find-company.js';
import { loadManagedAppointment } from '../../services/booking-page/managed-appointment.js';
import { loadServicePage } from '../../services/booking-page/page-data.js';
import type { ServiceContext } from '../../services/context.js';
import type { CompanyRow } from '../../store/schema.js';
import type { WebAssets } from './assets.js';
import { esc, scriptJson } from './escape.js';
import { detailsFormHtml, type Prefill } from './form-markup.js';
import { pageHtml } from './layout.js';
import { cancelFormHtml, manageHtml } from './manage-markup.js';
import { firstOpenMonth } from './month-slots.js';
import { money, pickerHtml, serviceListHtml } from './page-markup.js';
import { visitorOf, type Visitor } from './visitor.js';
import { frameAncestors } from './security-headers.js';

type Params = { company: string; service: string; token: string };
const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : undefined);

export function registerPages(app: FastifyInstance, ctx: ServiceContext, assets: WebAssets | null) {
  const css = assets?.files['booking.css'] ?? null;
  const script = assets?.files['booking.js'] ?? null;
  const send = (reply: FastifyReply, company: CompanyRow | null, v: Visitor, title: string, body: string, state?: unknown) => {
    reply.header('content-security-policy', frameAncestors(company)).type('text/html; charset=utf-8');
    return reply.send(pageHtml({ lang: v.lang, title, body, css, script, embed: v.embed, state: state === undefined ? undefined : scriptJson(state) }));
  };

  app.get<{ Params: Params }>('/book/:company', async (request, reply) => {
    const v = visitorOf(request);
    const company = await findBookingCompany(ctx.store.db, request.params.company);
    const services = (await publicServices(ctx.store.db, company.id)).map((s) => ({
      href: `/book/${encodeURIComponent(company.slug ?? company.uid)}/${s.id}${v.keep}`, name: s.name, duration: s.duration, priceCents: s.price_cents, description: s.description,
    }));
    return send(reply, company, v, company.name, serviceListHtml(company.name, services, v.cat, v.locale), { page: 'list', cat: v.cat, locale: v.locale });
  });

  app.get<{ Params: Params; Querystring: Record<string, string> }>('/book/:company/:service', async (request, reply) => {
    const v = visitorOf(request);
    const page = await loadServicePage(ctx, request.params.company, request.params.service);
    const { company, service } = page;
    const q = request.query;
    const calendarID = /^\d{1,12}$/.test(q.calendarID ?? '') ? Number(q.calendarID) : undefined;
    const zone = v.zone ?? company.timezone;
    const { month, starts } = await firstOpenMonth(ctx, { company, service, zone, addonIds: [], resourceId: calendarID });
    const prefill: Prefill = {
      firstName: text(q.firstName, 100), lastName: text(q.lastName, 100), email: text(q.email, 254), phone: text(q.phone, 40),
      fields: Object.fromEntries(page.fields.map((f) => [f.id, text(q[`field:${f.id}`], 500)]).filter(([, value]) => value !== undefined)),
    };
    const addons = page.addons.map((a) => ({ ...a, checked: false }));
    const body = `<p><a href="/book/${encodeURIComponent(company.slug ?? company.uid)}${v.keep}">${esc(v.cat.backToServices)}</a></p>`
      + `<h1>${esc(service.name)}</h1>`
      + pickerHtml({ cat: v.cat, locale: v.locale, zone, month, starts, addons })
      + detailsFormHtml(v.cat, page.fields, prefill, money(service.price_cents, v.locale));
    const companyKey = encodeURIComponent(company.slug ?? company.uid);
    return send(reply, company, v, `${service.name} · ${company.name}`, body, {
      page: 'book', cat: v.cat, locale: v.locale, lang: v.lang, embed: v.embed, month, starts, businessZone: company.timezone, zoneFromQuery: v.zone !== null,
      api: `/book/api/${companyKey}/${service.id}`, holds: `/book/api/${companyKey}/holds`, calendarID: calendarID ?? null,
      priceCents: service.price_cents, addons: page.addons, keep: v.keep,
    });
  });

  app.get<{ Params: Params }>('/book/manage/:token', async (request, reply) => {
    const v = visitorOf(request);
    const managed = await loadManagedAppointment(ctx, request.params.token);
    const notice = (request.query as Record<string, string>).done === 'rescheduled' ? v.cat.rescheduled : undefined;
    const body = manageHtml({ managed, token: request.params.token, cat: v.cat, locale: v.locale, visitorZone: v.zone ?? managed.appointment.timezone ?? managed.company.timezone, notice, query: v.keep });
    return send(reply, managed.company, v, managed.appointment.service.name, body, { page: 'manage', cat: v.cat, locale: v.locale });
  });

  app.get<{ Params: Params }>('/book/manage/:token/calendar.ics', async (request, reply) => {
    const { appointment: a, company } = await loadManagedAppointment(ctx, request.params.token);
    const calendar = ical({ prodId: { company: 'OpenSlot', product: 'openslot', language: 'EN' } });
    calendar.createEvent({ id: a.uid, start: new Date(a.start), end: new Date(a.end), summary: `${a.service.name} · ${company.name}`, location: a.location.address ?? a.location.name });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appointment.ics"').send(calendar.toString());
  });

  app.get<{ Params: Params }>('/book/manage/:token/cancel', async (request, reply) => {
    const v = visitorOf(request);
    const managed = await loadManagedAppointment(ctx, request.params.token);
    if (!managed.canCancel) return reply.redirect(`/book/manage/${encodeURIComponent(request.params.token)}${v.keep}`, 303);
    return send(reply, managed.company, v, v.cat.cancelConfirm, cancelFormHtml(managed, request.params.token, v.cat, v.locale, v.keep));
  });

  app.post<{ Params: Params }>('/book/manage/:token/cancel', async (request, reply) => {
    const v = visitorOf(request);
    const managed = await loadManagedAppointment(ctx, request.params.token);
    await cancelAppointment(ctx, managed.company.id, managed.appointment.id, { clientRules: true });
    return reply.redirect(`/book/manage/${encodeURIComponent(request.params.token)}${v.keep}`, 303);
  });

  app.get<{ Params: Params }>('/book/manage/:token/reschedule', async (request, reply) => {
    const v = visitorOf(request);
    const managed = await loadManagedAppointment(ctx, request.params.token);
    const { company, appointment: a } = managed;
    if (!managed.canReschedule) return reply.redirect(`/book/manage/${encodeURIComponent(request.params.token)}${v.keep}`, 303);
    const service = await ctx.store.db.selectFrom('services').selectAll().where('id', '=', a.service.id).executeTakeFirstOrThrow();
    const zone = v.zone ?? company.timezone;
    const { month, starts } = await firstOpenMonth(ctx, { company, service, zone, addonIds: a.addonIds, ignoreAppointmentId: a.id });
    const body = `<h1>${esc(v.cat.rescheduleTo)}</h1><p>${esc(a.service.name)}</p>` + pickerHtml({ cat: v.cat, locale: v.locale, zone, month, starts, addons: [] });
    return send(reply, company, v, v.cat.rescheduleTo, body, {
      page: 'reschedule', cat: v.cat, locale: v.locale, lang: v.lang, embed: v.embed, month, starts, businessZone: company.timezone, zoneFromQuery: v.zone !== null,
      api: `/book/api/manage/${encodeURIComponent(request.params.token)}`, keep: v.keep, addons: [], calendarID: null, priceCents: 0,
    });
  });
}
