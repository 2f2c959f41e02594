// Clients: Acuity's address book of customers. PUT and DELETE name the client by firstName,
// lastName and (optionally) phone in the query string; clients have no id on this API.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { findClient, searchClients } from '../../../services/customers/client-directory.js';
import { createCustomer, deleteCustomer, updateCustomer, type CustomerFields, type CustomerRecord } from '../../../services/customers/customers.js';
import type { ServiceContext } from '../../../services/context.js';
import { acuityError, translating } from '../errors.js';
import { asText, isEmail, objectBody, type Body } from '../input.js';
import { single } from '../query.js';
import { companyOf, idempotencyOf, queryOf } from '../request.js';
import { ClientSchema, NewClientSchema, doc } from '../schemas.js';

const renderClient = (c: CustomerRecord) => ({ firstName: c.firstName, lastName: c.lastName, email: c.email ?? '', phone: c.phone ?? '', notes: c.notes ?? '' });
const Identity = Type.Object({ firstName: Type.String(), lastName: Type.String(), phone: Type.Optional(Type.String()) });

/** The fields a body sets, checked the way bookings check them. */
function clientFields(body: Body, creating: boolean): CustomerFields {
  const fields: CustomerFields = {};
  for (const [name, code] of [['firstName', 'required_first_name'], ['lastName', 'required_last_name']] as const) {
    if (!(name in body) && !creating) continue;
    const value = asText(body[name]);
    if (!value) throw acuityError(400, code, `Attribute "${name}" is required.`);
    fields[name] = value;
  }
  if ('email' in body) {
    const email = asText(body.email) || null;
    if (email !== null && !isEmail(email)) throw acuityError(400, 'invalid_email', 'Invalid "email" attribute value.');
    fields.email = email;
  }
  if ('phone' in body) fields.phone = asText(body.phone) || null;
  if ('notes' in body) fields.notes = asText(body.notes) ?? null;
  return fields;
}

export const clientRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const identified = async (request: FastifyRequest) => {
    const q = queryOf(request);
    const firstName = single(q, 'firstName');
    const lastName = single(q, 'lastName');
    if (!firstName) throw acuityError(400, 'required_first_name', 'The parameter "firstName" is required.');
    if (!lastName) throw acuityError(400, 'required_last_name', 'The parameter "lastName" is required.');
    return translating({}, () => findClient(services, companyOf(request), { firstName, lastName, phone: single(q, 'phone') }));
  };

  app.get('/clients', {
    schema: doc('Clients, optionally matching a search', { querystring: Type.Object({ search: Type.Optional(Type.String()) }), response: Type.Array(ClientSchema) }),
  }, async (request) => (await searchClients(services, companyOf(request), single(queryOf(request), 'search'))).map(renderClient));

  app.post('/clients', { schema: doc('Create a client', { body: NewClientSchema, response: ClientSchema }) }, async (request) => {
    const fields = clientFields(objectBody(request.body), true);
    return renderClient(await translating({}, () => createCustomer(services, companyOf(request), fields, idempotencyOf(request))));
  });

  app.put('/clients', {
    schema: doc('Update the client named by firstName, lastName (and phone) in the query', { querystring: Identity, body: Type.Partial(NewClientSchema), response: ClientSchema }),
  }, async (request) => {
    const fields = clientFields(objectBody(request.body), false);
    const client = await identified(request);
    return renderClient(await translating({}, () => updateCustomer(services, companyOf(request), client.id, fields, idempotencyOf(request))));
  });

  app.delete('/clients', {
    schema: doc('Delete the client named by firstName, lastName (and phone) in the query; their appointments stay', { querystring: Identity, response: Type.Null(), status: 204 }),
  }, async (request, reply) => {
    const client = await identified(request);
    await translating({}, () => deleteCustomer(services, companyOf(request), client.id));
    return reply.code(204).send();
  });
};
