// /v3/unavailability: the calendar view (one snake_case row per concrete interval), stored blocks
// (created one at a time or as an array, listed and deleted under /blocks, replaced per entity by
// setUnavailabilityBlocks), and the first version's one-object routes. Recurring blocks live in
// recurring-blocks.ts.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createBlocks, setUnavailabilityBlocks } from '../../services/catalog/block-sets.js';
import { createBlock, deleteBlock, getBlock, listBlocks } from '../../services/catalog/blocks.js';
import type { ServiceContext } from '../../services/context.js';
import { unavailabilityCalendar, type CalendarRow } from '../../services/scheduling/unavailability-calendar.js';
import { companyOf } from './auth.js';
import { iso } from './render.js';
import { renderUnavailability } from './render-setup.js';
import { idempotency, instant, instantIn, invalid, listOf, pageOf, zoneParam } from './request.js';
import { ErrorResponses, IdParams, ListOf, doc } from './schemas/common.js';
import { UnavailabilityBody, UnavailabilityObject } from './schemas/setup.js';
import {
  BlockItem, BlocksQuery, CalendarQuery, CalendarRow as CalendarRowSchema, SetBlocksBody, UnavailabilityQuery,
} from './schemas/unavailability.js';

const TAG = 'unavailability';
// if/then/else rather than a union, so a bad body is reported against the shape it was sent in.
const OneOrMany = Type.Unsafe<UnavailabilityBody | BlockItem[]>({
  if: { type: 'array' }, then: Type.Array(BlockItem, { minItems: 1, maxItems: 500 }), else: UnavailabilityBody,
});
const one = { 200: UnavailabilityObject, ...ErrorResponses };
const many = { 200: Type.Array(UnavailabilityObject), ...ErrorResponses };

function times(b: { startTime: string; endTime: string }, at = '') {
  const start = instant(b.startTime, `${at}startTime`);
  const end = instant(b.endTime, `${at}endTime`);
  if (end <= start) throw invalid(`${at}endTime`, `${at}endTime must be after startTime`, b.endTime);
  return { start, end };
}

function single(b: UnavailabilityBody) {
  const weekly = b.recurring === 'WEEKLY';
  const { start, end } = times(b);
  const until = weekly && b.until ? instant(b.until, 'until') : null;
  if (until !== null && until <= start) throw invalid('until', 'until must be after startTime', b.until);
  return { resourceKey: b.ResourceId, locationKey: b.LocationId, serviceKey: b.ServiceId, start, end, weekly, until, notes: b.reason ?? null };
}

const renderRow = (r: CalendarRow) => ({
  source: r.source, entity_type: r.entityType, entity_id: r.entityId, start_time: iso(r.start), end_time: iso(r.end), reason: r.reason, id: r.sourceId,
});

/** startDate/endDate: a date alone is read in `timezone` (default UTC), endDate through the end of that day. */
function window(q: { startDate: string; endDate: string; timezone?: string }) {
  const zone = zoneParam(q.timezone) ?? 'UTC';
  return { from: instantIn(q.startDate, zone, 'startDate'), to: instantIn(q.endDate, zone, 'endDate', true) };
}

