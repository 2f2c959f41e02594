// /admin/v1: a resource's external calendars with their sync status, and its outbound feed URL.
//   GET    /companies/{id}/resources/{resourceId}/externalCalendars   list (last read, last error, busy times held)
//   POST   /companies/{id}/resources/{resourceId}/externalCalendars   connect {type, url, username?, password?, intervalMinutes?}
//   DELETE /companies/{id}/externalCalendars/{calendarId}             disconnect
//   POST   /companies/{id}/externalCalendars/{calendarId}/sync        read it again now (answers at once; the read follows)
//   GET    /companies/{id}/resources/{resourceId}/feed                the secret /ical/{token}.ics URL (made on first ask)
//   POST   /companies/{id}/resources/{resourceId}/feed/rotate         a new URL; the old one stops working
// resourceId and calendarId take the numeric id or the uid.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { ExternalCalendarSchema, type ExternalCalendarInput } from '../../services/calendars/calendar-input.js';
import { addExternalCalendar, deleteExternalCalendar, listExternalCalendars, syncExternalCalendarNow } from '../../services/calendars/external-calendars.js';
import { resourceFeedLink } from '../../services/calendars/resource-feed-token.js';
import { getCompany } from '../../services/companies/get-company.js';
import type { ServiceContext } from '../../services/context.js';
import { keyColumn } from '../../services/lookup.js';

type CompanyParams = { id: string };
type ResourceParams = CompanyParams & { resourceId: string };
type CalendarParams = CompanyParams & { calendarId: string };

function companyId(text: string): number {
  if (!/^\d{1,15}$/.test(text) || Number(text) <= 0) throw new DomainError('invalid_input', { field: 'id', value: text, message: `Company id "${text}" is not a positive integer` });
  return Number(text);
}

function key(text: string, field: string): string {
  if (keyColumn(text) === null) throw new DomainError('invalid_input', { field, value: text, message: `${field} "${text}" is neither an id nor a uid` });
  return text;
}

export function registerExternalCalendarRoutes(app: FastifyInstance, services: ServiceContext): void {
  const tags = ['admin'];
  const company = async (text: string) => (await getCompany(services.store.db, companyId(text))).id;

  app.get<{ Params: ResourceParams }>('/companies/:id/resources/:resourceId/externalCalendars', {
    schema: { tags, summary: "A resource's external calendars with their sync status" },
  }, async (request) => ({ data: await listExternalCalendars(services, await company(request.params.id), key(request.params.resourceId, 'resourceId')) }));

  app.post<{ Params: ResourceParams; Body: ExternalCalendarInput }>('/companies/:id/resources/:resourceId/externalCalendars', {
    schema: { tags, summary: 'Connect an external calendar (iCal feed or CalDAV) to a resource', body: ExternalCalendarSchema },
  }, async (request, reply) => reply.code(201).send(
    await addExternalCalendar(services, await company(request.params.id), key(request.params.resourceId, 'resourceId'), request.body)));

  app.delete<{ Params: CalendarParams }>('/companies/:id/externalCalendars/:calendarId', {
    schema: { tags, summary: 'Disconnect an external calendar; its busy times go with it' },
  }, async (request) => deleteExternalCalendar(services, await company(request.params.id), key(request.params.calendarId, 'calendarId')));

  app.post<{ Params: CalendarParams }>('/companies/:id/externalCalendars/:calendarId/sync', {
    schema: { tags, summary: 'Read an external calendar again now' },
  }, async (request, reply) => reply.code(202).send(
    await syncExternalCalendarNow(services, await company(request.params.id), key(request.params.calendarId, 'calendarId'))));

  app.get<{ Params: ResourceParams }>('/companies/:id/resources/:resourceId/feed', {
    schema: { tags, summary: "The secret URL of a resource's iCal feed of booked appointments" },
  }, async (request) => resourceFeedLink(services, await company(request.params.id), key(request.params.resourceId, 'resourceId')));

  app.post<{ Params: ResourceParams }>('/companies/:id/resources/:resourceId/feed/rotate', {
    schema: { tags, summary: "Replace a resource's feed URL (the old one stops working)" },
  }, async (request) => resourceFeedLink(services, await company(request.params.id), key(request.params.resourceId, 'resourceId'), { rotate: true }));
}
