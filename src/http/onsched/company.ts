// GET /v3/company: the caller's company, with every field OnSched's Companies overview names
// (null where OpenSlot keeps no value). Keys and secrets are never part of it.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { getCompany } from '../../services/companies/get-company.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { ErrorResponses, Nullable, doc } from './schemas/common.js';

const Text = Nullable(Type.String());
const Company = Type.Object({
  object: Type.Literal('company'), id: Type.String(), name: Type.String(), registrationEmail: Text, email: Text, phone: Text,
  website: Text, timezone: Type.String(), notificationType: Text, suspended: Type.Boolean(), urlName: Text, imageUrl: Text,
  createdAt: Type.String(),
});

export async function companyRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get('/company', {
    schema: { ...doc('company', "The caller's company"), response: { 200: Company, ...ErrorResponses } },
  }, async (request) => {
    const c = await getCompany(services.store.db, companyOf(request));
    return {
      object: 'company' as const, id: c.uid, name: c.name, registrationEmail: null, email: null, phone: null, website: null,
      timezone: c.timezone, notificationType: null, suspended: false, urlName: null, imageUrl: null, createdAt: new Date(c.created_at).toISOString(),
    };
  });
}
