// Durability across real processes: a server killed with SIGKILL after a booking committed loses
// no notification (the next one delivers it, taking over a delivery left mid-send once its lease
// runs out, within 15 s with the default lease), and two servers sharing one PostgreSQL send each notification once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/security/secrets.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { createCompany, type CreatedCompany } from '../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../src/services/context.js';
import { openStore } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { backends, postgresAvailable, type TestBackend } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { startServerProcess, type ServerProcess } from '../support/openslot-process.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'process-test-secret';
const servers: ServerProcess[] = [];
afterEach(async () => { for (const s of servers.splice(0)) await s.kill('SIGKILL'); });

async function setup(backend: TestBackend, smtp: SmtpSink, receiver: WebhookReceiver) {
  const url = await backend.create();
  const store = openStore(url);
  await migrate(store);
  const ctx: ServiceContext = { store, secrets: new SecretBox(SECRET), now: Date.now, random: Math.random };
  const company: CreatedCompany = await createCompany(ctx, { ...clinic(), notifications: { reminderMinutesBefore: [], acuityWebhooks: { scheduled: `${receiver.url}/hook` } } });
  const day = nextWeekday(3, 3);
  let slot = 0;
  // Thirty-minute consultations with Alice from 09:00 New York (14:00 UTC in winter, 13:00 in summer: both inside her hours).
  const book = () => createAppointment(ctx, company.id, {
    serviceKey: company.refs.consult.id, resourceKeys: [company.refs.alice.id], start: Date.parse(`${day}T14:00:00Z`) + 30 * 60_000 * slot++,
    customer: { firstName: 'Ada', lastName: `Number${slot}`, email: `ada${slot}@example.com` },
  }, { status: 'BK', onGrid: false });
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: url, OPENSLOT_SECRET_KEY: SECRET, SMTP_URL: smtp.url, OPENSLOT_MAIL_FROM: 'bookings@clinic.test',
    OPENSLOT_DISPATCH_INTERVAL_MS: '50', OPENSLOT_SEND_TIMEOUT_MS: '2000', OPENSLOT_DISPATCH_LEASE_MS: '4000', OPENSLOT_RETRY_BASE_MS: '200', ...extra,
  });
  const deliveries = () => store.db.selectFrom('notification_deliveries').selectAll().orderBy('id').execute();
  return { store, book, env, deliveries };
}

const hookIds = (receiver: WebhookReceiver) => receiver.hooks.map((h) => new URLSearchParams(h.body).get('id'));

describe.each(backends)('notification delivery across processes on $name', (backend) => {
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  beforeAll(async () => { smtp = await startSmtpSink(); receiver = await startWebhookReceiver(); });
  afterAll(async () => { await smtp?.close(); await receiver?.close(); await backend.dropAll(); });

  it('a server killed with SIGKILL after commit and before delivery: the restarted one delivers everything', async () => {
    const s = await setup(backend, smtp, receiver);
    // The receiver never answers the first request: the first server is stuck mid-delivery when it dies.
    receiver.respond = (_hook, nth) => (nth === 1 ? new Promise<number>(() => {}) : 200);
    const first = await s.book();
    const a = await startServerProcess(s.env());
    servers.push(a);
    expect(await until(() => receiver.hooks.length === 1)).toBe(true);
    const second = await s.book(); // committed while the first server is busy with the hung receiver
    await a.kill('SIGKILL');
    expect(hookIds(receiver)).toEqual([String(first.id)]);
    expect(smtp.to('ada2@example.com')).toHaveLength(0);

    const b = await startServerProcess(s.env());
    servers.push(b);
    expect(await until(() => smtp.to('ada2@example.com').length === 1 && receiver.hooks.length === 3, 20_000)).toBe(true);
    expect(hookIds(receiver).sort()).toEqual([String(first.id), String(first.id), String(second.id)].sort());
    // The receiver has the request a moment before the server has recorded its answer.
    let rows = await s.deliveries();
    for (let i = 0; i < 100 && !rows.every((r) => r.status === 'delivered'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = await s.deliveries();
    }
    expect(rows.map((r) => [r.target, r.status])).toEqual(rows.map((r) => [r.target, 'delivered']));
    expect(rows.find((r) => r.channel === 'webhook' && r.appointment_id === first.id)).toMatchObject({ attempts: 2, status: 'delivered' });
    expect(rows.find((r) => r.channel === 'webhook' && r.appointment_id === second.id)).toMatchObject({ attempts: 1, status: 'delivered' });
    await s.store.close();
    receiver.hooks.length = 0;
  }, 60_000); // two server processes start one after the other: slow on a loaded machine

  it('with the default lease, a live server keeps a slow send and a killed one\'s delivery is sent by another process within 15 s', async () => {
    const s = await setup(backend, smtp, receiver);
    receiver.hooks.length = 0;
    receiver.respond = (_hook, nth) => (nth === 1 ? new Promise<number>(() => {}) : 200);
    // Default lease (10 s) and poll interval (1 s); a send timeout far longer than the lease.
    const env = s.env({ OPENSLOT_DISPATCH_LEASE_MS: '', OPENSLOT_DISPATCH_INTERVAL_MS: '', OPENSLOT_SEND_TIMEOUT_MS: '120000' });
    const booked = await s.book();
    const a = await startServerProcess(env);
    servers.push(a);
    expect(await until(() => receiver.hooks.length === 1, 20_000)).toBe(true);
    const b = await startServerProcess(env);
    servers.push(b);
    // Longer than one lease: the first server renews it while its send hangs, so the second never takes over.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(receiver.hooks).toHaveLength(1);
    const held = (await s.deliveries()).find((r) => r.channel === 'webhook')!;
    expect(held).toMatchObject({ status: 'sending', attempts: 1 });
    expect(held.lease_until!).toBeGreaterThan(Date.now());

    const killedAt = Date.now();
    await a.kill('SIGKILL');
    expect(await until(() => receiver.hooks.length === 2, 20_000)).toBe(true);
    expect(receiver.hooks[1]!.at - killedAt).toBeLessThan(15_000);
    expect(hookIds(receiver)).toEqual([String(booked.id), String(booked.id)]);
    await s.store.close();
    receiver.hooks.length = 0;
  }, 90_000);

  it.skipIf(backend.name !== 'postgres' || !postgresAvailable)('two servers sharing one PostgreSQL send each notification once', async () => {
    const s = await setup(backend, smtp, receiver);
    smtp.mails.length = 0;
    receiver.hooks.length = 0;
    receiver.respond = async () => { await new Promise((r) => setTimeout(r, 20)); return 200; }; // widen any race window
    servers.push(...await Promise.all([startServerProcess(s.env()), startServerProcess(s.env())]));
    const booked = [];
    for (let i = 0; i < 12; i++) booked.push(await s.book());
    expect(await until(() => receiver.hooks.length >= 12 && smtp.mails.length >= 24, 20_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000)); // time for any duplicate to show up, and for the last results to be recorded
    expect(hookIds(receiver).sort()).toEqual(booked.map((a) => String(a.id)).sort());
    expect(smtp.mails).toHaveLength(24);
    const rows = await s.deliveries();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['delivered', 1]));
    await s.store.close();
  }, 60_000);
});
