// /admin/v1 over real HTTP: the setup document creates everything in one go, and bad input gets a
// 400 naming the path of the bad value with nothing created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { clinic } from '../support/clinic.js';

describe.each(backends)('admin API on $name', (backend) => {
  let app: RunningApp;
  beforeAll(async () => { app = await startTestServer(await backend.create()); });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const post = (body: unknown, headers = adminHeaders) => api(app.url, 'POST', '/admin/v1/companies', { body, headers });
  const companyCount = async () => Number((await app.services.store.db.selectFrom('companies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates a company with credentials and maps every ref to {id, uid}', async () => {
    const r = await post(clinic());
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ id: expect.any(Number), uid: expect.any(String), apiKey: expect.any(String), clientId: expect.any(String), clientSecret: expect.any(String) });
    for (const ref of ['main', 'alice', 'bob', 'consult', 'session', 'yoga', 'extra', 'intake', 'first', 'topics', 'vip', 'tenoff', 'five']) {
      expect(r.json.refs[ref], ref).toEqual({ id: expect.any(Number), uid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    }
    const got = await api(app.url, 'GET', `/admin/v1/companies/${r.json.id}`, { headers: adminHeaders });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: r.json.id, name: 'Test Clinic', timezone: 'America/New_York', settings: { maxDaysInAdvance: 60, timeFormat: 'ampm' } });
    expect(got.text).not.toContain(r.json.apiKey);
    expect(got.text).not.toContain(r.json.clientSecret);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await post(clinic(), {} as typeof adminHeaders)).status).toBe(401);
    expect((await post(clinic(), { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await api(app.url, 'GET', '/admin/v1/companies/1')).status).toBe(401);
  });

  const bad: Array<[string, (d: ReturnType<typeof clinic>) => unknown, string]> = [
    ['an unknown ref', (d) => { d.setup!.services![0].resources = ['alice', 'nobody']; return d; }, 'setup.services[0].resources[1]'],
    ['an invalid company time zone', (d) => ({ ...d, timezone: 'Mars/Olympus' }), 'timezone'],
    ['an invalid resource time zone', (d) => { d.setup!.resources![1].timezone = 'Nowhere/Land'; return d; }, 'setup.resources[1].timezone'],
    ['an hours range that runs backwards', (d) => { d.setup!.resources![0].hours = { mon: [['17:00', '09:00']] }; return d; }, 'setup.resources[0].hours.mon'],
    ['a malformed clock time', (d) => { d.setup!.resources![0].hours = { mon: [['9am', '17:00']] }; return d; }, 'setup.resources[0].hours.mon[0][0]'],
    ['a wrong type', (d) => { (d.setup!.services![0] as any).duration = 'thirty'; return d; }, 'setup.services[0].duration'],
    ['an unknown enum value', (d) => { (d.setup!.services![0] as any).roundRobin = 'SOMETIMES'; return d; }, 'setup.services[0].roundRobin'],
    ['an unknown property', (d) => { (d.setup!.locations![0] as any).colour = 'red'; return d; }, 'setup.locations[0].colour'],
    ['a duplicate ref', (d) => { d.setup!.labels!.push({ ref: 'alice', name: 'Again' }); return d; }, 'setup.labels[1].ref'],
    ['a missing name', (d) => { delete (d as any).name; return d; }, 'name'],
  ];
  it.each(bad)('rejects %s with 400 naming the path, creating nothing', async (_, mutate, path) => {
    const before = await companyCount();
    const r = await post(mutate(clinic()));
    expect(r.status).toBe(400);
    expect(r.json.field).toBe(path);
    expect(r.json.message).toContain(path);
    expect(await companyCount()).toBe(before);
  });

  it('rejects malformed JSON and a non-numeric id with 400, an unknown company with 404', async () => {
    const r = await fetch(`${app.url}/admin/v1/companies`, { method: 'POST', headers: { ...adminHeaders, 'content-type': 'application/json' }, body: '{"name": ' });
    expect(r.status).toBe(400);
    expect((await api(app.url, 'GET', '/admin/v1/companies/abc', { headers: adminHeaders })).status).toBe(400);
    expect((await api(app.url, 'GET', '/admin/v1/companies/999999', { headers: adminHeaders })).status).toBe(404);
  });

  it('serves /docs listing each surface\'s own OpenAPI document', async () => {
    expect((await api(app.url, 'GET', '/docs/')).status).toBe(200);
    const init = await api(app.url, 'GET', '/docs/static/swagger-initializer.js');
    for (const url of ['/v3/openapi.json', '/api/v1/openapi.json']) {
      expect(init.text).toContain(url);
      const doc = await api(app.url, 'GET', url);
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.json.paths).length).toBeGreaterThan(5);
      expect(Object.keys(doc.json.paths).every((p) => p.startsWith(url.replace('/openapi.json', '')))).toBe(true);
    }
  });

  it('answers GET /health', async () => {
    const r = await api(app.url, 'GET', '/health');
    expect(r).toMatchObject({ status: 200, json: { status: 'ok' } });
  });
});
