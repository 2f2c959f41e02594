// GET /me: the account behind the credentials.
import type { FastifyPluginAsync } from 'fastify';
import { companySettings, getCompany } from '../../../services/companies/get-company.js';
import type { ServiceContext } from '../../../services/context.js';
import { listResources } from '../../../services/catalog/read-catalog.js';
import { companyOf, pageOrigin } from '../request.js';
import { AccountSchema, doc } from '../schemas.js';

/** What a site pastes to show the booking page (see docs/booking-page.md). */
const embedCode = (origin: string, company: string) =>
  `<script src="${origin}/embed.js" async></script><openslot-booking company="${company}"></openslot-booking>`;

export const accountRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/me', { schema: doc('The account', { response: AccountSchema }) }, async (request) => {
    const company = await getCompany(services.store.db, companyOf(request));
    const settings = companySettings(company);
    // A company has no email of its own; the first calendar's is the account's contact.
    const firstCalendar = (await listResources(services, company.id))[0];
    return {
      id: company.id, name: company.name, email: firstCalendar?.resource.email ?? '', timezone: company.timezone, firstDayOfWeek: 0,
      timeFormat: settings.timeFormat, currency: 'USD', schedulingPage: `${pageOrigin(request)}/book/${encodeURIComponent(company.slug ?? company.uid)}`,
      embedCode: embedCode(pageOrigin(request), company.slug ?? company.uid), plan: 'OpenSlot',
    };
  });
};
