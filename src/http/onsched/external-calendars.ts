// A resource's connected calendars on the OnSched surface (OnSched connects Google and Outlook
// through its own consent pages; OpenSlot takes the calendar's iCal feed or CalDAV collection):
//   GET    /v3/resource/{id}/externalCalendars              list, with how the last reads went
//   POST   /v3/resource/{id}/externalCalendar               connect {type, url, username?, password?, intervalMinutes?}
//   DELETE /v3/resource/{id}/externalCalendar/{calendarId}  disconnect; answers what was deleted
// Credentials are write-only: no answer ever contains a password or a feed's secret address.
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ExternalCalendarSchema } from '../../services/calendars/calendar-input.js';
import { addExternalCalendar, deleteExternalCalendar, listExternalCalendars, type ExternalCalendarView } from '../../services/calendars/external-calendars.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { iso } from './render.js';
import { idempotency } from './request.js';
import { ErrorResponses, IdParams, Nullable, StringEnum, Uuid, doc } from './schemas/common.js';

// The same fields as the setup document's, but lenient about unknown ones, as every /v3 body is.
const CalendarBody = Type.Object(ExternalCalendarSchema.properties);
type CalendarBody = Static<typeof CalendarBody>;
const CalendarParams = Type.Object({ id: Uuid, calendarId: Uuid });
type CalendarParams = Static<typeof CalendarParams>;
const Millis = Nullable(Type.String());

const ExternalCalendar = Type.Object({
  object: Type.Literal('externalCalendar'), id: Type.String(), ResourceId: Type.String(), type: StringEnum(['ics', 'caldav'] as const),
  url: Type.String({ description: 'Where the calendar is read from; a feed shows only its host and file name' }),
  username: Nullable(Type.String()), intervalMinutes: Nullable(Type.Integer()),
  syncStatus: StringEnum(['pending', 'ok', 'error'] as const), lastSyncAt: Millis, lastSuccessAt: Millis, lastError: Nullable(Type.String()),
  createdAt: Type.String(),
});

const render = (c: ExternalCalendarView): Static<typeof ExternalCalendar> => ({
  object: 'externalCalendar', id: c.uid, ResourceId: c.resource.uid, type: c.type, url: c.url, username: c.username,
  intervalMinutes: c.intervalMinutes, syncStatus: c.sync.state, lastSyncAt: c.sync.lastAttemptAt === null ? null : iso(c.sync.lastAttemptAt),
  lastSuccessAt: c.sync.lastSuccessAt === null ? null : iso(c.sync.lastSuccessAt), lastError: c.sync.lastError, createdAt: iso(c.createdAt),
});

export async function externalCalendarRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const one = { 200: ExternalCalendar, ...ErrorResponses };
  app.get<{ Params: IdParams }>('/resource/:id/externalCalendars', {
    schema: { ...doc('resources', "A resource's connected external calendars"), params: IdParams, response: { 200: Type.Array(ExternalCalendar), ...ErrorResponses } },
  }, async (request) => (await listExternalCalendars(services, companyOf(request), request.params.id)).map(render));

  app.post<{ Params: IdParams; Body: CalendarBody }>('/resource/:id/externalCalendar', {
    schema: { ...doc('resources', 'Connect an external calendar (iCal feed or CalDAV) to a resource'), params: IdParams, body: CalendarBody, response: one },
  }, async (request) => render(await addExternalCalendar(services, companyOf(request), request.params.id, request.body, idempotency(request))));

  app.delete<{ Params: CalendarParams }>('/resource/:id/externalCalendar/:calendarId', {
    schema: { ...doc('resources', 'Disconnect an external calendar; returns what was deleted'), params: CalendarParams, response: one },
  }, async (request) => render(await deleteExternalCalendar(services, companyOf(request), request.params.calendarId, request.params.id)));
}
