// GET /v3/public/locations: the booking widget (public key + x-client-id) lists the company's
// locations to let the customer pick one, as the same /v3 location object the private list renders.
import type { FastifyInstance } from 'fastify';
import { listLocations } from '../../services/catalog/locations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { renderLocation } from './render-setup.js';
import { listOf, pageOf } from './request.js';
import { ErrorResponses, ListOf, doc } from './schemas/common.js';
import { Location, PageQuery } from './schemas/setup.js';

export async function publicLocationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: { limit: number; page: number } }>('/public/locations', {
    schema: { ...doc('locations', "The booking widget's list of locations (public key + x-client-id); as GET /locations"), querystring: PageQuery, response: { 200: ListOf(Location), ...ErrorResponses } },
  }, async (request) => {
    const page = pageOf(request.query);
    const result = await listLocations(services, companyOf(request), page);
    return listOf(page, { total: result.total, items: result.items.map(renderLocation) });
  });
}
