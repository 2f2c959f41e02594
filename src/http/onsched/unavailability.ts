// /v3/unavailability: blocks on a resource, a location or the whole company, once or weekly.
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createBlock, deleteBlock, getBlock, listBlocks, type BlockView } from '../../services/catalog/blocks.js';
import type { ServiceContext } from '../../services/context.js';
import { renderUnavailability } from './render-setup.js';
import { instant, invalid } from './request.js';
import { UnavailabilityBody, UnavailabilityFilter, UnavailabilityObject } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

function input(b: UnavailabilityBody) {
  const start = instant(b.startTime, 'startTime');
  const end = instant(b.endTime, 'endTime');
  if (end <= start) throw invalid('endTime', 'endTime must be after startTime', b.endTime);
  const weekly = b.recurring === 'WEEKLY';
  const until = weekly && b.until ? instant(b.until, 'until') : null;
  if (until !== null && until <= start) throw invalid('until', 'until must be after startTime', b.until);
  return { resourceKey: b.ResourceId, locationKey: b.LocationId, start, end, weekly, until, notes: b.reason ?? null };
}

export async function unavailabilityRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<UnavailabilityBody, Static<typeof UnavailabilityFilter>, BlockView>(app, {
    tag: 'unavailability', one: 'unavailability', many: ['unavailability', 'unavailabilities'],
    body: UnavailabilityBody, object: UnavailabilityObject, filter: UnavailabilityFilter,
    create: (companyId, body, idempotency) => createBlock(services, companyId, input(body), idempotency),
    list: (companyId, query, page) => listBlocks(services, companyId, {
      resourceKeys: query.resourceId === undefined ? undefined : [query.resourceId], locationKey: query.locationId, limit: page.limit, offset: page.offset,
    }),
    get: (companyId, id) => getBlock(services, companyId, id),
    remove: (companyId, id) => deleteBlock(services, companyId, id),
    render: renderUnavailability,
  });
}
