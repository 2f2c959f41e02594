// /admin/v1/companies beyond creation: list (paged), update, delete (soft), and new credentials.
//   GET    /companies?limit=&after=&includeDeleted=   {data, nextAfter}; deleted companies only when asked
//   PATCH  /companies/{id}                             {name?, timezone?, settings?} (settings merged)
//   DELETE /companies/{id}                             data kept; API key, client secret and tokens revoked
//   POST   /companies/{id}/apiKey/rotate               {id, apiKey}: the old key stops working at once
//   POST   /companies/{id}/clientSecret/rotate         {id, clientId, clientSecret}: old secret and its tokens stop working
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { deleteCompany, listCompanies, rotateApiKey, rotateClientSecret, updateCompany } from '../../services/companies/manage-company.js';
import { SettingsSchema } from '../../services/setup/document.js';

const CompanyUpdateSchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'IANA time zone' })),
  settings: Type.Optional(SettingsSchema),
}, { additionalProperties: false, description: 'What to change; what is left out keeps its value (settings key by key).' });

type IdParams = { Params: { id: string } };
type ListQuery = { Querystring: { limit?: string; after?: string; includeDeleted?: string } };

function companyId(text: string | undefined, field = 'id'): number {
  const n = Number(text);
  if (!/^\d{1,15}$/.test(text ?? '') || n <= 0) throw new DomainError('invalid_input', { field, value: text, message: `${field} "${text}" is not a positive integer` });
  return n;
}

export function registerCompanyRoutes(app: FastifyInstance, services: ServiceContext): void {
  const tags = ['admin'];

  app.get<ListQuery>('/companies', { schema: { tags, summary: 'Companies in id order, a page at a time (after = the nextAfter of the previous page)' } }, async (request) => {
    const q = request.query;
    if (q.includeDeleted !== undefined && q.includeDeleted !== 'true' && q.includeDeleted !== 'false') {
      throw new DomainError('invalid_input', { field: 'includeDeleted', value: q.includeDeleted, message: 'includeDeleted must be true or false' });
    }
    const limit = q.limit === undefined ? 50 : Math.min(companyId(q.limit, 'limit'), 500);
    return listCompanies(services.store.db, { limit, after: q.after === undefined ? undefined : companyId(q.after, 'after'), includeDeleted: q.includeDeleted === 'true' });
  });

  app.patch<IdParams & { Body: Static<typeof CompanyUpdateSchema> }>('/companies/:id', {
    schema: { tags, summary: 'Change a company\'s name, time zone or settings', body: CompanyUpdateSchema },
  }, async (request) => updateCompany(services, companyId(request.params.id), request.body));

  app.delete<IdParams>('/companies/:id', { schema: { tags, summary: 'Delete a company: its data is kept, its credentials stop working' } },
    async (request) => deleteCompany(services, companyId(request.params.id)));

  app.post<IdParams>('/companies/:id/apiKey/rotate', { schema: { tags, summary: 'A new API key, shown once; the old one stops working' } },
    async (request) => rotateApiKey(services, companyId(request.params.id)));

  app.post<IdParams>('/companies/:id/clientSecret/rotate', { schema: { tags, summary: 'A new client secret, shown once; the old one and its tokens stop working' } },
    async (request) => rotateClientSecret(services, companyId(request.params.id)));
}
