// Events and reminders that cannot be expanded back off and are finally given up, without holding
// back anything newer; an idle pass opens no write transaction; and webhook headers stored in the
// clear by an earlier version get sealed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../src/integrations/dispatch/dispatcher.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import { saveLocationWebhook } from '../../src/services/notifications/location-webhooks.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at } from '../services/harness.js';
import { notifyFixture, quietLog, testNotifyConfig, type NotifyFixture } from './notify-harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z');
const HOUR = 3_600_000;
const GIVE_UP = 60_000;

describe.each(backends)('expansion failures on $name', (backend) => {
  let f: NotifyFixture;
  let otherCompanyId: number;
  beforeAll(async () => {
    f = await notifyFixture(backend, NOW, {}, { retryBaseMs: 5_000, retryMaxMs: 3_600_000, giveUpAfterMs: GIVE_UP });
    otherCompanyId = (await createCompany(f.ctx, { ...clinic(), name: 'Other clinic' })).id;
  });
  afterAll(async () => { await f?.closeAll(); await backend.dropAll(); });

  const R = () => f.company.refs;
  const book = (start: number, email: string) => createAppointment(f.ctx, f.company.id,
    { serviceKey: R().consult.id, resourceKeys: [R().bob.id], start, customer: { firstName: 'Ada', lastName: 'Lovelace', email } }, { status: 'BK', onGrid: true });

  it('events that always fail do not stop a later event from being delivered, and are given up visibly', async () => {
    const first = await book(NINE, 'first@example.com');
    await f.drain();
    const db = f.ctx.store.db;
    const template = await db.selectFrom('notification_events').selectAll().where('appointment_id', '=', first.id).executeTakeFirstOrThrow();
    // 30 poison events (more than a batch): each names an appointment its company does not own, so expanding it always throws.
    const { id: _id, attempts: _a, next_attempt_at: _n, ...rest } = template;
    await db.insertInto('notification_events').values(Array.from({ length: 30 }, () => ({ ...rest, company_id: otherCompanyId, expanded_at: null }))).execute();
    // And a poison reminder, due now.
    await db.insertInto('notification_reminders').values({ company_id: otherCompanyId, appointment_id: first.id, minutes_before: 60, due_at: NOW, status: 'pending', created_at: NOW, done_at: null }).execute();

    await book(NINE + HOUR, 'later@example.com');
    await f.drain();
    expect(f.smtp.to('later@example.com')).toHaveLength(1);

    const poison = await db.selectFrom('notification_events').selectAll().where('company_id', '=', otherCompanyId).execute();
    expect(poison).toHaveLength(30);
    for (const e of poison) {
      expect(e).toMatchObject({ attempts: 1, expanded_at: null, failed_at: null });
      expect(Number(e.next_attempt_at)).toBeGreaterThan(NOW);
      expect(e.last_error).toMatch(/not found/i);
    }
    const reminder = await db.selectFrom('notification_reminders').selectAll().where('company_id', '=', otherCompanyId).executeTakeFirstOrThrow();
    expect(reminder).toMatchObject({ status: 'pending', attempts: 1 });

    // Retried with backoff until the give-up total has passed, then marked failed.
    for (let i = 0; i < 8; i++) { f.ctx.clock.now += 20_000; await f.drain(); }
    const after = await db.selectFrom('notification_events').selectAll().where('company_id', '=', otherCompanyId).execute();
    for (const e of after) {
      expect(e.failed_at).not.toBeNull();
      expect(e.expanded_at).toBeNull();
      expect(e.attempts).toBeGreaterThan(1);
    }
    expect(await db.selectFrom('notification_reminders').select(['status', 'last_error']).where('id', '=', reminder.id).executeTakeFirstOrThrow())
      .toMatchObject({ status: 'failed', last_error: expect.stringMatching(/not found/i) });
    const attemptsNow = after.map((e) => e.attempts);
    f.ctx.clock.now += HOUR;
    await f.drain();
    expect((await db.selectFrom('notification_events').select('attempts').where('company_id', '=', otherCompanyId).execute()).map((e) => e.attempts)).toEqual(attemptsNow);
  });

  it('an idle pass only reads: it opens no transaction (on SQLite that would take the one write lock)', async () => {
    await f.drain();
    const db = f.ctx.store.db;
    const opened = [vi.spyOn(db, 'connection'), vi.spyOn(db, 'transaction')];
    try {
      expect(await f.dispatcher.runOnce()).toBe(0);
      for (const spy of opened) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of opened) spy.mockRestore();
    }
  });

  it('headers stored in the clear by an earlier version are sealed when a dispatcher starts, and still sent', async () => {
    f.ctx.clock.now = NOW;
    const hook = await saveLocationWebhook(f.ctx, f.company.id, R().main.uid, { url: `${f.receiver.url}/legacy`, headers: { authorization: 'Bearer legacy' }, triggers: ['NEW_APPOINTMENT'] });
    expect(hook.headers).toEqual({ authorization: '[redacted]' });
    const db = f.ctx.store.db;
    await db.updateTable('location_webhooks').set({ headers: JSON.stringify({ authorization: 'Bearer legacy' }) }).where('uid', '=', hook.id).execute();
    const fresh = createDispatcher(f.ctx, testNotifyConfig({ smtpUrl: f.smtp.url }), quietLog);
    await book(NINE + 3 * HOUR, 'legacy@example.com');
    await f.drain(fresh);
    await fresh.stop();
    const stored = await db.selectFrom('location_webhooks').select('headers').where('uid', '=', hook.id).executeTakeFirstOrThrow();
    expect(stored.headers).not.toContain('legacy');
    const got = f.receiver.hooks.filter((h) => h.path === '/legacy');
    expect(got).toHaveLength(1);
    expect(got[0].headers.authorization).toBe('Bearer legacy');
  });
});
