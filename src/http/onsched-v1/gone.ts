// What OpenSlot does not serve on the v1 paths answers 410 Gone, the way OnSched's own v3 host
// answers v1 routes outside its alias list, with the /v3 route that does the job (when there is one).
import type { FastifyInstance } from 'fastify';
import { V1Error } from './problem.js';

/** v1 path patterns and the /v3 route to use instead; first match wins. */
const ALTERNATIVES: Array<[RegExp, string]> = [
  [/^\/consumer\/v1\/availability\/[^/]+\/[^/]+\/[^/]+\/(times|windows)$/, 'GET /v3/availability (or /consumer/v1/availability/{serviceId}/{startDate}/{endDate})'],
  [/^\/consumer\/v1\/availability\/[^/]+\/[^/]+\/[^/]+\/unavailable$/, 'GET /v3/unavailability'],
  [/^\/consumer\/v1\/customers\/(plans|subscriptions)|\/planlimits\/|\/subscriptions$/, 'none: OpenSlot takes no payments or subscriptions (GET /v3/customers for customers)'],
  [/^\/consumer\/v1\/customers\/(countries|states)$/, 'none: send the country or state as text'],
  [/^\/consumer\/v1\/settings$/, 'GET /v3/locations/{id}'],
  [/^\/(consumer|setup)\/v1\/.*(customfields|bookingfields)$/, 'none: custom fields are free-form name/value pairs (CustomFields on /v3 appointments)'],
  [/^\/setup\/v1\/companies\/regions/, 'GET /v3/locations'],
  [/^\/setup\/v1\/companies/, 'POST /admin/v1/companies (OpenSlot\'s own admin API)'],
  [/^\/setup\/v1\/businessusers/, 'none: OpenSlot has no dashboard users'],
  [/^\/setup\/v1\/calendars/, 'GET /v3/resources and /v3/unavailability'],
  [/email\/templates|google\/service\/account|uploadimage|deleteimage|deleteallimages|\/calendar\/auth\//, 'none: not part of OpenSlot'],
  [/^\/setup\/v1\/services\/bookingwindows|\/bookingwindows$/, 'GET /v3/availability'],
  [/^\/setup\/v1\/resources\/block\/[^/]+$/, 'DELETE /setup/v1/resources/block/{id}, then POST /setup/v1/resources/{id}/block (a block is replaced, not edited)'],
  [/^\/setup\/v1\/services\/[^/]+\/availability$/, 'PUT /setup/v1/resources/{id}/availability (hours belong to resources in OpenSlot)'],
  [/^\/setup\/v1\/resources\/timezones$/, 'none: time zones are IANA names (e.g. America/New_York)'],
  [/^\/setup\/v1\/resourcegroups/, 'none: OpenSlot has no resource groups (GET /consumer/v1/resourcegroups lists none)'],
];

export function v3Alternative(path: string): string | null {
  return ALTERNATIVES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/**
 * Declared v1 paths that would otherwise match a served route's id parameter
 * (/customers/plans is not customer "plans"): they are named so the router picks them first.
 */
const SHADOWED = [
  '/consumer/v1/customers/plans', '/consumer/v1/customers/plans/:id', '/consumer/v1/customers/subscriptions', '/consumer/v1/customers/subscriptions/:id',
  '/consumer/v1/customers/countries', '/consumer/v1/customers/states', '/consumer/v1/customers/customfields', '/consumer/v1/customers/bookingfields',
  '/consumer/v1/appointments/customfields', '/consumer/v1/appointments/bookingfields', '/consumer/v1/customers/:id/subscriptions',
  '/setup/v1/resources/timezones', '/setup/v1/resources/bulk', '/setup/v1/locations/bulk',
];

export async function goneRoutes(app: FastifyInstance): Promise<void> {
  const gone = async (request: { method: string; url: string }) => {
    const path = request.url.split('?')[0];
    const instead = v3Alternative(path);
    throw new V1Error(410, `${request.method} ${path} is not served by OpenSlot's v1 alias.${instead ? ` Use ${instead}.` : ' See /v3/openapi.json for the v3 API.'}`);
  };
  const options = { config: { v1Public: true }, schema: { hide: true } };
  for (const path of SHADOWED) app.all(path, options, gone);
  for (const prefix of ['/consumer/v1', '/setup/v1']) app.all(`${prefix}/*`, options, gone);
}
