// v1 customers: list, create, read, update, delete. The email is unique per company (a duplicate is
// a 409), as on /v3.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer, type CustomerFields, type CustomerRecord } from '../../services/customers/customers.js';
import type { ServiceContext } from '../../services/context.js';
import { checkCustomerFields, customerFieldsOf, setCustomerFields } from '../../services/customers/customer-fields.js';
import { companyOf } from './auth.js';
import { idempotencyOf } from './idempotency.js';
import { utcIso } from './local-time.js';
import { IdParams, Paging, invalid, pageOf, v1List } from './request.js';
import { CustomerInputModel, CustomerListViewModel, CustomerUpdateModel, CustomerViewModel } from './schemas/customer-models.js';
import { complete } from './schemas/v1-types.js';

const ListQuery = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 320 })), lastname: Type.Optional(Type.String({ maxLength: 200 })),
  locationId: Type.Optional(Type.String({ maxLength: 64 })), groupId: Type.Optional(Type.String()), deleted: Type.Optional(Type.Boolean()), ...Paging,
});
const tags = ['v1 consumer'];
type Body = Static<typeof CustomerInputModel> | Static<typeof CustomerUpdateModel>;

export const renderCustomer = (c: CustomerRecord, fields: Record<string, string> = {}) => complete(CustomerViewModel, {
  id: String(c.id), object: 'customer', firstname: c.firstName, lastname: c.lastName, name: `${c.firstName} ${c.lastName}`.trim(),
  email: c.email, contact: c.phone ? { mobilePhone: c.phone, phoneType: 'M' } : null, deletedStatus: false,
  createdOn: utcIso(c.createdAt), registrationDate: utcIso(c.createdAt),
  customFields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { name, value }])),
});

/** field1–field10 as sent (null or absent: unchanged; "" clears), checked before anything is written. */
function customFieldsOf(b: Body): Record<string, string> {
  const fields = Object.fromEntries(Object.entries(b.customFields ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string>;
  return checkCustomerFields(fields, 'customFields');
}

/** firstname/lastname, else `name` split at the first space; the phone from the contact block. */
function fields(b: Body, creating: boolean): CustomerFields {
  let firstName = b.firstname ?? undefined;
  let lastName = b.lastname ?? undefined;
  if (b.name && firstName === undefined) {
    const [first, ...rest] = b.name.trim().split(/\s+/);
    firstName = first;
    lastName ??= rest.join(' ');
  }
  if (creating && !firstName) throw invalid('firstname', 'firstname (or name) is required');
  const c = b.contact;
  const phone = c ? (c.mobilePhone ?? c.homePhone ?? c.businessPhone ?? undefined) : undefined;
  return { firstName, lastName: lastName ?? (creating ? '' : undefined), email: b.email === undefined ? undefined : b.email, phone };
}

export async function consumerCustomerRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const withFields = async (c: CustomerRecord) => renderCustomer(c, (await customerFieldsOf(services, [c.id])).get(c.id));

  // The setup document declares the same two reads under /setup/v1.
  for (const prefix of ['/consumer/v1', '/setup/v1']) {
    app.get<{ Querystring: Static<typeof ListQuery> }>(`${prefix}/customers`, {
      schema: { tags, summary: 'Customers, by email', querystring: ListQuery, response: { 200: CustomerListViewModel } },
    }, async (request) => {
      const page = pageOf(request.query);
      const result = await listCustomers(services, companyOf(request), { email: request.query.email }, page);
      const items = request.query.lastname ? result.items.filter((c) => c.lastName.toLowerCase() === request.query.lastname!.toLowerCase()) : result.items;
      const custom = await customerFieldsOf(services, items.map((c) => c.id));
      return v1List(request, page, { total: request.query.lastname ? items.length : result.total, items: items.map((c) => renderCustomer(c, custom.get(c.id))) });
    });

    app.get<{ Params: IdParams }>(`${prefix}/customers/:id`, { schema: { tags, params: IdParams, response: { 200: CustomerViewModel } } },
      async (request) => withFields(await getCustomer(services, companyOf(request), request.params.id)));
  }

  app.post<{ Body: Static<typeof CustomerInputModel> }>('/consumer/v1/customers', {
    schema: { tags, summary: 'Create a customer (409 when the email is taken)', body: CustomerInputModel, response: { 200: CustomerViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const custom = customFieldsOf(request.body);
    const made = await createCustomer(services, companyId, fields(request.body, true), idempotencyOf(request));
    return renderCustomer(made, await setCustomerFields(services, companyId, made.id, custom));
  });

  app.put<{ Params: IdParams; Body: Static<typeof CustomerUpdateModel> }>('/consumer/v1/customers/:id', {
    schema: { tags, summary: 'Update a customer; omitted fields keep their values', params: IdParams, body: CustomerUpdateModel, response: { 200: CustomerViewModel } },
  }, async (request) => {
    const companyId = companyOf(request);
    const custom = customFieldsOf(request.body);
    const updated = await updateCustomer(services, companyId, request.params.id, fields(request.body, false), idempotencyOf(request));
    return renderCustomer(updated, await setCustomerFields(services, companyId, updated.id, custom));
  });

  app.delete<{ Params: IdParams }>('/consumer/v1/customers/:id', { schema: { tags, params: IdParams, response: { 200: CustomerViewModel } } },
    async (request) => withFields(await deleteCustomer(services, companyOf(request), request.params.id, idempotencyOf(request))));
}
