// GET /me: the account behind the credentials.
import type { FastifyPluginAsync } from 'fastify';
import { companySettings, getCompany } from '../../../services/companies/get-company.js';
import type { ServiceContext } from '../../../services/context.js';
import { listResources } from '../../../services/catalog/read-catalog.js';
import { companyOf } from '../request.js';
import { AccountSchema, doc } from '../schemas.js';

export const accountRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/me', { schema: doc('The account', { response: AccountSchema }) }, async (request) => {
    const company = await getCompany(services.store.db, companyOf(request));
    const settings = companySettings(company);
    // A company has no email of its own; the first calendar's is the account's contact.
    const firstCalendar = (await listResources(services, company.id))[0];
    return {
      id: company.id, name: company.name, email: firstCalendar?.resource.email ?? '', timezone: company.timezone, firstDayOfWeek: 0,
      timeFormat: settings.timeFormat, currency: 'USD', schedulingPage: '', embedCode: '', plan: 'OpenSlot',
    };
  });
};
