// /v3/unavailability/recurringBlock: rules (DAILY … YEARLY) on exactly one location, resource or
// service, named in the query; expanded DST-correctly wherever availability needs them.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  createRecurringBlock, deleteRecurringBlock, deleteRecurringBlocksOf, getRecurringBlock, listRecurringBlocks, updateRecurringBlock,
  type RecurringBlockInput, type RecurringBlockView,
} from '../../services/catalog/recurring-blocks.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { clockIn, clockOut } from './hours.js';
import { iso } from './render.js';
import { idempotency } from './request.js';
import { ErrorResponses, IdParams, doc } from './schemas/common.js';
import { EntityQuery, RecurringBlock, RecurringBlockBody, RecurringBlockPatch } from './schemas/unavailability.js';

const TAG = 'recurring blocks';
const BASE = '/unavailability/recurringBlock';
const one = { 200: RecurringBlock, ...ErrorResponses };
const many = { 200: Type.Array(RecurringBlock), ...ErrorResponses };

const scopeOf = (q: EntityQuery) => ({ locationKey: q.LocationId, resourceKey: q.ResourceId, serviceKey: q.ServiceId });

const input = (b: RecurringBlockPatch): RecurringBlockInput => ({
  name: b.name, frequency: b.frequency, interval: b.interval, startDate: b.startDate, endDate: b.endDate,
  startTime: b.startTime === undefined ? undefined : clockIn(b.startTime, 'startTime'),
  endTime: b.endTime === undefined ? undefined : clockIn(b.endTime, 'endTime'),
  iana: b.iana, weekdays: b.weekdays, dayOfMonth: b.dayOfMonth,
});

const render = (v: RecurringBlockView) => ({
  object: 'recurringBlock' as const, id: v.uid,
  LocationId: v.entity.type === 'location' ? v.entity.uid : null, ResourceId: v.entity.type === 'resource' ? v.entity.uid : null,
  ServiceId: v.entity.type === 'service' ? v.entity.uid : null, name: v.name, frequency: v.rule.frequency, interval: v.rule.interval,
  startDate: v.rule.startDate, endDate: v.rule.endDate, startTime: clockOut(v.startTime), endTime: clockOut(v.endTime), iana: v.rule.zone,
  weekdays: v.rule.weekdays, dayOfMonth: v.rule.dayOfMonth, createdAt: iso(v.createdAt),
});

export async function recurringBlockRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: EntityQuery }>(BASE, {
    schema: { ...doc(TAG, 'Recurring blocks of exactly one location, resource or service'), querystring: EntityQuery, response: many },
  }, async (request) => (await listRecurringBlocks(services, companyOf(request), scopeOf(request.query))).map(render));
  app.post<{ Querystring: EntityQuery; Body: RecurringBlockBody }>(BASE, {
    schema: { ...doc(TAG, 'Create a recurring block; the entity (exactly one) is named in the query'), querystring: EntityQuery, body: RecurringBlockBody, response: one },
  }, async (request) => render(await createRecurringBlock(services, companyOf(request), scopeOf(request.query), input(request.body), idempotency(request))));
  app.delete<{ Querystring: EntityQuery }>(BASE, {
    schema: { ...doc(TAG, 'Delete every recurring block of exactly one location, resource or service'), querystring: EntityQuery, response: many },
  }, async (request) => (await deleteRecurringBlocksOf(services, companyOf(request), scopeOf(request.query), idempotency(request))).map(render));
  app.get<{ Params: IdParams }>(`${BASE}/:id`, {
    schema: { ...doc(TAG, 'One recurring block'), params: IdParams, response: one },
  }, async (request) => render(await getRecurringBlock(services, companyOf(request), request.params.id)));
  app.put<{ Params: IdParams; Body: RecurringBlockPatch }>(`${BASE}/:id`, {
    schema: { ...doc(TAG, 'Update a recurring block (only the fields sent change)'), params: IdParams, body: RecurringBlockPatch, response: one },
  }, async (request) => render(await updateRecurringBlock(services, companyOf(request), request.params.id, input(request.body), idempotency(request))));
  app.delete<{ Params: IdParams }>(`${BASE}/:id`, {
    schema: { ...doc(TAG, 'Delete a recurring block; answers what was deleted'), params: IdParams, response: one },
  }, async (request) => render(await deleteRecurringBlock(services, companyOf(request), request.params.id, idempotency(request))));
}
