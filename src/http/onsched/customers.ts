// /v3/customers and /v3/customer/{id}; a second customer with the same email is a 409.
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer, type CustomerFields, type CustomerRecord } from '../../services/customers/customers.js';
import type { ServiceContext } from '../../services/context.js';
import { renderCustomer } from './render-setup.js';
import { zoneParam } from './request.js';
import { Customer, CustomerBody, CustomerFilter } from './schemas/setup.js';
import { setupRoutes } from './setup-routes.js';

const input = ({ CustomFields, ...b }: CustomerBody): CustomerFields => ({ ...b, customFields: CustomFields, timezone: b.timezone === null ? null : zoneParam(b.timezone) });

export async function customerRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  setupRoutes<CustomerBody, Static<typeof CustomerFilter>, CustomerRecord>(app, {
    tag: 'customers', one: 'customer', many: ['customers'], body: CustomerBody, object: Customer, filter: CustomerFilter,
    create: (companyId, body, idempotency) => createCustomer(services, companyId, input(body), idempotency),
    list: (companyId, query, page) => listCustomers(services, companyId, { email: query.email }, page),
    get: (companyId, id) => getCustomer(services, companyId, id),
    update: (companyId, id, body, idempotency) => updateCustomer(services, companyId, id, input(body), idempotency),
    remove: (companyId, id, idempotency) => deleteCustomer(services, companyId, id, idempotency),
    render: renderCustomer,
  });
}
