// The admin API's company lifecycle over real HTTP: list a page at a time, update, rotate the API key
// and the client secret (the old one fails at once on every surface, the new one is shown once),
// and delete softly (data kept, every credential refused). Times are ISO 8601.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { createCompany, type Company } from './onsched-client.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.each(backends)('admin company lifecycle on $name', (backend) => {
  let app: RunningApp;
  beforeAll(async () => { app = await startTestServer(await backend.create()); });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const admin = (method: string, path: string, body?: unknown) => api(app.url, method, `/admin/v1${path}`, { headers: adminHeaders, body });
  const named = (name: string) => createCompany(app, { ...clinic(), name });
  /** What each surface answers for a credential: /v3 with x-api-key, /api/v1 with Basic, /v3 with a bearer token. */
  const v3Key = async (apiKey: string) => (await api(app.url, 'GET', '/v3/locations', { headers: { 'x-api-key': apiKey } })).status;
  const acuityKey = async (c: Company, apiKey: string) => (await api(app.url, 'GET', '/api/v1/me', { headers: { authorization: `Basic ${Buffer.from(`${c.id}:${apiKey}`).toString('base64')}` } })).status;
  const token = async (clientId: string, clientSecret: string) => api(app.url, 'POST', '/v3/oauth/token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
  const bearer = async (accessToken: string) => (await api(app.url, 'GET', '/v3/locations', { headers: { authorization: `Bearer ${accessToken}` } })).status;

  it('lists companies a page at a time in id order, with ISO 8601 times', async () => {
    const made = [await named('Page A'), await named('Page B'), await named('Page C')];
    const seen: any[] = [];
    let after: number | null = null;
    do {
      const page: any = await admin('GET', `/companies?limit=2${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.data);
      after = page.json.nextAfter;
    } while (after !== null);
    expect(seen.map((c) => c.id)).toEqual([...seen.map((c) => c.id)].sort((a, b) => a - b));
    for (const c of made) expect(seen.find((s) => s.id === c.id)).toMatchObject({ uid: c.uid, clientId: c.clientId, createdAt: expect.stringMatching(ISO), deletedAt: null });
    const one = await admin('GET', `/companies/${made[0]!.id}`);
    expect(one.json).toMatchObject({ name: 'Page A', createdAt: expect.stringMatching(ISO), updatedAt: null, deletedAt: null });
    expect(Math.abs(Date.parse(one.json.createdAt) - Date.now())).toBeLessThan(10 * 60_000);
    for (const bad of ['limit=0', 'limit=x', 'after=-1', 'includeDeleted=yes']) expect([bad, (await admin('GET', `/companies?${bad}`)).status]).toEqual([bad, 400]);
  });

  it('updates the name, time zone and settings (merged key by key); bad values are a 400 that changes nothing', async () => {
    const c = await named('Before');
    const r = await admin('PATCH', `/companies/${c.id}`, { name: 'After', timezone: 'Europe/Berlin', settings: { maxDaysInAdvance: 90 } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: c.id, name: 'After', timezone: 'Europe/Berlin', settings: { maxDaysInAdvance: 90, minHoursInAdvance: 0, timeFormat: 'ampm' }, updatedAt: expect.stringMatching(ISO) });
    for (const body of [{ timezone: 'Mars/Olympus' }, { name: '' }, { settings: { maxDaysInAdvance: 'ninety' } }, { colour: 'red' }, { settings: { timeFormat: '12h' } }]) {
      const bad = await admin('PATCH', `/companies/${c.id}`, body);
      expect([body, bad.status, bad.json.error]).toEqual([body, 400, 'invalid_input']);
    }
    expect((await admin('GET', `/companies/${c.id}`)).json).toMatchObject({ name: 'After', timezone: 'Europe/Berlin', settings: { maxDaysInAdvance: 90, timeFormat: 'ampm' } });
    // The Acuity surface shows the new name and zone.
    expect((await api(app.url, 'GET', '/api/v1/me', { headers: { authorization: `Basic ${Buffer.from(`${c.id}:${c.apiKey}`).toString('base64')}` } })).json).toMatchObject({ name: 'After', timezone: 'Europe/Berlin' });
    expect((await admin('PATCH', '/companies/999999', { name: 'Nobody' })).status).toBe(404);
  });

  it('rotates the API key: the old one fails at once on both surfaces, the new one works and is shown only once', async () => {
    const c = await named('Rotate key');
    expect([await v3Key(c.apiKey), await acuityKey(c, c.apiKey)]).toEqual([200, 200]);
    const r = await admin('POST', `/companies/${c.id}/apiKey/rotate`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: c.id, apiKey: expect.any(String) });
    expect(r.json.apiKey).not.toBe(c.apiKey);
    expect([await v3Key(c.apiKey), await acuityKey(c, c.apiKey)]).toEqual([401, 401]);
    expect([await v3Key(r.json.apiKey), await acuityKey(c, r.json.apiKey)]).toEqual([200, 200]);
    expect((await admin('GET', `/companies/${c.id}`)).text).not.toContain(r.json.apiKey);
  });

  it('rotates the client secret: the old secret and the tokens it bought fail at once, the new one buys tokens', async () => {
    const c = await named('Rotate secret');
    const old = await token(c.clientId, c.clientSecret);
    expect(old.status).toBe(200);
    expect(await bearer(old.json.access_token)).toBe(200);
    const r = await admin('POST', `/companies/${c.id}/clientSecret/rotate`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: c.id, clientId: c.clientId, clientSecret: expect.any(String) });
    expect((await token(c.clientId, c.clientSecret)).status).toBe(401);
    expect(await bearer(old.json.access_token)).toBe(401);
    const fresh = await token(c.clientId, r.json.clientSecret);
    expect(fresh.status).toBe(200);
    expect(await bearer(fresh.json.access_token)).toBe(200);
    expect(await v3Key(c.apiKey)).toBe(200); // the API key is untouched
  });

  it('deletes softly: the data stays, every credential gets a 401, and the company leaves the default list', async () => {
    const c = await named('Going away');
    const issued = await token(c.clientId, c.clientSecret);
    const resourcesBefore = await app.services.store.db.selectFrom('resources').select('id').where('company_id', '=', c.id).execute();
    const r = await admin('DELETE', `/companies/${c.id}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: c.id, name: 'Going away', clientId: null, deletedAt: expect.stringMatching(ISO) });
    expect([await v3Key(c.apiKey), await acuityKey(c, c.apiKey), await bearer(issued.json.access_token), (await token(c.clientId, c.clientSecret)).status]).toEqual([401, 401, 401, 401]);
    expect(await app.services.store.db.selectFrom('resources').select('id').where('company_id', '=', c.id).execute()).toEqual(resourcesBefore);
    expect((await admin('GET', `/companies/${c.id}`)).json).toMatchObject({ id: c.id, deletedAt: expect.stringMatching(ISO) });
    const listed = async (query: string) => {
      const ids: number[] = [];
      for (let after: number | null = 0; after !== null;) {
        const page: any = await admin('GET', `/companies?limit=500${query}${after ? `&after=${after}` : ''}`);
        ids.push(...page.json.data.map((x: any) => x.id));
        after = page.json.nextAfter;
      }
      return ids;
    };
    expect(await listed('')).not.toContain(c.id);
    expect(await listed('&includeDeleted=true')).toContain(c.id);
    expect((await admin('PATCH', `/companies/${c.id}`, { name: 'Back' })).status).toBe(404);
    expect((await admin('POST', `/companies/${c.id}/apiKey/rotate`)).status).toBe(404);
    expect((await admin('DELETE', `/companies/${c.id}`)).status).toBe(404);
    expect((await admin('DELETE', '/companies/abc')).status).toBe(400);
  });

  it('a deleted company stops everywhere: its widget key pair gets a 401 and its booking page (slug and uid) the unknown-page 404', async () => {
    const c = await named('Widget gone') as Company & { slug: string };
    const widget = async () => (await api(app.url, 'GET', '/v3/public/locations', { headers: { 'x-api-key': c.publicKey, 'x-client-id': c.publicClientId } })).status;
    const page = async (key: string) => api(app.url, 'GET', `/book/${key}`);
    expect([await widget(), (await page(c.slug)).status, (await page(c.uid)).status]).toEqual([200, 200, 200]);
    expect((await admin('DELETE', `/companies/${c.id}`)).status).toBe(200);
    expect(await widget()).toBe(401);
    const unknown = await page('nobody-here');
    for (const key of [c.slug, c.uid]) {
      const r = await page(key);
      expect(r.status, key).toBe(404);
      expect(r.text).toBe(unknown.text);
    }
    const row = await app.services.store.db.selectFrom('companies').select(['public_key', 'public_client_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect([row.public_key, row.public_client_id]).not.toContain(c.publicKey);
    expect(row.public_client_id).not.toBe(c.publicClientId);
  });
});
