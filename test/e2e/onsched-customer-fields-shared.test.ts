// One store for a customer's custom fields: a customer made over /consumer/v1 shows its customFields
// in /v3's CustomFields, and one made over /v3 shows its CustomFields in v1's customFields; the
// merge (a name again replaces, "" removes) is the same whichever surface writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';
import { v1, v1Token, type V1 } from './onsched-v1-client.js';

describe.each(backends)('Customer custom fields shared by /v3 and /consumer/v1 on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let c1: V1;
  const v1Fields = (body: { customFields: Record<string, { name: string; value: string }> }) =>
    Object.fromEntries(Object.values(body.customFields).map((f) => [f.name, f.value]));

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
    c1 = v1(app, { authorization: `Bearer ${await v1Token(app, company)}` });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('made over /consumer/v1 with customFields: GET /v3/customer/{id} shows them; a /v3 update merges into what v1 reads', async () => {
    const made = await c1.post('/consumer/v1/customers', { firstname: 'Vera', lastname: 'One', email: 'vera@example.com', customFields: { field1: 'gold', field2: 'Ann' } });
    expect(made.status, made.text).toBe(200);
    const uid = (await v3.get('/customers?email=vera@example.com')).json.data[0].id;
    const onV3 = await v3.get(`/customer/${uid}`);
    expect(onV3.data.CustomFields).toEqual({ field1: 'gold', field2: 'Ann' });
    const merged = await v3.put(`/customer/${uid}`, { CustomFields: { field2: '', field3: 'blue' } });
    expect(merged.data.CustomFields).toEqual({ field1: 'gold', field3: 'blue' });
    expect(v1Fields((await c1.get(`/consumer/v1/customers/${made.json.id}`)).json)).toEqual({ field1: 'gold', field3: 'blue' });
  });

  it('made over /v3 with CustomFields: GET /consumer/v1/customers/{id} shows them; a v1 update merges into what /v3 reads', async () => {
    const made = await v3.post('/customer', { firstName: 'Theo', lastName: 'Three', email: 'theo@example.com', CustomFields: { membership: 'silver', field1: 'x' } });
    expect(made.status, made.text).toBe(200);
    const listed = (await c1.get('/consumer/v1/customers?email=theo@example.com')).json.data[0];
    expect(v1Fields(listed)).toEqual({ membership: 'silver', field1: 'x' });
    const updated = await c1.put(`/consumer/v1/customers/${listed.id}`, { customFields: { field1: '', field2: 'y' } });
    expect(v1Fields(updated.json)).toEqual({ membership: 'silver', field2: 'y' });
    expect((await v3.get(`/customer/${made.data.id}`)).data.CustomFields).toEqual({ membership: 'silver', field2: 'y' });
  });

  it('/v3 CustomFields are text: a number is refused with a 400 and nothing is written', async () => {
    const bad = await v3.post('/customer', { firstName: 'Nina', email: 'nina@example.com', CustomFields: { visits: { n: 3 } } });
    expect(bad.status, bad.text).toBe(400);
    expect((await v3.get('/customers?email=nina@example.com')).json.total).toBe(0);
  });
});