export async function unavailabilityRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const calendar = async (companyId: number, q: CalendarQuery) => (await unavailabilityCalendar(services, companyId, {
    locationKeys: q.LocationIds, resourceKeys: q.ResourceIds, serviceKey: q.ServiceId, ...window(q),
  })).map(renderRow);
  const storedList = async (companyId: number, q: UnavailabilityQuery) => {
    const page = pageOf(q);
    const result = await listBlocks(services, companyId, {
      resourceKeys: q.resourceId === undefined ? undefined : [q.resourceId], locationKey: q.locationId, limit: page.limit, offset: page.offset,
    });
    return listOf(page, { total: result.total, items: result.items.map(renderUnavailability) });
  };

  app.get<{ Querystring: UnavailabilityQuery }>('/unavailability', {
    schema: { ...doc(TAG, 'Calendar of unavailable intervals (with startDate and endDate); without them, the stored blocks (first version)'),
      querystring: UnavailabilityQuery, response: { 200: Type.Union([Type.Array(CalendarRowSchema), ListOf(UnavailabilityObject)]), ...ErrorResponses } },
  }, async (request) => {
    const q = request.query;
    if (q.startDate === undefined && q.endDate === undefined) return storedList(companyOf(request), q);
    if (q.startDate === undefined) throw invalid('startDate', 'startDate is required with endDate');
    if (q.endDate === undefined) throw invalid('endDate', 'endDate is required with startDate');
    return calendar(companyOf(request), { ...q, startDate: q.startDate, endDate: q.endDate });
  });
  app.get<{ Querystring: CalendarQuery }>('/unavailability/calendar', {
    schema: { ...doc(TAG, 'Deprecated alias of GET /v3/unavailability (the calendar)'), querystring: CalendarQuery,
      response: { 200: Type.Array(CalendarRowSchema), ...ErrorResponses } },
  }, async (request) => calendar(companyOf(request), request.query));
  app.get<{ Querystring: UnavailabilityQuery }>('/unavailabilities', {
    schema: { ...doc(TAG, 'Stored blocks, a page at a time (first version)'), querystring: UnavailabilityQuery, response: { 200: ListOf(UnavailabilityObject), ...ErrorResponses } },
  }, async (request) => storedList(companyOf(request), request.query));

  app.post<{ Body: UnavailabilityBody | BlockItem[] }>('/unavailability', {
    schema: { ...doc(TAG, 'Create blocks: an array (all or nothing; answers an array), or one object (answers it)'),
      body: OneOrMany,
      response: { 200: Type.Union([Type.Array(UnavailabilityObject), UnavailabilityObject]), ...ErrorResponses } },
  }, async (request) => {
    const body = request.body;
    if (!Array.isArray(body)) return renderUnavailability(await createBlock(services, companyOf(request), single(body), idempotency(request)));
    const inputs = body.map((b, i) => ({ resourceKey: b.ResourceId, locationKey: b.LocationId, serviceKey: b.ServiceId, ...times(b, `[${i}].`), notes: b.reason ?? null }));
    return (await createBlocks(services, companyOf(request), inputs, idempotency(request))).map(renderUnavailability);
  });

  app.get<{ Querystring: BlocksQuery }>('/unavailability/blocks', {
    schema: { ...doc(TAG, 'Stored blocks of exactly one location, resource or service that overlap startDate–endDate'), querystring: BlocksQuery, response: many },
  }, async (request) => {
    const q = request.query;
    const given = [q.LocationId, q.ResourceId, q.ServiceId].filter((v) => v !== undefined);
    if (given.length !== 1) throw invalid(q.LocationId === undefined ? 'ResourceId' : 'LocationId', 'Name exactly one of LocationId, ResourceId and ServiceId');
    const result = await listBlocks(services, companyOf(request), {
      resourceKeys: q.ResourceId === undefined ? undefined : [q.ResourceId], locationKey: q.LocationId, serviceKey: q.ServiceId, ...window(q), limit: 1000,
    });
    return result.items.map(renderUnavailability);
  });
  app.delete<{ Params: IdParams }>('/unavailability/blocks/:id', {
    schema: { ...doc(TAG, 'Delete a stored block; answers what was deleted'), params: IdParams, response: one },
  }, async (request) => renderUnavailability(await deleteBlock(services, companyOf(request), request.params.id, idempotency(request))));
  app.post<{ Body: SetBlocksBody }>('/unavailability/setUnavailabilityBlocks', {
    schema: { ...doc(TAG, 'Replace every one-off block of exactly one location, resource or service'), body: SetBlocksBody, response: many },
  }, async (request) => {
    const b = request.body;
    const blocks = b.blocks.map((x, i) => ({ ...times(x, `blocks[${i}].`), notes: x.reason ?? null }));
    return (await setUnavailabilityBlocks(services, companyOf(request), { locationKey: b.LocationId, resourceKey: b.ResourceId, serviceKey: b.ServiceId },
      blocks, idempotency(request))).map(renderUnavailability);
  });

  app.get<{ Params: IdParams }>('/unavailability/:id', {
    schema: { ...doc(TAG, 'One stored block'), params: IdParams, response: one },
  }, async (request) => renderUnavailability(await getBlock(services, companyOf(request), request.params.id)));
  app.delete<{ Params: IdParams }>('/unavailability/:id', {
    schema: { ...doc(TAG, 'Delete a stored block; answers what was deleted'), params: IdParams, response: one },
  }, async (request) => renderUnavailability(await deleteBlock(services, companyOf(request), request.params.id, idempotency(request))));
}
