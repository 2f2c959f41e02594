// OnSched webhooks over HTTP: /v3/webhook manages them, a hold (IN) fires nothing, booking it fires
// one signed NEW_APPOINTMENT, and bad input is a 400 in OnSched's error format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { verifyOpenslotSignature } from '../../src/integrations/webhooks/signatures.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { startTestServer } from '../support/server.js';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createCompany, onsched, type Company, type OnSched } from './onsched-client.js';

describe.each(backends)('OnSched webhooks on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestServer(await backend.create(), { OPENSLOT_DISPATCH_INTERVAL_MS: '50' });
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await receiver?.close(); await backend.dropAll(); });
  const R = () => company.refs;

  it('rejects bad webhooks with a 400 (or 404 for an unknown location), never a 500', async () => {
    const bad = await Promise.all([
      v3.post(`/webhook?locationId=${R().main.uid}`, { url: 'ftp://x.test/hook' }),
      v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/a`, triggers: ['appointment.exploded'] }),
      v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/a`, headers: { 'x-n': 5 } }),
      v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/a`, headers: { 'Content-Type': 'text/plain' } }),
      v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/a`, headers: { 'bad header': 'x' } }),
      v3.post('/webhook?locationId=not-a-uuid', { url: `${receiver.url}/a` }),
      v3.post(`/webhook?locationId=${R().main.uid}`, { headers: {} }),
      v3.post(`/webhook?locationId=${R().main.uid}`, 'not json'),
      v3.del('/webhook/12'),
    ]);
    expect(bad.map((r) => r.status)).toEqual(bad.map(() => 400));
    expect(bad[0].json).toMatchObject({ statusCode: 400, name: 'BadRequestError', errors: [expect.objectContaining({ field: 'url' })] });
    expect((await v3.post('/webhook?locationId=00000000-0000-4000-8000-000000000000', { url: `${receiver.url}/a` })).status).toBe(404);
    expect((await v3.del('/webhook/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('creates, lists, updates by posting the same url, and deletes', async () => {
    const created = await v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/temp`, triggers: ['APPOINTMENT_CANCELLED'] });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ object: 'webhook', locationId: R().main.uid, url: `${receiver.url}/temp`, triggers: ['APPOINTMENT_CANCELLED'], active: true, headers: {} });
    expect(created.data.secret).toMatch(/^whsec_/);
    const again = await v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/temp`, active: false });
    expect(again.data).toMatchObject({ id: created.data.id, active: false, secret: created.data.secret });
    const list = await v3.get(`/webhook?LocationId=${R().main.uid}`);
    expect(list.json).toMatchObject({ object: 'list', count: 1, data: [{ id: created.data.id, active: false }] });
    expect((await v3.del(`/webhook/${created.data.id}`)).data.id).toBe(created.data.id);
    expect((await v3.get('/webhook')).json.count).toBe(0);
  });

  it('a hold fires nothing; booking it fires one signed NEW_APPOINTMENT whose body is exactly {appointment, trigger}', async () => {
    const hook = await v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/onsched`, headers: { authorization: 'Bearer receiver-token' } });
    // Header values are credentials: shown by name only, and sealed at rest.
    expect(hook.data.headers).toEqual({ authorization: '[redacted]' });
    const listed = (await v3.get(`/webhook?locationId=${R().main.uid}`)).json.data as Array<Record<string, unknown>>;
    expect(listed.find((w) => w.id === hook.data.id)?.headers).toEqual({ authorization: '[redacted]' });
    const stored = await app.services.store.db.selectFrom('location_webhooks').select('headers').where('uid', '=', hook.data.id).executeTakeFirstOrThrow();
    expect(stored.headers).not.toContain('receiver-token');
    const start = `${nextWeekday(3)}T15:00:00Z`;
    const held = await v3.post('/appointment/hold', { LocationId: R().main.uid, ServiceId: R().consult.uid, ResourceIds: [R().alice.uid],
      Unavailability: { startTime: start, endTime: new Date(Date.parse(start) + 30 * 60_000).toISOString() } });
    expect(held.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500)); // several dispatcher passes
    expect(receiver.hooks).toHaveLength(0);
    const booked = await v3.put(`/appointment/${held.data.id}/book`, { Customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } });
    expect(booked.status).toBe(200);
    expect(await until(() => receiver.hooks.length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.hooks).toHaveLength(1);
    const [got] = receiver.hooks;
    expect(got.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer receiver-token' });
    const delivery = await app.services.store.db.selectFrom('notification_deliveries').select('payload')
      .where('channel', '=', 'webhook').where('purpose', '=', 'NEW_APPOINTMENT').executeTakeFirstOrThrow();
    expect(delivery.payload).not.toContain('receiver-token');
    expect(JSON.parse(delivery.payload).headers).toEqual({ authorization: '[redacted]' });
    expect(verifyOpenslotSignature(String(got.headers['x-openslot-signature']), got.body, hook.data.secret, Math.floor(Date.now() / 1000))).toBe(true);
    const body = JSON.parse(got.body);
    expect(Object.keys(body).sort()).toEqual(['appointment', 'trigger']);
    expect(body).toMatchObject({ trigger: 'NEW_APPOINTMENT', appointment: { id: held.data.id, status: 'BK', LocationId: R().main.uid, customer: { email: 'ada@example.com' } } });
    expect(String(got.headers['x-openslot-event-id'])).toMatch(/^event:\d+:\d+$/);
    // The same object GET /v3/appointment/{id} answers with, field for field.
    expect(body.appointment).toEqual((await v3.get(`/appointment/${held.data.id}`)).data);
  });
});
