// Webhooks to a real HTTP receiver: Acuity's form bodies signed with the API key (checked with the
// official client), OnSched-style JSON signed with a timestamp, and retries until a 2xx.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { cancelAppointment } from '../../src/services/appointments/change-status.js';
import { editAppointment } from '../../src/services/appointments/edit-appointment.js';
import { saveLocationWebhook } from '../../src/services/notifications/location-webhooks.js';
import { verifyOpenslotSignature } from '../../src/integrations/webhooks/signatures.js';
import { backends } from '../support/databases.js';
import { at } from '../services/harness.js';
import { notifyFixture, type NotifyFixture } from './notify-harness.js';

const acuity = createRequire(import.meta.url)('acuityscheduling') as { verifyMessageSignature(secret: string, body: string, signature: string): void };

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z');
const HOUR = 3_600_000;
const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

describe.each(backends)('webhooks on $name', (backend) => {
  let f: NotifyFixture;
  let secret: string;
  beforeAll(async () => {
    f = await notifyFixture(backend, NOW, {}, { retryBaseMs: 5_000 });
    const base = f.receiver.url;
    await f.ctx.store.db.insertInto('notification_settings').values({ company_id: f.company.id, updated_at: NOW,
      settings: JSON.stringify({ reminderMinutesBefore: [], bookingPageUrl: null, acuityWebhooks: { scheduled: `${base}/account`, changed: `${base}/account-changed` } }) })
      .onConflict((oc) => oc.column('company_id').doUpdateSet({ settings: (eb) => eb.ref('excluded.settings') })).execute();
    // An API-created subscription, as POST /api/v1/webhooks stores it.
    await f.ctx.store.db.insertInto('webhook_subscriptions').values({ company_id: f.company.id, uid: crypto.randomUUID(), event: 'appointment.canceled', target: `${base}/dynamic`, status: 'active', created_at: NOW }).execute();
    secret = (await saveLocationWebhook(f.ctx, f.company.id, f.company.refs.main.uid, { url: `${base}/onsched`, headers: { 'x-team': 'ops' }, triggers: ['NEW_APPOINTMENT'] })).secret;
  });
  afterAll(async () => { await f?.closeAll(); await backend.dropAll(); });
  beforeEach(() => { f.receiver.hooks.length = 0; f.receiver.respond = () => 200; });

  const R = () => f.company.refs;
  const book = (start: number) => createAppointment(f.ctx, f.company.id, { serviceKey: R().consult.id, resourceKeys: [R().bob.id], start, customer: ada }, { status: 'BK', onGrid: true });
  const hooksTo = (path: string) => f.receiver.hooks.filter((h) => h.path === path);

  it('a booking POSTs Acuity form bodies signed with the API key, and OnSched JSON signed with a timestamp', async () => {
    const a = await book(NINE);
    await f.drain();
    const [account] = hooksTo('/account');
    expect(account.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(account.body))).toEqual({ action: 'scheduled', id: String(a.id), calendarID: String(R().bob.id), appointmentTypeID: String(R().consult.id) });
    expect(() => acuity.verifyMessageSignature(f.company.apiKey, account.body, String(account.headers['x-acuity-signature']))).not.toThrow();
    expect(() => acuity.verifyMessageSignature('another-key', account.body, String(account.headers['x-acuity-signature']))).toThrow();
    expect(new URLSearchParams(hooksTo('/account-changed')[0].body).get('action')).toBe('changed');
    expect(hooksTo('/dynamic')).toHaveLength(0); // subscribed to cancellations only

    const [onsched] = hooksTo('/onsched');
    expect(onsched.headers['x-team']).toBe('ops');
    expect(verifyOpenslotSignature(String(onsched.headers['x-openslot-signature']), onsched.body, secret, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyOpenslotSignature(String(onsched.headers['x-openslot-signature']), onsched.body, secret, Math.floor(Date.now() / 1000) + 3600)).toBe(false);
    expect(JSON.parse(onsched.body)).toMatchObject({ trigger: 'NEW_APPOINTMENT', appointment: { id: a.uid, status: 'BK', LocationId: R().main.uid, ResourceIds: [R().bob.uid] } });
  });

  it('cancel reaches the dynamic subscription as appointment.canceled; an edit fires only "changed"', async () => {
    const a = await book(NINE + HOUR);
    await cancelAppointment(f.ctx, f.company.id, a.id);
    const b = await book(NINE + 2 * HOUR);
    await f.drain();
    f.receiver.hooks.length = 0;
    await editAppointment(f.ctx, f.company.id, b.id, { notes: 'bring the forms' });
    await f.drain();
    expect(f.receiver.hooks.map((h) => h.path)).toEqual(['/account-changed']);
    expect(new URLSearchParams(hooksTo('/account-changed')[0].body).get('id')).toBe(String(b.id));
  });

  it('a receiver that fails twice then answers 200 gets exactly one successful delivery, retried with backoff', async () => {
    const a = await book(NINE + 3 * HOUR);
    f.receiver.respond = (hook) => (hook.path === '/account' && hooksTo('/account').length <= 2 ? 503 : 200);
    await f.drain();
    expect(hooksTo('/account')).toHaveLength(1);
    await f.drain(); // not due yet: the first retry waits about 5 s
    expect(hooksTo('/account')).toHaveLength(1);
    for (let i = 0; i < 2; i++) { f.ctx.clock.now += 15_000; await f.drain(); }
    f.ctx.clock.now += 60_000;
    await f.drain();
    expect(hooksTo('/account')).toHaveLength(3);
    const [log] = await f.ctx.store.db.selectFrom('notification_deliveries').selectAll().where('appointment_id', '=', a.id).where('purpose', '=', 'acuity.scheduled').execute();
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, last_error: null, last_response_status: 200 });
  });

  it('gives up after the configured total and says why in the log', async () => {
    f.receiver.respond = () => 500;
    const a = await book(NINE + 4 * HOUR);
    for (let i = 0; i < 40; i++) { await f.drain(); f.ctx.clock.now += 3_600_000; }
    const rows = await f.ctx.store.db.selectFrom('notification_deliveries').selectAll().where('appointment_id', '=', a.id).where('channel', '=', 'webhook').execute();
    for (const row of rows) expect(row).toMatchObject({ status: 'failed', last_error: 'HTTP 500', last_response_status: 500 });
    expect(rows[0].attempts).toBeGreaterThan(5);
    expect(rows[0].finished_at! - rows[0].created_at).toBeLessThanOrEqual(24 * HOUR + 3_600_000);
  });
});
