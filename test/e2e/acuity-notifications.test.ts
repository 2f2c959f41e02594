// Acuity notifications over HTTP with the official client: a booking emails an invitation over real
// SMTP and fires a webhook subscribed through POST /api/v1/webhooks, signed so the client's
// verifyMessageSignature accepts it; noEmail=true silences create, reschedule and cancel emails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { invitationOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhook-receiver.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, sessionBooking, startServer, type Call, type Company } from './acuity-client.js';

const acuity = createRequire(import.meta.url)('acuityscheduling') as { verifyMessageSignature(secret: string, body: string, signature: string): void };
const settle = () => new Promise((r) => setTimeout(r, 600)); // a dozen dispatcher passes

describe.each(backends)('Acuity notifications on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let call: Call;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  const day = nextWeekday(3);
  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    app = await startServer(backend, { SMTP_URL: smtp.url, OPENSLOT_MAIL_FROM: 'Acuity Clinic <hello@clinic.test>', OPENSLOT_DISPATCH_INTERVAL_MS: '50' });
    company = await createCompany(app, acuityClinic({ classDay: day }));
    call = basicClient(app, company);
    for (const event of ['appointment.scheduled', 'appointment.rescheduled', 'appointment.canceled']) {
      expect((await call('/webhooks', { method: 'POST', body: { event, target: `${receiver.url}/hook` } })).status).toBe(200);
    }
  });
  afterAll(async () => { await app?.close(); await smtp?.close(); await receiver?.close(); await backend.dropAll(); });

  const book = (time: string, email: string, qs: Record<string, unknown> = {}) =>
    call('/appointments', { method: 'POST', qs, body: sessionBooking(company.refs, `${day}T${time}:00-0500`, { email }) });
  const actionsFor = (id: number) => receiver.hooks.map((h) => new URLSearchParams(h.body)).filter((p) => p.get('id') === String(id)).map((p) => p.get('action'));

  it('a booking sends a confirmation with an invitation and a signed appointment.scheduled webhook', async () => {
    const a = await book('10:00', 'ada@example.com');
    expect(a.status).toBe(200);
    expect(await until(() => smtp.to('ada@example.com').length === 1 && actionsFor(a.body.id).length === 1)).toBe(true);
    expect(invitationOf(smtp.to('ada@example.com')[0])).toMatchObject({ method: 'REQUEST', sequence: 0 });
    const hook = receiver.hooks.find((h) => new URLSearchParams(h.body).get('id') === String(a.body.id))!;
    expect(Object.fromEntries(new URLSearchParams(hook.body))).toEqual({
      action: 'appointment.scheduled', id: String(a.body.id), calendarID: String(company.refs.alice.id), appointmentTypeID: String(company.refs.session.id),
    });
    expect(() => acuity.verifyMessageSignature(company.apiKey, hook.body, String(hook.headers['x-acuity-signature']))).not.toThrow();
  });

  it('noEmail=true on create, reschedule and cancel sends no email, but the webhooks still fire', async () => {
    const quiet = await book('12:00', 'grace@example.com', { noEmail: true });
    expect(quiet.status).toBe(200);
    const moved = await call(`/appointments/${quiet.body.id}/reschedule`, { method: 'PUT', qs: { noEmail: true }, body: { datetime: `${day}T14:00:00-0500` } });
    expect(moved.status).toBe(200);
    const canceled = await call(`/appointments/${quiet.body.id}/cancel`, { method: 'PUT', qs: { noEmail: true }, body: {} });
    expect(canceled.status).toBe(200);
    expect(await until(() => actionsFor(quiet.body.id).length === 3)).toBe(true);
    await settle();
    expect(smtp.to('grace@example.com')).toHaveLength(0);
    // Deliveries are sent concurrently and at least once: each event arrives, in no promised order.
    expect([...actionsFor(quiet.body.id)].sort()).toEqual(['appointment.canceled', 'appointment.rescheduled', 'appointment.scheduled']);
  });

  it('reschedule and cancel without noEmail update the same invitation', async () => {
    const a = await book('15:00', 'mary@example.com');
    await call(`/appointments/${a.body.id}/reschedule`, { method: 'PUT', body: { datetime: `${day}T16:00:00-0500` } });
    await call(`/appointments/${a.body.id}/cancel`, { method: 'PUT', body: {} });
    expect(await until(() => smtp.to('mary@example.com').length === 3)).toBe(true);
    const invites = smtp.to('mary@example.com').map((m) => invitationOf(m)!).sort((x, y) => x.sequence - y.sequence);
    expect(invites.map((i) => [i.method, i.sequence])).toEqual([['REQUEST', 0], ['REQUEST', 1], ['CANCEL', 2]]);
    expect(new Set(invites.map((i) => i.uid)).size).toBe(1);
  });

  it('a receiver that never answers slows neither bookings nor the other deliveries', async () => {
    receiver.respond = () => new Promise<number>(() => {}); // hangs until the dispatcher's send timeout
    try {
      for (const time of ['09:00', '11:00', '13:00']) {
        const email = `slow${time.slice(0, 2)}@example.com`;
        const started = Date.now();
        expect((await book(time, email)).status).toBe(200);
        expect(Date.now() - started).toBeLessThan(1_000);
        // The confirmation goes out while earlier webhooks still hang.
        expect(await until(() => smtp.to(email).length === 1, 2_000)).toBe(true);
      }
    } finally {
      receiver.respond = () => 200;
    }
  });
});
