// /v3/singleAllocation: one date range (UTC, may span days) for a resource, a service, or a pair;
// setSingleAllocations replaces every one of a scope.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { IdParams } from './schemas/common.js';
import {
  createSingleAllocation, deleteSingleAllocation, getSingleAllocation, listSingleAllocations, setSingleAllocations, updateSingleAllocation,
} from '../../services/catalog/single-allocations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { renderSingleAllocation } from './render-allocations.js';
import { idempotency, instant } from './request.js';
import {
  AllocationFilter, SetSingleAllocationsBody, SingleAllocation, SingleAllocationBody, SingleAllocationPatch,
} from './schemas/allocations.js';
import { ErrorResponses, IdParams as IdParamsSchema, doc } from './schemas/common.js';
import { setupRoutes } from './setup-routes.js';
import { allocationFilter } from './weekly-allocations.js';

const range = (b: { startDate?: string; endDate?: string; description?: string | null; bookingsPerSlot?: number | null }, at = '') => ({
  start: b.startDate === undefined ? undefined : instant(b.startDate, `${at}startDate`),
  end: b.endDate === undefined ? undefined : instant(b.endDate, `${at}endDate`),
  description: b.description, bookingsPerSlot: b.bookingsPerSlot,
});
const input = (b: SingleAllocationPatch) => ({ resourceKey: b.ResourceId, serviceKey: b.ServiceId, ...range(b) });

export async function singleAllocationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.post('/singleAllocation/setSingleAllocations', {
    schema: { ...doc('single allocations', 'Replace every single allocation of one scope (ServiceId, ResourceId, or the pair)'),
      body: SetSingleAllocationsBody, response: { 200: Type.Array(SingleAllocation), ...ErrorResponses } },
  }, async (request) => {
    const b = request.body as SetSingleAllocationsBody;
    const ranges = b.singleAllocations.map((r, i) => range(r, `singleAllocations[${i}].`));
    return (await setSingleAllocations(services, companyOf(request), { resourceKey: b.ResourceId, serviceKey: b.ServiceId }, ranges, idempotency(request)))
      .map(renderSingleAllocation);
  });

  setupRoutes<SingleAllocationBody, AllocationFilter, Awaited<ReturnType<typeof getSingleAllocation>>>(app, {
    tag: 'single allocations', one: 'singleAllocation', many: ['singleAllocations', 'singleAllocation'], body: SingleAllocationBody,
    object: SingleAllocation, filter: AllocationFilter,
    create: (companyId, body, key) => createSingleAllocation(services, companyId, input(body), key),
    list: (companyId, query, page) => listSingleAllocations(services, companyId, allocationFilter(query), page),
    get: (companyId, id) => getSingleAllocation(services, companyId, id),
    remove: (companyId, id, key) => deleteSingleAllocation(services, companyId, id, key),
    render: renderSingleAllocation,
  });
  // PUT takes any subset of the fields (setupRoutes' PUT would demand the create body's required ones).
  app.put<{ Params: IdParams; Body: SingleAllocationPatch }>('/singleAllocation/:id', {
    schema: { ...doc('single allocations', 'Update a single allocation (only the fields sent change)'), params: IdParamsSchema, body: SingleAllocationPatch,
      response: { 200: SingleAllocation, ...ErrorResponses } },
  }, async (request) => renderSingleAllocation(await updateSingleAllocation(services, companyOf(request), request.params.id, input(request.body), idempotency(request))));
}
