// Acuity's documented limits, when configured: 10 requests per second and 20 concurrent requests
// per credential, answered with 429 too_many_requests; off by default.
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, startServer, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);

/** Starts a server with the rate-limit variables set only while the Acuity plugin reads them. */
async function serverWith(env: Record<string, string>): Promise<RunningApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startServer(sqliteBackend);
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe('Acuity rate limit', () => {
  const servers: RunningApp[] = [];
  afterAll(async () => { await Promise.all(servers.map((s) => s.close())); await sqliteBackend.dropAll(); });
  const company = async (app: RunningApp) => createCompany(app, acuityClinic({ classDay: DAY }));

  it('is off by default', async () => {
    const app = await serverWith({});
    servers.push(app);
    const call = basicClient(app, await company(app));
    const answers = await Promise.all(Array.from({ length: 40 }, () => call('/me')));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
  });

  describe('at 10 requests per second and 20 concurrent', () => {
    let app: RunningApp;
    let a: Company;
    let b: Company;
    beforeAll(async () => {
      app = await serverWith({ OPENSLOT_ACUITY_RATE_LIMIT: '10', OPENSLOT_ACUITY_MAX_CONCURRENT: '20' });
      servers.push(app);
      a = await company(app);
      b = await company(app);
    });

    it('refuses the 11th request within a second with 429, per credential, and admits again a second later', async () => {
      const call = basicClient(app, a);
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 12; i++) {
        const r = await call('/me');
        statuses.push(r.status);
        if (r.status === 429) refused = r;
      }
      expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
      expect(refused!.body).toEqual({ status_code: 429, error: 'too_many_requests', message: expect.any(String) });
      expect(refused!.headers['retry-after']).toBe('1');
      expect((await basicClient(app, b)('/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await call('/me')).status).toBe(200);
    });
  });

  it('refuses a request beyond the concurrent limit while the others are in flight', async () => {
    const app = await serverWith({ OPENSLOT_ACUITY_MAX_CONCURRENT: '20' });
    servers.push(app);
    const c = await company(app);
    const auth = `Basic ${Buffer.from(`${c.id}:${c.apiKey}`).toString('base64')}`;
    const { port } = new URL(app.url);
    // Twenty bookings whose bodies have not finished arriving: admitted, and still in flight.
    const open: Array<{ req: ClientRequest; done: Promise<number> }> = Array.from({ length: 20 }, () => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/appointments', headers: { authorization: auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      const done = new Promise<number>((resolve, reject) => { req.on('response', (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); }); req.on('error', reject); });
      req.write('{');
      return { req, done };
    });
    await new Promise((r) => setTimeout(r, 500));
    const call = basicClient(app, c);
    const refused = await call('/me');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('too_many_requests');
    for (const { req } of open) req.end('}');
    expect(await Promise.all(open.map((o) => o.done))).toEqual(Array(20).fill(400)); // {} lacks firstName
    expect((await call('/me')).status).toBe(200);
  });
});
