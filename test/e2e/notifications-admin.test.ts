// The notification settings and the delivery log through /admin/v1 on a real server whose own
// dispatcher runs in the background; without SMTP_URL emails are logged and recorded, not dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';

describe.each(backends)('notifications admin on $name', (backend) => {
  let app: RunningApp;
  let base: string;
  let company: { id: number; refs: Record<string, { id: number; uid: string }> };
  beforeAll(async () => {
    app = await startTestServer(await backend.create(), { OPENSLOT_DISPATCH_INTERVAL_MS: '50', OPENSLOT_DELIVERY_GIVE_UP_MS: '1' });
    base = app.url;
    company = (await api(base, 'POST', '/admin/v1/companies', { headers: adminHeaders, body: { ...clinic(), notifications: { reminderMinutesBefore: [30] } } })).json;
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const path = (rest: string) => `/admin/v1/companies/${company.id}${rest}`;

  it('reads and replaces the settings; what the document set is there, omitted fields fall back to defaults', async () => {
    expect((await api(base, 'GET', path('/notifications'), { headers: adminHeaders })).json).toEqual({ bookingPageUrl: null, reminderMinutesBefore: [30], acuityWebhooks: {} });
    const put = await api(base, 'PUT', path('/notifications'), { headers: adminHeaders, body: { bookingPageUrl: 'https://clinic.test/book', acuityWebhooks: { scheduled: 'http://127.0.0.1:9/dead' } } });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ bookingPageUrl: 'https://clinic.test/book', reminderMinutesBefore: [1440], acuityWebhooks: { scheduled: 'http://127.0.0.1:9/dead' } });
  });

  it('answers bad input with a 400, never a 500', async () => {
    const bad = [
      await api(base, 'PUT', path('/notifications'), { headers: adminHeaders, body: { reminderMinutesBefore: ['soon'] } }),
      await api(base, 'PUT', path('/notifications'), { headers: adminHeaders, body: { acuityWebhooks: { booked: 'http://x.test' } } }),
      await api(base, 'PUT', path('/notifications'), { headers: adminHeaders, body: { bookingPageUrl: 'http://exa mple' } }),
      await api(base, 'PUT', path('/notifications'), { headers: adminHeaders, body: '[1,2' }),
      await api(base, 'GET', path('/deliveries?status=lost'), { headers: adminHeaders }),
      await api(base, 'GET', path('/deliveries?limit=-3'), { headers: adminHeaders }),
      await api(base, 'GET', '/admin/v1/companies/abc/deliveries', { headers: adminHeaders }),
      await api(base, 'POST', path('/deliveries/xyz/retry'), { headers: adminHeaders }),
    ];
    expect(bad.map((r) => r.status)).toEqual(bad.map(() => 400));
    expect((await api(base, 'GET', '/admin/v1/companies/999999/deliveries', { headers: adminHeaders })).status).toBe(404);
    expect((await api(base, 'GET', path('/deliveries/999999'), { headers: adminHeaders })).status).toBe(404);
    expect((await api(base, 'GET', path('/deliveries'))).status).toBe(401);
  });

  it('logs emails it cannot send (no SMTP_URL) and shows failed webhooks, which can be retried', async () => {
    const start = Date.parse(`${nextWeekday(3, 3)}T15:00:00Z`);
    const a = await createAppointment(app.services, company.id, { serviceKey: company.refs.consult.id, resourceKeys: [company.refs.alice.id], start,
      customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } }, { status: 'BK', onGrid: false });
    const log = async () => (await api(base, 'GET', path(`/deliveries?appointmentId=${a.id}`), { headers: adminHeaders })).json.data as Array<Record<string, any>>;
    let rows: Array<Record<string, any>> = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(rows.length === 3 && rows.every((r) => r.status !== 'pending' && r.status !== 'sending'))) {
      rows = await log();
      await new Promise((r) => setTimeout(r, 100));
    }
    const byTarget = Object.fromEntries(rows.map((r) => [r.target, r]));
    expect(byTarget['ada@example.com']).toMatchObject({ channel: 'email', purpose: 'email.scheduled', status: 'logged', attempts: 1 });
    expect(byTarget['alice@example.com']).toMatchObject({ status: 'logged' });
    const hook = byTarget['http://127.0.0.1:9/dead'];
    expect(hook).toMatchObject({ channel: 'webhook', purpose: 'acuity.scheduled', status: 'failed', attempts: 1 });
    expect(hook.lastError).toBeTruthy();

    const one = await api(base, 'GET', path(`/deliveries/${byTarget['ada@example.com'].id}`), { headers: adminHeaders });
    expect(one.json.payload).toMatchObject({ to: 'ada@example.com', subject: expect.stringMatching(/^Confirmed: Consultation/), ical: { method: 'REQUEST' } });
    expect((await api(base, 'POST', path(`/deliveries/${byTarget['ada@example.com'].id}/retry`), { headers: adminHeaders })).status).toBe(400);
    const retried = await api(base, 'POST', path(`/deliveries/${hook.id}/retry`), { headers: adminHeaders });
    expect(retried.status).toBe(200);
    expect(['pending', 'sending', 'failed']).toContain(retried.json.status);
    let after: Record<string, any> | undefined;
    for (let i = 0; i < 100 && !(after?.attempts >= 2 && after?.status === 'failed'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await log()).find((r) => r.id === hook.id);
    }
    expect(after).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
