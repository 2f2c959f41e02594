// GET /ical/{token}.ics: a resource's booked appointments as an iCalendar feed, for subscribing in
// Google Calendar or Outlook. The token is the only credential (a calendar app cannot send
// headers), so an unknown or malformed one is a plain 404 that says nothing more.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { buildResourceFeed } from '../integrations/calendars/outbound-feed.js';
import { resourceFeedByToken } from '../services/calendars/resource-feed.js';
import type { ServiceContext } from '../services/context.js';

const FILE = /^([A-Za-z0-9_-]{16,128})\.ics$/;

export const icalFeedPlugin: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    return reply.code(500).type('text/plain; charset=utf-8').send('Internal server error.');
  });

  app.get<{ Params: { file: string } }>('/ical/:file', {
    schema: { tags: ['feeds'], summary: "A resource's booked appointments as an iCalendar feed (the URL comes from the admin API)", params: Type.Object({ file: Type.String() }) },
  }, async (request, reply) => {
    const token = FILE.exec(request.params.file)?.[1];
    const feed = token ? await resourceFeedByToken(services, token) : null;
    if (!feed) return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
    return reply.type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=60')
      .header('content-disposition', 'inline; filename="calendar.ics"')
      .send(buildResourceFeed(feed.resourceName, feed.appointments, services.now()));
  });
};
