// /setup/v1 calendar blocks on a resource: a one-off closure from startDate+startTime to
// endDate+endTime, or a weekly one (repeats, frequency W) from startTime to endTime on the start's
// weekday until endDate. Times are military and local to the resource.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from 'luxon';
import { createBlock, deleteBlock, getBlock, listBlocks } from '../../services/catalog/blocks.js';
import { findResource } from '../../services/catalog/read-catalog.js';
import { getResource } from '../../services/catalog/resources.js';
import type { ServiceContext } from '../../services/context.js';
import { dayIn } from './availability-input.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { renderBlock } from './render-setup.js';
import { IdParams, Paging, invalid, militaryMinutes, pageOf, v1List } from './request.js';
import { ResourceBlockInputModel, ResourceBlockListViewModel, ResourceBlockViewModel } from './schemas/setup-resource-models.js';

type Body = Static<typeof ResourceBlockInputModel>;
const tags = ['v1 setup'];
const ListQuery = Type.Object({ startDate: Type.Optional(Type.String({ maxLength: 40 })), endDate: Type.Optional(Type.String({ maxLength: 40 })), ...Paging });

const at = (day: DateTime, minutes: number) => day.plus({ minutes }).toMillis();

function blockTimes(b: Body, zone: string) {
  if (!b.startDate) throw invalid('startDate', 'startDate is required');
  const first = dayIn(b.startDate, zone, 'startDate');
  const last = b.endDate ? dayIn(b.endDate, zone, 'endDate') : first;
  if (last < first) throw invalid('endDate', 'endDate must not be before startDate');
  const allDay = b.allDay === true;
  const from = allDay ? 0 : militaryMinutes(b.startTime ?? 0, 'startTime');
  const to = allDay ? 1440 : militaryMinutes(b.endTime ?? 2400, 'endTime');
  if (b.repeats) {
    if (b.repeat?.frequency && !/^w/i.test(b.repeat.frequency)) throw invalid('repeat.frequency', 'Only weekly repeats (frequency W) are kept');
    if (to <= from) throw invalid('endTime', 'endTime must be after startTime');
    return { start: at(first, from), end: at(first, to), weekly: true, until: b.endDate ? at(last, 1440) : null };
  }
  const start = at(first, from);
  const end = at(last, to);
  if (end <= start) throw invalid('endTime', 'The block must end after it starts');
  return { start, end, weekly: false, until: null };
}

export async function setupBlockRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const zoneOf = async (companyId: number, resourceId: number) => (await findResource(services, companyId, resourceId))?.zone ?? 'UTC';

  app.post<{ Params: IdParams; Body: Body }>('/setup/v1/resources/:id/block', {
    schema: { tags, summary: 'Block time on a resource\'s calendar', params: IdParams, body: ResourceBlockInputModel, response: { 200: ResourceBlockViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const resource = await getResource(services, companyId, request.params.id);
    const zone = await zoneOf(companyId, resource.id);
    const made = await createBlock(services, companyId, { resourceKey: resource.id, ...blockTimes(request.body, zone), notes: request.body.reason ?? null }, idempotencyOf(request));
    return renderBlock(made, zone);
  });
  app.get<{ Params: IdParams; Querystring: Static<typeof ListQuery> }>('/setup/v1/resources/:id/blocks', {
    schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: ResourceBlockListViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const resource = await getResource(services, companyId, request.params.id);
    const zone = await zoneOf(companyId, resource.id);
    const page = pageOf(request.query);
    const q = request.query;
    const result = await listBlocks(services, companyId, {
      resourceKeys: [resource.id], limit: page.limit, offset: page.offset,
      from: q.startDate ? dayIn(q.startDate, zone, 'startDate').toMillis() : undefined, to: q.endDate ? dayIn(q.endDate, zone, 'endDate').plus({ days: 1 }).toMillis() : undefined,
    });
    return v1List(request, page, { total: result.total, items: result.items.map((b) => renderBlock(b, zone)) });
  });
  app.get<{ Params: IdParams }>('/setup/v1/resources/blocks/:id', { schema: { tags, params: IdParams, response: { 200: ResourceBlockViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const b = await getBlock(services, companyId, request.params.id);
    return renderBlock(b, b.resource ? await zoneOf(companyId, b.resource.id) : 'UTC');
  });
  app.delete<{ Params: IdParams }>('/setup/v1/resources/block/:id', { schema: { tags, params: IdParams, response: { 200: ResourceBlockViewModel } } }, async (request) => {
    const companyId = companyOf(request);
    const b = await deleteBlock(services, companyId, request.params.id, idempotencyOf(request));
    return renderBlock(b, b.resource ? await zoneOf(companyId, b.resource.id) : 'UTC');
  });
}
