// Decision 3 of the OnSched reference, over HTTP on every backend: a bearer token alone or the
// company API key alone opens /v3; the booking widget's public key with x-client-id opens only
// /v3/public/* (availability, hold, book), and nothing else opens those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(3);

describe.each(backends)('OnSched authentication on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let other: Company;
  let widget: OnSched;
  const R = () => company.refs;
  const window = () => `?startDate=${day}&endDate=${day}&ServiceId=${R().consult.uid}`;
  const hold = (hhmm: string) => ({ ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: `${day}T${hhmm}:00Z` } });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    other = await createCompany(app, clinic());
    widget = onsched(app, { 'x-api-key': company.publicKey, 'x-client-id': company.publicClientId });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('the admin create-company answer carries a public key and public client id of its own', () => {
    expect(company.publicKey).toMatch(/^pk_/);
    expect(company.publicClientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(company.publicKey).not.toBe(company.apiKey);
    expect(company.publicClientId).not.toBe(company.clientId);
    expect(other.publicKey).not.toBe(company.publicKey);
  });

  it('a bearer token alone, and the API key alone, each open the private routes', async () => {
    const viaToken = onsched(app, bearer(await accessToken(app, company)));
    const viaKey = onsched(app, { 'x-api-key': company.apiKey });
    for (const v3 of [viaToken, viaKey]) {
      const r = await v3.get('/appointments');
      expect(r.status, r.text).toBe(200);
      expect(r.json.success).toBe(true);
    }
  });

  it('the widget reads availability, holds and books on /v3/public', async () => {
    const free = await widget.get(`/public/availability${window()}`);
    expect(free.status, free.text).toBe(200);
    expect(free.json.data.availableTimes.length).toBeGreaterThan(0);
    const h = await widget.post('/public/appointment/hold', hold('15:00'));
    expect(h.status, h.text).toBe(200);
    expect(h.data).toMatchObject({ status: 'IN', ResourceIds: [R().alice.uid] });
    const b = await widget.put(`/public/appointment/${h.data.id}/book`, { Customer: { firstName: 'Wid', lastName: 'Get', email: 'widget@example.com' } });
    expect(b.status, b.text).toBe(200);
    expect(b.data).toMatchObject({ id: h.data.id, status: 'BK', customer: { email: 'widget@example.com' } });
  });

  it('the widget lists the company\'s locations on /v3/public/locations, as GET /v3/locations renders them', async () => {
    const mine = await widget.get('/public/locations');
    expect(mine.status, mine.text).toBe(200);
    const privateList = await onsched(app, { 'x-api-key': company.apiKey }).get('/locations');
    expect(mine.json).toEqual(privateList.json);
    expect(mine.json.data.map((l: { id: string }) => l.id)).toContain(R().main.uid);
    expect(mine.json.data[0]).toMatchObject({ object: 'location', timezone: expect.any(String) });
    const theirs = await onsched(app, { 'x-api-key': other.publicKey, 'x-client-id': other.publicClientId }).get('/public/locations');
    expect(theirs.json.data.map((l: { id: string }) => l.id)).not.toContain(R().main.uid);
    expect((await api(app.url, 'GET', '/v3/public/locations', { headers: { 'x-api-key': company.apiKey } })).status).toBe(401);
  });

  it('the public key never opens a private route, not even reading one appointment', async () => {
    for (const path of ['/appointments', '/customers', '/locations', `/availability${window()}`]) {
      const r = await widget.get(path);
      expect(r.status, path).toBe(401);
      expect(r.json).toMatchObject({ success: false, statusCode: 401, name: 'UnauthorizedError' });
    }
    expect((await widget.post('/appointment/hold', hold('16:00'))).status).toBe(401);
    expect((await widget.post('/service', { name: 'Sneaky', duration: 30 })).status).toBe(401);
  });

  it('/v3/public takes only the public key with its own client id', async () => {
    const path = `/v3/public/availability${window()}`;
    const get = (headers: Record<string, string>) => api(app.url, 'GET', path, { headers });
    expect((await get({ 'x-api-key': company.publicKey })).json).toMatchObject({ statusCode: 401, errors: [{ field: 'x-client-id' }] });
    expect((await get({ 'x-api-key': company.publicKey, 'x-client-id': other.publicClientId })).status).toBe(401);
    expect((await get({ 'x-api-key': company.apiKey, 'x-client-id': company.publicClientId })).status).toBe(401);
    expect((await get(bearer(await accessToken(app, company)))).status).toBe(401);
    // A widget of another company cannot book this company's hold.
    const mine = await widget.post('/public/appointment/hold', hold('16:30'));
    const theirs = onsched(app, { 'x-api-key': other.publicKey, 'x-client-id': other.publicClientId });
    expect((await theirs.put(`/public/appointment/${mine.data.id}/book`, { Customer: { firstName: 'E', email: 'e@example.com' } })).status).toBe(404);
  });

  it('GET /v3/company answers the caller\'s company, never its keys', async () => {
    const r = await onsched(app, { 'x-api-key': company.apiKey }).get('/company');
    expect(r.status, r.text).toBe(200);
    expect(r.data).toMatchObject({ object: 'company', id: company.uid, name: 'Test Clinic', timezone: 'America/New_York', suspended: false, email: null });
    expect(r.text).not.toContain(company.apiKey);
    expect(r.text).not.toContain(company.publicKey);
    expect((await widget.get('/company')).status).toBe(401);
  });

  it('the widget has no other /v3/public route', async () => {
    const r = await widget.get('/public/appointments');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ success: false, name: 'NotFoundError' });
  });
});
