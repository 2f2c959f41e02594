// /health follows the database: 503 while PostgreSQL refuses this server's connections, 200 again once
// it accepts them; /health/live answers 200 throughout. The shared PostgreSQL server keeps running:
// only this test's own database stops accepting connections.
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { clinic } from '../support/clinic.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function eventually(condition: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) if (await condition()) return true;
  return false;
}

const healthStatus = async (base: string) => (await api(base, 'GET', '/health')).status;

async function admin(sql: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { await client.query(sql, values); } finally { await client.end(); }
}

describe.each(backends)('/health on $name', (backend) => {
  let app: RunningApp | undefined;
  afterEach(async () => { await app?.close(); app = undefined; });
  afterAll(() => backend.dropAll());

  it('answers 200 while the database answers, and /health/live answers too', async () => {
    app = await startTestServer(await backend.create());
    expect(await api(app.url, 'GET', '/health')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(await api(app.url, 'GET', '/health/live')).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it.skipIf(backend.name !== 'postgres')('turns 503 when PostgreSQL stops accepting the connections (every surface answers 503 in its format), and 200 when it accepts them again', async () => {
    const url = await backend.create();
    const database = new URL(url).pathname.slice(1);
    app = await startTestServer(url, { OPENSLOT_HEALTH_TIMEOUT_MS: '1000', OPENSLOT_HEALTH_CACHE_MS: '500' });
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    const company = (await api(app.url, 'POST', '/admin/v1/companies', { body: clinic(), headers: adminHeaders })).json;
    try {
      await admin(`alter database ${database} allow_connections false`);
      await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);
      expect(await eventually(async () => await healthStatus(app!.url) === 503)).toBe(true);
      const down = await api(app.url, 'GET', '/health');
      expect(down.status).toBe(503);
      expect(down.json).toMatchObject({ status: 'unavailable', database: expect.any(String) });
      expect(down.headers.get('retry-after')).toBe('1');
      expect((await api(app.url, 'GET', '/health/live')).status).toBe(200);
      // Meanwhile every surface answers 503 in its own format, with a retry hint, never a 500.
      const admin503 = await api(app.url, 'GET', `/admin/v1/companies/${company.id}`, { headers: adminHeaders });
      expect([admin503.status, admin503.json?.error, admin503.headers.get('retry-after')]).toEqual([503, 'service_unavailable', '2']);
      const onsched503 = await api(app.url, 'GET', '/v3/resources', { headers: { 'x-api-key': company.apiKey } });
      expect([onsched503.status, onsched503.json?.name, onsched503.headers.get('retry-after')]).toEqual([503, 'ServiceUnavailableError', '2']);
      const acuity503 = await api(app.url, 'GET', '/api/v1/calendars', { headers: { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` } });
      expect([acuity503.status, acuity503.json?.error, acuity503.headers.get('retry-after')]).toEqual([503, 'service_unavailable', '2']);
    } finally {
      await admin(`alter database ${database} allow_connections true`);
    }
    expect(await eventually(async () => await healthStatus(app!.url) === 200)).toBe(true);
  });
});
