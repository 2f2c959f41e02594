// Reminders are due rows: each is sent once, whichever process gets to it, and moves and
// cancellations replace or withdraw them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/integrations/dispatch/dispatcher.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { cancelAppointment } from '../../src/services/appointments/change-status.js';
import { rescheduleAppointment } from '../../src/services/appointments/reschedule-appointment.js';
import { backends } from '../support/databases.js';
import { invitationOf, textOf } from '../support/smtp-sink.js';
import { at } from '../services/harness.js';
import { notifyFixture, quietLog, testNotifyConfig, type NotifyFixture } from './notify-harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z');
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe.each(backends)('reminders on $name', (backend) => {
  let f: NotifyFixture;
  beforeAll(async () => { f = await notifyFixture(backend, NOW, { reminderMinutesBefore: [60, 1440] }); });
  afterAll(async () => { await f?.closeAll(); await backend.dropAll(); });
  beforeEach(() => { f.ctx.clock.now = NOW; });

  const R = () => f.company.refs;
  const book = (start: number, email: string) => createAppointment(f.ctx, f.company.id,
    { serviceKey: R().consult.id, resourceKeys: [R().bob.id], start, customer: { firstName: 'Grace', lastName: 'Hopper', email } }, { status: 'BK', onGrid: true });
  const reminders = (email: string) => f.smtp.to(email).filter((m) => textOf(m).includes('reminder of your upcoming appointment'));

  it('each offset is sent once, even with two dispatchers working the same database', async () => {
    await book(NINE, 'grace@example.com');
    await f.drain();
    const second = createDispatcher(f.ctx, testNotifyConfig({ smtpUrl: f.smtp.url }), quietLog);
    f.ctx.clock.now = NINE - 24 * HOUR - MINUTE;
    await Promise.all([f.drain(), f.drain(second)]);
    expect(reminders('grace@example.com')).toHaveLength(0);

    f.ctx.clock.now = NINE - 24 * HOUR + MINUTE;
    await Promise.all([f.drain(), f.drain(second), f.drain(), f.drain(second)]);
    expect(reminders('grace@example.com')).toHaveLength(1);
    const [reminder] = reminders('grace@example.com');
    expect(reminder.to).toEqual(['grace@example.com']); // the customer only
    expect(invitationOf(reminder)).toBeNull();
    expect(reminder.raw).toMatch(/Subject: Reminder: Consultation on Wed, Mar 10, 9:00 AM EST/);

    f.ctx.clock.now = NINE - 30 * MINUTE;
    await Promise.all([f.drain(), f.drain(second)]);
    await second.stop();
    expect(reminders('grace@example.com')).toHaveLength(2);
  });

  it('a move replaces the reminders; a cancellation withdraws them', async () => {
    const moved = await book(NINE + 2 * HOUR, 'moved@example.com');
    await rescheduleAppointment(f.ctx, f.company.id, moved.id, { start: NINE + 26 * HOUR }, { inPlace: true, onGrid: true });
    const gone = await book(NINE + 3 * HOUR, 'gone@example.com');
    await cancelAppointment(f.ctx, f.company.id, gone.id);
    for (const t of [NINE + HOUR + 30 * MINUTE, NINE + 2 * HOUR + 30 * MINUTE, NINE + 25 * HOUR + 30 * MINUTE]) {
      f.ctx.clock.now = t;
      await f.drain();
    }
    expect(reminders('gone@example.com')).toHaveLength(0);
    // Both for the new time (a day and an hour before it), none for the old one.
    expect(reminders('moved@example.com')).toHaveLength(2);
    const rows = await f.ctx.store.db.selectFrom('notification_reminders').select(['due_at', 'status']).where('appointment_id', '=', moved.id).orderBy('id').execute();
    expect(rows).toEqual([
      { due_at: NINE + 2 * HOUR - 24 * HOUR, status: 'canceled' }, { due_at: NINE + HOUR, status: 'canceled' },
      { due_at: NINE + 2 * HOUR, status: 'enqueued' }, { due_at: NINE + 25 * HOUR, status: 'enqueued' },
    ]);
  });

  it('a reminder already late when the appointment is booked is not sent at all', async () => {
    f.ctx.clock.now = NINE + 5 * HOUR - 30 * MINUTE;
    await book(NINE + 5 * HOUR, 'late@example.com');
    f.ctx.clock.now = NINE + 5 * HOUR - MINUTE;
    await f.drain();
    expect(reminders('late@example.com')).toHaveLength(0);
    expect(f.smtp.to('late@example.com')).toHaveLength(1); // the confirmation
  });
});
