// Decisions 1–2 of the OnSched reference, over HTTP on every backend: every 2xx of /v3 is
// {success: true, data}, lists carry the v3 wrapper and v1's counters, errors are
// {success: false, statusCode, name, message, errors}, and a rule refusal is a 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(2);
const farDay = nextWeekday(2, 90); // past the clinic's 60-day booking horizon

describe.each(backends)('OnSched envelope and errors on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const hold = (date: string) => ({
    ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: `${date}T15:00:00Z`, endTime: `${date}T15:30:00Z` },
  });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('wraps one object as {success: true, data}', async () => {
    const h = await v3.post('/appointment/hold', hold(day));
    expect(h.status).toBe(200);
    expect(Object.keys(h.json).sort()).toEqual(['data', 'success']);
    expect(h.json.success).toBe(true);
    expect(h.json.data).toMatchObject({ object: 'appointment', status: 'IN' });
    const again = await v3.get(`/appointment/${h.data.id}`);
    expect(again.json).toEqual({ success: true, data: expect.objectContaining({ id: h.data.id }) });
  });

  it('a paged list carries the list envelope with its place in the whole', async () => {
    for (const start of ['16:00', '17:00']) {
      expect((await v3.post('/appointment/hold', { ...hold(day), Unavailability: { startTime: `${day}T${start}:00Z` } })).status).toBe(200);
    }
    const page = await v3.get('/appointments?limit=2&page=2');
    expect(page.json).toEqual({ success: true, object: 'list', page: 2, limit: 2, count: 1, total: 3, hasMore: false, data: [expect.objectContaining({ object: 'appointment' })] });
    const first = await v3.get('/appointments?limit=2');
    expect(first.json).toMatchObject({ success: true, page: 1, limit: 2, count: 2, total: 3, hasMore: true });
  });

  it('a whole list (a route that returns every item) gets the same envelope', async () => {
    const r = await v3.get(`/webhook?locationId=${R().main.uid}`);
    expect(r.json).toEqual({ success: true, object: 'list', page: 1, limit: 0, count: 0, total: 0, hasMore: false, data: [] });
  });

  it('availability keeps its documented {success, data} and is not wrapped twice', async () => {
    const r = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${R().consult.uid}`);
    expect(r.json.success).toBe(true);
    expect(r.json.data).toHaveProperty('availableTimes');
    expect(r.json.data).not.toHaveProperty('success');
  });

  it('the OAuth token answer stays bare: OAuth clients read access_token at the top', async () => {
    const r = await api(app.url, 'POST', '/v3/oauth/token', { form: { grant_type: 'client_credentials', client_id: company.clientId, client_secret: company.clientSecret } });
    expect(r.json).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    expect(r.json).not.toHaveProperty('success');
  });

  it('errors are {success: false, statusCode, name, message, errors}', async () => {
    const r = await v3.get('/appointment/not-a-uuid');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ success: false, statusCode: 400, name: 'BadRequestError', message: expect.any(String), errors: [{ field: 'id', message: expect.any(String) }] });
    const none = await api(app.url, 'GET', '/v3/appointments');
    expect(none.json).toMatchObject({ success: false, statusCode: 401, name: 'UnauthorizedError' });
    const missing = await v3.get('/nowhere');
    expect(missing.json).toMatchObject({ success: false, statusCode: 404, name: 'NotFoundError' });
  });

  it('422 UnprocessableEntityError when a rule refuses a well-formed booking (too far ahead), and nothing is written', async () => {
    const before = (await v3.get('/appointments')).json.total;
    for (const path of ['/appointment/hold', '/appointment/reserve']) {
      const r = await v3.post(path, hold(farDay));
      expect(r.status, r.text).toBe(422);
      expect(r.json).toMatchObject({ success: false, statusCode: 422, name: 'UnprocessableEntityError', message: expect.stringMatching(/too far/) });
    }
    expect((await v3.get('/appointments')).json.total).toBe(before);
  });

  it('the OpenAPI document describes the envelope, the list fields and the 422', async () => {
    const doc = (await api(app.url, 'GET', '/v3/openapi.json')).json;
    const hold200 = doc.paths['/v3/appointment/hold'].post.responses['200'].content['application/json'].schema;
    expect(Object.keys(hold200.properties).sort()).toEqual(['data', 'success']);
    const list200 = doc.paths['/v3/appointments'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(list200.properties)).toEqual(expect.arrayContaining(['success', 'data', 'object', 'page', 'limit', 'count', 'total', 'hasMore']));
    const refused = doc.paths['/v3/appointment/hold'].post.responses['422'].content['application/json'].schema;
    expect(Object.keys(refused.properties)).toEqual(expect.arrayContaining(['success', 'statusCode', 'name', 'message', 'errors']));
    const delivery = doc.components.schemas.WebhookDelivery;
    expect(Object.keys(delivery.properties).sort()).toEqual(['appointment', 'trigger']);
    expect(delivery.properties.trigger.enum).toContain('APPOINTMENT_REMINDER');
    const params = doc.paths['/v3/availability'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['overrideDuration', 'firstAvailable', 'ignoreExternalEvents', 'allowPaddingOverflow', 'CustomerId', 'timezone']));
    expect(doc.paths['/v3/appointment'].post.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['LocationId', 'ServiceId', 'ResourceIds']));
  });
});
