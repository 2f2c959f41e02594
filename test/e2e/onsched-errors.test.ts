// Every error class of /v3 in OnSched's format {statusCode, name, message, errors:[{field, message}]},
// nothing written by a refused request, credentials and company isolation, lower-camel parameter
// names, Idempotency-Key replays, and the surface's own OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, type Company, type OnSched, type Reply } from './onsched-client.js';
import { startServer } from './onsched-client.js';

const day = nextWeekday(4); // a Thursday
const at = (hhmm: string) => `${day}T${hhmm}:00Z`; // 15:00Z and later is inside New York's 09:00–17:00

function expectError(r: Pick<Reply, "status" | "json" | "text">, statusCode: number, name: string, field?: string) {
  expect(r.status, r.text).toBe(statusCode);
  expect(r.json).toMatchObject({ success: false, statusCode, name, message: expect.any(String), errors: expect.any(Array) });
  if (field !== undefined) expect(r.json.errors.map((e: { field: string }) => e.field)).toContain(field);
}

describe.each(backends)('OnSched errors on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let other: Company;
  let v3: OnSched;
  let otherV3: OnSched;
  const R = () => company.refs;
  const hold = (start: string, extra: Record<string, unknown> = {}) => ({
    ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: at(start), endTime: new Date(Date.parse(at(start)) + 1800_000).toISOString() }, ...extra,
  });
  const counts = async () => ({
    appointments: (await v3.get('/appointments?limit=100')).json.total as number,
    customers: (await v3.get('/customers?limit=100')).json.total as number,
  });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 300 }));
    other = await createCompany(app, clinic({ expirationDelay: 300 }));
    v3 = onsched(app, bearer(await accessToken(app, company)));
    otherV3 = onsched(app, { 'x-api-key': other.apiKey });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('400 names the field of every malformed value, and nothing is written', async () => {
    const before = await counts();
    const missing = await v3.get(`/availability?startDate=${at('00:00')}&endDate=${at('23:00')}`);
    expectError(missing, 400, 'BadRequestError', 'ServiceId');
    expect(missing.json.message).toBe('Missing required parameter: ServiceId');
    expectError(await v3.get(`/availability?startDate=soon&endDate=${at('23:00')}&ServiceId=${R().consult.uid}`), 400, 'BadRequestError', 'startDate');
    expectError(await v3.get(`/availability?startDate=${at('20:00')}&endDate=${at('10:00')}&ServiceId=${R().consult.uid}`), 400, 'BadRequestError', 'endDate');
    expectError(await v3.get(`/availability?startDate=${at('10:00')}&endDate=${at('20:00')}&ServiceId=${R().consult.uid}&roundRobin=FAIR`), 400, 'BadRequestError', 'roundRobin');
    expectError(await v3.get(`/availability?startDate=${at('10:00')}&endDate=${at('20:00')}&ServiceId=not-a-uuid`), 400, 'BadRequestError', 'ServiceId');
    expectError(await v3.get(`/availability?startDate=${at('10:00')}&endDate=${at('20:00')}&ServiceId=${R().consult.uid}&timezone=Mars/Olympus`), 400, 'BadRequestError', 'timezone');
    expectError(await v3.post('/appointment/hold', { ...hold('15:00'), Unavailability: { startTime: 'soon', endTime: 7 } }), 400, 'BadRequestError', 'Unavailability.startTime');
    expectError(await v3.post('/appointment/hold', { ...hold('15:00'), Unavailability: { startTime: at('15:00'), endTime: 7 } }), 400, 'BadRequestError', 'Unavailability.endTime');
    expectError(await v3.post('/appointment/hold', { ...hold('15:00'), Unavailability: { startTime: at('15:00'), endTime: at('14:30') } }), 400, 'BadRequestError', 'Unavailability.endTime');
    expectError(await v3.post('/appointment/hold', hold('15:00', { ResourceIds: ['alice'] })), 400, 'BadRequestError', 'ResourceIds[0]');
    expectError(await v3.post('/appointment/hold', hold('15:00', { roundRobin: 'SOMETIMES' })), 400, 'BadRequestError', 'roundRobin');
    expectError(await v3.post('/appointment/hold', hold('15:00', { Customer: { firstName: 42 } })), 400, 'BadRequestError', 'Customer.firstName');
    expectError(await v3.post('/appointment', hold('15:00')), 400, 'BadRequestError', 'Customer');
    // Fails after the slot was checked and the resource locked: the whole booking rolls back.
    expectError(await v3.post('/appointment', hold('15:00', { Customer: { firstName: 'Ada', email: 'not-an-email' } })), 400, 'BadRequestError', 'Customer.email');
    expectError(await v3.post('/appointment', hold('15:00', { Customer: { lastName: 'Nameless' } })), 400, 'BadRequestError', 'Customer.firstName');
    expectError(await v3.post('/customer', { firstName: 'Ada', email: 'nope' }), 400, 'BadRequestError', 'email');
    expectError(await v3.get('/appointment/12345'), 400, 'BadRequestError', 'id');
    expectError(await v3.get('/appointments?limit=500'), 400, 'BadRequestError', 'limit');
    expectError(await v3.get('/appointments?page=100000000000000000000'), 400, 'BadRequestError', 'page');
    // Out-of-range numbers are refused before they reach a column they would overflow.
    expectError(await v3.post('/service', { name: 'Forever', duration: 30, maxDaysInAdvance: 1e300 }), 400, 'BadRequestError', 'maxDaysInAdvance');
    expect(await counts()).toEqual(before);
  });

  it('400 for malformed JSON, and a body that is not an object', async () => {
    const broken = await fetch(`${app.url}/v3/appointment/hold`, { method: 'POST', headers: { 'x-api-key': company.apiKey, 'content-type': 'application/json' }, body: '{"ServiceId":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ statusCode: 400, name: 'BadRequestError' });
    expectError(await v3.post('/appointment/hold', [1, 2]), 400, 'BadRequestError', 'body');
  });

  it('401 without credentials, with a wrong token or key, and for wrong client credentials', async () => {
    expectError(await api(app.url, 'GET', '/v3/appointments'), 401, 'UnauthorizedError');
    expectError(await api(app.url, 'GET', '/v3/appointments', { headers: bearer('not-a-token') }), 401, 'UnauthorizedError');
    expectError(await api(app.url, 'GET', '/v3/appointments', { headers: { 'x-api-key': 'wrong' } }), 401, 'UnauthorizedError');
    const token = await api(app.url, 'POST', '/v3/oauth/token', { body: { grant_type: 'client_credentials', client_id: company.clientId, client_secret: 'guess' } });
    expectError(token, 401, 'UnauthorizedError');
    const json = await api(app.url, 'POST', '/v3/oauth/token', { body: { grant_type: 'client_credentials', client_id: company.clientId, client_secret: company.clientSecret } });
    expect(json.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
    expectError(await api(app.url, 'POST', '/v3/oauth/token', { form: { grant_type: 'password' } }), 400, 'BadRequestError', 'grant_type');
  });

  it('404 for unknown ids, another company\'s objects, and unknown routes', async () => {
    const mine = await v3.post('/appointment/hold', hold('16:00'));
    expect(mine.status).toBe(200);
    expectError(await otherV3.get(`/appointment/${mine.data.id}`), 404, 'NotFoundError', 'id');
    expectError(await otherV3.put(`/appointment/${mine.data.id}/book`, { Customer: { firstName: 'Eve', email: 'eve@example.com' } }), 404, 'NotFoundError');
    expectError(await otherV3.del(`/appointment/${mine.data.id}`), 404, 'NotFoundError');
    expectError(await otherV3.post('/appointment/hold', hold('17:00')), 404, 'NotFoundError', 'ServiceId');
    expectError(await otherV3.get(`/location/${R().main.uid}`), 404, 'NotFoundError');
    expectError(await v3.get('/appointment/00000000-0000-4000-8000-000000000000'), 404, 'NotFoundError');
    expectError(await v3.get('/no/such/route'), 404, 'NotFoundError');
    expectError(await api(app.url, 'DELETE', '/v3/availability', { headers: { 'x-api-key': company.apiKey } }), 404, 'NotFoundError');
    expect((await v3.get(`/appointment/${mine.data.id}`)).data.status).toBe('IN');
  });

  it('409 for a taken slot and a duplicate customer email', async () => {
    expect((await v3.post('/appointment/hold', hold('18:00'))).status).toBe(200);
    expectError(await v3.post('/appointment/hold', hold('18:00')), 409, 'ConflictError');
    expectError(await v3.post('/appointment', hold('18:00', { Customer: { firstName: 'Bo', email: 'bo@example.com' } })), 409, 'ConflictError');
    expect((await v3.post('/customer', { firstName: 'Grace', email: 'grace@example.com' })).status).toBe(200);
    expectError(await v3.post('/customer', { firstName: 'Grace', email: 'GRACE@example.com' }), 409, 'ConflictError', 'email');
  });

  it('accepts lower-camel parameter names in queries and bodies', async () => {
    const r = await v3.get(`/availability?startDate=${at('00:00')}&endDate=${at('23:59')}&serviceId=${R().consult.uid}&locationId=${R().main.uid}&resourceIds=${R().bob.uid}`);
    expect(r.status).toBe(200);
    expect(new Set(r.json.data.availableTimes.flatMap((t: { ResourceIds: string[] }) => t.ResourceIds))).toEqual(new Set([R().bob.uid]));
    const h = await v3.post('/appointment/hold', { serviceId: R().consult.uid, locationId: R().main.uid, resourceId: R().bob.uid,
      unavailability: { startTime: at('19:00'), endTime: at('19:30') }, customer: { firstName: 'Lin', email: 'lin@example.com' } });
    expect(h.status).toBe(200);
    expect(h.data).toMatchObject({ status: 'IN', ResourceIds: [R().bob.uid], customer: { firstName: 'Lin' } });
  });

  it('replays an Idempotency-Key: the same request gets the first result, a different one is refused', async () => {
    const key = { 'Idempotency-Key': 'hold-20-00' };
    const first = await v3.post('/appointment/hold', hold('20:00'), key);
    const second = await v3.post('/appointment/hold', hold('20:00'), key);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.data.id).toBe(first.data.id);
    const held = await v3.get(`/appointments?status=IN&startDate=${at('20:00')}&endDate=${at('20:30')}`);
    expect(held.json.total).toBe(1);
    expectError(await v3.post('/appointment/hold', hold('20:30'), key), 409, 'ConflictError', 'Idempotency-Key');
    const bookKey = { 'Idempotency-Key': 'book-20-00' };
    const booked = await v3.put(`/appointment/${first.data.id}/book`, { Customer: { firstName: 'Ida', email: 'ida@example.com' } }, bookKey);
    const replay = await v3.put(`/appointment/${first.data.id}/book`, { Customer: { firstName: 'Ida', email: 'ida@example.com' } }, bookKey);
    expect(booked.data.status).toBe('BK');
    expect(replay.status).toBe(200);
    expect(replay.data).toEqual(booked.data);
    // Without the key, booking twice is a client mistake.
    expectError(await v3.put(`/appointment/${first.data.id}/book`, {}), 400, 'BadRequestError');
  });

  it('replays an Idempotency-Key on DELETE: a retried delete of a hold gets the first answer, not a 404', async () => {
    const h = await v3.post('/appointment/hold', hold('21:00'));
    const key = { 'Idempotency-Key': 'delete-21-00' };
    const gone = await v3.del(`/appointment/${h.data.id}`, key);
    const again = await v3.del(`/appointment/${h.data.id}`, key);
    expect(gone.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(gone.data);
    expectError(await v3.del(`/appointment/${h.data.id}`), 404, 'NotFoundError');
  });

  it('serves an OpenAPI document of /v3 alone, without credentials', async () => {
    const r = await api(app.url, 'GET', '/v3/openapi.json');
    expect(r.status).toBe(200);
    const paths = Object.keys(r.json.paths);
    expect(paths).toEqual(expect.arrayContaining(['/v3/availability', '/v3/appointment/hold', '/v3/appointment/{id}/book', '/v3/weeklyAllocation', '/v3/unavailability']));
    expect(paths.every((p) => p.startsWith('/v3/'))).toBe(true);
    expect(r.json.paths['/v3/availability'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['startDate', 'ServiceId', 'roundRobin']));
  });
});
