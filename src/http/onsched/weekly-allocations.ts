// /v3/weeklyAllocation(s): a resource's recurring hours for one service. Once a resource has any
// for a service, they are its hours for that service (its own weekly hours still serve the rest).
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createAllocation, deleteAllocation, getAllocation, listAllocations, updateAllocation, type AllocationInput, type AllocationView } from '../../services/catalog/weekly-allocations.js';
import type { ServiceContext } from '../../services/context.js';
import { clockIn, weekdayOf } from './hours.js';
import { renderAllocation } from './render-setup.js';
import { Allocation, AllocationBody, AllocationFilter } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

const input = (b: AllocationBody): AllocationInput => ({
  resourceKey: b.ResourceId, serviceKey: b.ServiceId, days: b.daysOfWeek?.map(weekdayOf),
  startTime: b.startTime === undefined ? undefined : clockIn(b.startTime, 'startTime'),
  endTime: b.endTime === undefined ? undefined : clockIn(b.endTime, 'endTime'),
});

export async function weeklyAllocationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<AllocationBody, Static<typeof AllocationFilter>, AllocationView>(app, {
    tag: 'weekly allocations', one: 'weeklyAllocation', many: ['weeklyAllocations', 'weeklyAllocation'], body: AllocationBody, object: Allocation, filter: AllocationFilter,
    create: (companyId, body, idempotency) => createAllocation(services, companyId, input(body), idempotency),
    list: (companyId, query, page) => listAllocations(services, companyId, { resourceKey: query.resourceId, serviceKey: query.serviceId }, page),
    get: (companyId, id) => getAllocation(services, companyId, id),
    update: (companyId, id, body, idempotency) => updateAllocation(services, companyId, id, input(body), idempotency),
    remove: (companyId, id, idempotency) => deleteAllocation(services, companyId, id, idempotency),
    render: renderAllocation,
  });
}
