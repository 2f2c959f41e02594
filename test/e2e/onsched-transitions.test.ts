// Decisions 7 and 8 of the OnSched reference, over HTTP on every backend, replaying the docs' own
// example requests: book, confirm (idempotent: no second webhook), cancel with {reason, notes,
// CustomFields}, reschedule keeping IN/RS, delete of IN only, the audit of each status change,
// and webhooks registered with the docs' body whose deliveries are {appointment, trigger}
// snapshots of the change that fired them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { startTestServer } from '../support/server.js';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createCompany, onsched, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(4);
const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

describe.each(backends)('OnSched transitions, audit and webhooks on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let receiver: WebhookReceiver;
  const R = () => company.refs;
  const customer = { firstName: 'Alex', lastName: 'Chen', email: 'alex@example.com' };
  const hold = (hhmm: string, path = '/appointment/hold') =>
    v3.post(`${path}?LocationId=${R().main.uid}&ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}`, { Unavailability: { startTime: at(hhmm) } });
  const bodies = (trigger: string) => receiver.hooks.map((h) => JSON.parse(h.body)).filter((b) => b.trigger === trigger);
  const audit = async (id: string) => ((await v3.get(`/appointment/${id}/audit`)).json.data as Array<{ fromStatus: string | null; toStatus: string }>)
    .map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}`);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestServer(await backend.create(), { OPENSLOT_DISPATCH_INTERVAL_MS: '50' });
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await receiver?.close(); await backend.dropAll(); });

  it("registers webhooks with the docs' body per location, and setWebhooks replaces the set", async () => {
    const r = await v3.post(`/webhook?locationId=${R().main.uid}`, {
      url: `${receiver.url}/hook`, headers: { 'x-shared-secret': 's3cret' },
      triggers: ['NEW_APPOINTMENT', 'APPOINTMENT_CONFIRMED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED'], active: true,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.data).toMatchObject({ url: `${receiver.url}/hook`, active: true, triggers: ['NEW_APPOINTMENT', 'APPOINTMENT_CONFIRMED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED'] });
    expect((await v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/x`, triggers: ['appointment.booked'] })).status).toBe(400);
    await v3.post(`/webhook?locationId=${R().main.uid}`, { url: `${receiver.url}/old` });
    const set = await v3.post(`/webhook/setWebhooks?locationId=${R().main.uid}`, [
      { url: `${receiver.url}/hook`, headers: { 'x-shared-secret': 's3cret' }, triggers: ['NEW_APPOINTMENT', 'APPOINTMENT_CONFIRMED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED'] },
    ]);
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({ success: true, object: 'list', count: 1, data: [{ id: r.data.id, secret: r.data.secret }] });
    expect((await v3.get(`/webhook?locationId=${R().main.uid}`)).json.count).toBe(1);
    const bad = await v3.post(`/webhook/setWebhooks?locationId=${R().main.uid}`, [{ url: 'ftp://nope' }]);
    expect(bad.status).toBe(400);
    expect((await v3.get(`/webhook?locationId=${R().main.uid}`)).json.count).toBe(1);
  });

  it('hold → book: NEW_APPOINTMENT once, the body exactly {appointment, trigger} as committed; audit IN → BK', async () => {
    const h = await hold('15:00');
    expect(h.data.status).toBe('IN');
    const b = await v3.put(`/appointment/${h.data.id}/book`, { Customer: customer });
    expect(b.data.status).toBe('BK');
    // A later edit must not leak into the webhook of the booking.
    await v3.put(`/appointment/${h.data.id}`, { notes: 'edited after booking' });
    expect(await until(() => bodies('NEW_APPOINTMENT').length === 1)).toBe(true);
    const [body] = bodies('NEW_APPOINTMENT');
    expect(Object.keys(body).sort()).toEqual(['appointment', 'trigger']);
    expect(body.appointment).toMatchObject({ id: h.data.id, status: 'BK', notes: null });
    expect(receiver.hooks[0].headers['x-shared-secret']).toBe('s3cret');
    expect(await audit(h.data.id)).toEqual(['->IN', 'IN>BK']);
  });

  it('confirm is idempotent: RS → BK once, one APPOINTMENT_CONFIRMED however often it is called', async () => {
    const rs = await hold('16:00', '/appointment/reserve');
    for (let i = 0; i < 3; i++) {
      const c = await v3.put(`/appointment/${rs.data.id}/confirm`);
      expect(c.data).toMatchObject({ status: 'BK', confirmed: true });
    }
    expect(await until(() => bodies('APPOINTMENT_CONFIRMED').length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(bodies('APPOINTMENT_CONFIRMED').filter((b) => b.appointment.id === rs.data.id)).toHaveLength(1);
    expect(await audit(rs.data.id)).toEqual(['->RS', 'RS>BK']);
  });

  it("cancel takes the docs' body {reason, notes, CustomFields}, fires APPOINTMENT_CANCELLED, and refuses a second cancel", async () => {
    const b = await v3.post(`/appointment?ServiceId=${R().consult.uid}&ResourceIds=${R().bob.uid}`, { Unavailability: { startTime: at('17:00') }, Customer: customer });
    const c = await v3.put(`/appointment/${b.data.id}/cancel`, { reason: 'Client request', notes: 'Offer reschedule', CustomFields: { followUp: 'yes' } });
    expect(c.status, c.text).toBe(200);
    expect(c.data).toMatchObject({ status: 'CN', reason: 'Client request', cancelNotes: 'Offer reschedule', CustomFields: { followUp: 'yes' } });
    expect((await v3.put(`/appointment/${b.data.id}/cancel`, {})).status).toBe(400);
    expect(await until(() => bodies('APPOINTMENT_CANCELLED').length === 1)).toBe(true);
    expect(bodies('APPOINTMENT_CANCELLED')[0].appointment).toMatchObject({ id: b.data.id, status: 'CN', reason: 'Client request' });
    expect(await audit(b.data.id)).toEqual(['->BK', 'BK>CN']);
  });

  it('reschedule keeps IN and RS (no webhook), a BK becomes RE + a new BK (APPOINTMENT_RESCHEDULED); both link', async () => {
    const h = await hold('18:00');
    const movedHold = await v3.put(`/appointment/${h.data.id}/reschedule`, { Unavailability: { startTime: at('18:30') } });
    expect(movedHold.data).toMatchObject({ status: 'IN', rescheduledFromId: h.data.id, expiresAt: expect.any(String) });
    const rs = await hold('19:00', '/appointment/reserve');
    const movedRs = await v3.put(`/appointment/${rs.data.id}/reschedule`, { Unavailability: { startTime: at('19:30') } });
    expect(movedRs.data).toMatchObject({ status: 'RS', rescheduledFromId: rs.data.id });
    expect((await v3.get(`/appointment/${rs.data.id}`)).data).toMatchObject({ status: 'RE', rescheduledToId: movedRs.data.id });
    const bk = await v3.post(`/appointment?ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}`, { Unavailability: { startTime: at('20:00') }, Customer: customer });
    const movedBk = await v3.put(`/appointment/${bk.data.id}/reschedule`, { Unavailability: { startTime: at('20:30') } });
    expect(movedBk.data).toMatchObject({ status: 'BK', rescheduledFromId: bk.data.id });
    expect(await until(() => bodies('APPOINTMENT_RESCHEDULED').length === 1)).toBe(true);
    expect(bodies('APPOINTMENT_RESCHEDULED')[0].appointment).toMatchObject({ id: movedBk.data.id, rescheduledFromId: bk.data.id });
    expect(await audit(bk.data.id)).toEqual(['->BK', 'BK>RE']);
    expect(await audit(movedBk.data.id)).toEqual(['->BK']);
    expect(await audit(movedHold.data.id)).toEqual(['->IN']);
  });

  it('delete takes only a hold; anything else is a 400 and stays', async () => {
    const h = await hold('21:00');
    expect((await v3.del(`/appointment/${h.data.id}`)).status).toBe(200);
    expect((await v3.get(`/appointment/${h.data.id}`)).status).toBe(404);
    const bk = (await v3.get(`/appointments/filter?status=BK&limit=1`)).json.data[0];
    const refused = await v3.del(`/appointment/${bk.id}`);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ success: false, name: 'BadRequestError' });
    expect((await v3.get(`/appointment/${bk.id}`)).data.status).toBe('BK');
  });

  it('the audit of another company\'s or an unknown appointment is a 404', async () => {
    expect((await v3.get('/appointment/00000000-0000-4000-8000-000000000000/audit')).status).toBe(404);
    expect((await v3.get('/appointment/nope/audit')).status).toBe(400);
  });
});
