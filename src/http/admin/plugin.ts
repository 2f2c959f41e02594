// OpenSlot's own API: companies and the setup document. Errors: {statusCode, error, message, field?}.
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ErrorObject } from 'ajv';
import { Type } from '@sinclair/typebox';
import { isDomainError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { createCompany } from '../../services/companies/create-company.js';
import { companyView, getCompany } from '../../services/companies/get-company.js';
import { CompanyDocumentSchema } from '../../services/setup/document.js';
import { describeAjvError, strictAjv } from '../../services/setup/validate.js';
import { BUSY_MESSAGE, STATUS_OF_KIND, frameworkClientStatus, isTemporaryDatabaseFailure } from '../status.js';
import { hasAdminToken } from './auth.js';
import { registerCompanyRoutes } from './companies.js';
import { registerDeliveryRoutes } from './deliveries.js';
import { isoTimes } from './iso-times.js';
import { registerExternalCalendarRoutes } from './external-calendars.js';

export interface AdminOptions { services: ServiceContext; adminTokenHash: string }

const ErrorBody = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) });
const Ref = Type.Object({ id: Type.Integer(), uid: Type.String() });

export const adminPlugin: FastifyPluginAsync<AdminOptions> = async (app: FastifyInstance, { services, adminTokenHash }) => {
  app.addHook('onRequest', async (request, reply) => {
    if (!hasAdminToken(request, adminTokenHash)) {
      return reply.code(401).send({ statusCode: 401, error: 'unauthorized', message: 'A valid admin bearer token is required.' });
    }
  });

  // Times leave as ISO 8601 (services work in epoch milliseconds).
  app.addHook('preSerialization', async (_request, _reply, payload) => isoTimes(payload));

  // Fastify's default validator coerces types and silently drops unknown properties; the setup
  // document must be taken exactly as written, so this plugin validates strictly.
  app.setValidatorCompiler(({ schema }) => strictAjv.compile(schema));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation?.length) {
      const { field, message } = describeAjvError(error.validation as unknown as ErrorObject[]);
      return reply.code(400).send({ statusCode: 400, error: 'invalid_input', message, field });
    }
    if (isDomainError(error)) {
      const statusCode = STATUS_OF_KIND[error.kind];
      return reply.code(statusCode).send({ statusCode, error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    const status = frameworkClientStatus(error);
    if (status) return reply.code(status).send({ statusCode: status, error: 'bad_request', message: (error as Error).message });
    if (isTemporaryDatabaseFailure(error)) return reply.code(503).send({ statusCode: 503, error: 'service_unavailable', message: BUSY_MESSAGE });
    request.log.error(error);
    return reply.code(500).send({ statusCode: 500, error: 'internal', message: 'Internal server error.' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ statusCode: 404, error: 'not_found', message: `No route ${request.method} ${request.url}` }));

  app.post('/companies', {
    schema: {
      tags: ['admin'], summary: 'Create a company from a setup document', body: CompanyDocumentSchema,
      response: { 201: Type.Object({ id: Type.Integer(), uid: Type.String(), slug: Type.String(), apiKey: Type.String(), clientId: Type.String(), clientSecret: Type.String(), publicKey: Type.String(), publicClientId: Type.String(), refs: Type.Record(Type.String(), Ref) }), 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => reply.code(201).send(await createCompany(services, request.body)));

  app.get<{ Params: { id: string } }>('/companies/:id', {
    schema: { tags: ['admin'], summary: 'A company, without its credentials', params: Type.Object({ id: Type.String() }) },
  }, async (request) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw Object.assign(new Error(`Company id "${request.params.id}" is not a number`), { statusCode: 400 });
    }
    return companyView(await getCompany(services.store.db, id));
  });

  registerCompanyRoutes(app, services);
  registerDeliveryRoutes(app, services);
  registerExternalCalendarRoutes(app, services);
};
