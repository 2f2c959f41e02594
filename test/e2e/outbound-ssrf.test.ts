// Server-side request forgery: a local HTTP server stands for an internal service. No webhook or
// calendar URL pointing at it reaches it, in any spelling of its address, through a redirect from
// an allowed server, or when the URL was stored while it was allowed; the same URLs reach it once
// the operator allows its range (OPENSLOT_OUTBOUND_ALLOW).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { openStore } from '../../src/store/database.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { until } from '../support/webhook-receiver.js';

const FEED = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';

/** Counts every request and answers 200 with an empty calendar. */
async function listen(host: string, handler: (path: string) => { status: number; location?: string }) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    req.resume();
    const { status, location } = handler(req.url ?? '/');
    res.statusCode = status;
    if (location) res.setHeader('location', location);
    res.end(status === 200 ? FEED : '');
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { requests, port, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

type Listener = Awaited<ReturnType<typeof listen>>;

describe.each(backends)('outbound URLs on $name', (backend) => {
  let internal: Listener;
  let redirector: Listener;
  const apps: RunningApp[] = [];
  const start = async (databaseUrl: string, allow: string, extra: Record<string, string> = {}) => {
    const app = await startTestServer(databaseUrl, {
      OPENSLOT_OUTBOUND_ALLOW: allow, OPENSLOT_DISPATCH_INTERVAL_MS: '50', OPENSLOT_CALENDAR_POLL_MS: '100', OPENSLOT_CALENDAR_TIMEOUT_MS: '2000', ...extra,
    });
    apps.push(app);
    return app;
  };
  /** Every spelling of the internal service's address that the issue lists, as URLs to its port. */
  const spellings = () => ['127.0.0.1', 'localhost', '127.1', '2130706433', '0x7f.0.0.1', '[::ffff:127.0.0.1]'].map((h) => `http://${h}:${internal.port}/hook`);
  /** Addresses that are not public, whoever listens there. */
  const otherRefused = ['169.254.169.254', '10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '224.0.0.1', '0.0.0.0', '[::1]', '[::]', '[fd00::1]', '[fe80::1]', '[ff02::1]']
    .map((h) => `http://${h}/latest/meta-data/`);

  beforeAll(async () => {
    internal = await listen('127.0.0.1', () => ({ status: 200 }));
    // An allowed server (127.0.0.2 is loopback too; only it is allowed) that redirects to the internal one.
    redirector = await listen('127.0.0.2', (path) => ({ status: 302, location: `http://127.0.0.1:${internal.port}/via-redirect${path}` }));
  });
  afterEach(async () => { for (const app of apps.splice(0)) await app.close(); });
  afterAll(async () => { await internal?.close(); await redirector?.close(); await backend.dropAll(); });

  it('refuses each spelling with a 400 when the URL is given, on every surface that takes one, and sends nothing', async () => {
    const app = await start(await backend.create(), '');
    const company = (await api(app.url, 'POST', '/admin/v1/companies', { body: clinic(), headers: adminHeaders })).json;
    const basic = { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` };
    const alice = company.refs.alice.id;
    for (const url of [...spellings(), ...otherRefused]) {
      const hook = await api(app.url, 'POST', '/api/v1/webhooks', { headers: basic, body: { event: 'appointment.scheduled', target: url } });
      expect([url, hook.status, hook.json?.message]).toEqual([url, 400, expect.stringContaining('not a public address')]);
      const settings = await api(app.url, 'PUT', `/admin/v1/companies/${company.id}/notifications`, { headers: adminHeaders, body: { acuityWebhooks: { scheduled: url } } });
      expect([url, settings.status]).toEqual([url, 400]);
      const calendar = await api(app.url, 'POST', `/admin/v1/companies/${company.id}/resources/${alice}/externalCalendars`, { headers: adminHeaders, body: { type: 'ics', url } });
      expect([url, calendar.status]).toEqual([url, 400]);
      const v3 = { 'x-api-key': company.apiKey };
      const onschedHook = await api(app.url, 'POST', '/v3/webhook', { headers: v3, body: { url } });
      expect([url, onschedHook.status]).toEqual([url, 400]);
      const onschedCalendar = await api(app.url, 'POST', `/v3/resource/${company.refs.alice.uid}/externalCalendar`, { headers: v3, body: { type: 'ics', url } });
      expect([url, onschedCalendar.status]).toEqual([url, 400]);
    }
    const doc = clinic();
    doc.setup!.resources![0] = { ...doc.setup!.resources![0]!, externalCalendars: [{ type: 'ics', url: `webcal://localhost:${internal.port}/feed.ics` }] };
    const created = await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
    expect(created.status).toBe(400);
    expect(created.json.message ?? JSON.stringify(created.json)).toContain('externalCalendars[0].url');
    expect(internal.requests).toEqual([]);
  });

  it('refuses at connection time what was stored while allowed: the webhook fails for good, calendars record the refusal, a redirect to it is refused; allowing the range makes the same URLs work', async () => {
    const databaseUrl = await backend.create();
    // Stored while the operator allowed loopback (no loops run, so nothing is sent yet).
    const permissive = await start(databaseUrl, '127.0.0.0/8', { OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
    const doc = clinic();
    doc.notifications = { reminderMinutesBefore: [], acuityWebhooks: { scheduled: `http://2130706433:${internal.port}/hook` } };
    doc.setup!.resources![0] = { ...doc.setup!.resources![0]!, externalCalendars: [
      { type: 'ics', url: `http://localhost:${internal.port}/feed.ics` },
      { type: 'caldav', url: `http://[::ffff:127.0.0.1]:${internal.port}/dav/alice/`, username: 'alice', password: 'secret' },
      { type: 'ics', url: `http://127.0.0.2:${redirector.port}/moved.ics` },
    ] };
    const created = await api(permissive.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
    expect(created.status).toBe(201);
    const company = created.json;
    const store = openStore(databaseUrl);
    const day = nextWeekday(3, 3);
    await createAppointment({ store, secrets: permissive.services.secrets, now: Date.now, random: Math.random }, company.id, {
      serviceKey: company.refs.consult.id, resourceKeys: [company.refs.alice.id], start: Date.parse(`${day}T15:00:00Z`),
      customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    }, { status: 'BK', onGrid: false });
    await store.close();
    await permissive.close();
    apps.splice(apps.indexOf(permissive), 1);

    // The same database under a policy that allows only the redirecting server.
    const strict = await start(databaseUrl, '127.0.0.2/32');
    const deliveries = async () => (await api(strict.url, 'GET', `/admin/v1/companies/${company.id}/deliveries`, { headers: adminHeaders })).json.data as any[];
    const calendars = async (app: RunningApp) => (await api(app.url, 'GET', `/admin/v1/companies/${company.id}/resources/${company.refs.alice.id}/externalCalendars`, { headers: adminHeaders })).json.data as any[];
    let hook: any;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && hook?.status !== 'failed'; await new Promise((r) => setTimeout(r, 100))) {
      hook = (await deliveries()).find((d) => d.channel === 'webhook');
    }
    expect(hook).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('not a public address') });
    let read: any[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !(read.length === 3 && read.every((c) => c.sync.state === 'error')); await new Promise((r) => setTimeout(r, 100))) {
      read = await calendars(strict);
    }
    expect(read.map((c) => [c.sync.state, c.sync.nextSyncAt, c.sync.lastError])).toEqual(read.map(() => ['error', null, expect.stringContaining('not a public address')]));
    expect(redirector.requests).toEqual(['/moved.ics']); // the allowed server was asked, its redirect was not followed
    await new Promise((r) => setTimeout(r, 500)); // never retried
    expect((await deliveries()).find((d) => d.channel === 'webhook')).toMatchObject({ attempts: 1 });
    expect((await calendars(strict)).map((c) => c.sync.failures)).toEqual([1, 1, 1]);
    expect(internal.requests).toEqual([]);
    await strict.close();
    apps.splice(apps.indexOf(strict), 1);

    // Once the operator allows loopback, the same URLs reach the service: a retried delivery and each calendar.
    const allowed = await start(databaseUrl, '127.0.0.0/8');
    expect((await api(allowed.url, 'POST', `/admin/v1/companies/${company.id}/deliveries/${hook.id}/retry`, { headers: adminHeaders })).status).toBe(200);
    for (const c of await calendars(allowed)) {
      expect((await api(allowed.url, 'POST', `/admin/v1/companies/${company.id}/externalCalendars/${c.id}/sync`, { headers: adminHeaders })).status).toBe(202);
    }
    expect(await until(() => internal.requests.length >= 4, 15_000)).toBe(true);
    expect(internal.requests.sort()).toEqual(['/dav/alice/', '/feed.ics', '/hook', '/via-redirect/moved.ics'].sort());
  }, 60_000);
});
