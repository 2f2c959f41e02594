// /v3/weeklyAllocation: recurring windows for a resource, a service, or a pair; setWeeklyAllocations
// replaces every one of a scope. Routes return bare objects and arrays; the plugin wraps them.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AllocationFilter as ServiceFilter } from '../../services/catalog/allocation-scope.js';
import type { PageRequest } from '../../services/catalog/list-page.js';
import {
  createAllocation, deleteAllocation, getAllocation, listAllocations, setWeeklyAllocations, updateAllocation, type WeeklyAllocationInput,
} from '../../services/catalog/weekly-allocations.js';
import type { ServiceContext } from '../../services/context.js';
import { invalid } from '../../services/catalog/checks.js';
import { companyOf } from './auth.js';
import { clockIn } from './hours.js';
import { renderWeeklyAllocation } from './render-allocations.js';
import { idempotency, instantIn } from './request.js';
import { AllocationFilter, WeeklyAllocation, WeeklyAllocationBody } from './schemas/allocations.js';
import { ErrorResponses, doc } from './schemas/common.js';
import { setupRoutes } from './setup-routes.js';

function input(b: WeeklyAllocationBody): WeeklyAllocationInput {
  const legacy = b.daysOfWeek && b.startTime !== undefined && b.endTime !== undefined
    ? b.daysOfWeek.map((dayOfWeek) => ({ dayOfWeek, startTime: b.startTime!, endTime: b.endTime! })) : undefined;
  const rows = b.weeklyAvailability ?? legacy;
  const field = b.weeklyAvailability ? 'weeklyAvailability' : null;
  return {
    resourceKey: b.ResourceId, serviceKey: b.ServiceId, bookingsPerSlot: b.bookingsPerSlot, legacy: field === null,
    windows: rows?.map((r, i) => ({
      dayOfWeek: r.dayOfWeek,
      startTime: clockIn(r.startTime, field ? `${field}[${i}].startTime` : 'startTime'),
      endTime: clockIn(r.endTime, field ? `${field}[${i}].endTime` : 'endTime'),
    })),
  };
}

/** Shared by both allocation kinds: scope and date range (dates read in UTC unless they say their offset; endDate's whole day). */
export function allocationFilter(q: AllocationFilter): ServiceFilter {
  const from = q.startDate === undefined ? undefined : instantIn(q.startDate, 'UTC', 'startDate');
  const to = q.endDate === undefined ? undefined : instantIn(q.endDate, 'UTC', 'endDate', true);
  if (from !== undefined && to !== undefined && to <= from) throw invalid('endDate', 'endDate must be after startDate', q.endDate);
  return { resourceKey: q.ResourceId, serviceKey: q.ServiceId, from, to };
}

export async function weeklyAllocationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  // Registered before /weeklyAllocation/:id so the literal path wins.
  app.post('/weeklyAllocation/setWeeklyAllocations', {
    schema: { ...doc('weekly allocations', 'Replace every weekly allocation of one scope (ServiceId, ResourceId, or the pair)'),
      body: WeeklyAllocationBody, response: { 200: Type.Array(WeeklyAllocation), ...ErrorResponses } },
  }, async (request) => (await setWeeklyAllocations(services, companyOf(request), input(request.body as WeeklyAllocationBody), idempotency(request))).map(renderWeeklyAllocation));

  setupRoutes<WeeklyAllocationBody, AllocationFilter, Awaited<ReturnType<typeof getAllocation>>>(app, {
    tag: 'weekly allocations', one: 'weeklyAllocation', many: ['weeklyAllocations', 'weeklyAllocation'], body: WeeklyAllocationBody,
    object: WeeklyAllocation, filter: AllocationFilter,
    create: (companyId, body, key) => createAllocation(services, companyId, input(body), key),
    list: (companyId, query, page: PageRequest) => listAllocations(services, companyId, allocationFilter(query), page),
    get: (companyId, id) => getAllocation(services, companyId, id),
    update: (companyId, id, body, key) => updateAllocation(services, companyId, id, input(body), key),
    remove: (companyId, id, key) => deleteAllocation(services, companyId, id, key),
    render: renderWeeklyAllocation,
  });
}
