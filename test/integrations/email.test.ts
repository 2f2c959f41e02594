// Confirmation, move and cancellation emails over real SMTP, each with an invitation that a real
// iCalendar parser reads; noEmail and holds send nothing; one invitation identity per appointment.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { bookHeldAppointment, cancelAppointment } from '../../src/services/appointments/change-status.js';
import { rescheduleAppointment } from '../../src/services/appointments/reschedule-appointment.js';
import { backends } from '../support/databases.js';
import { invitationOf, textOf } from '../support/smtp-sink.js';
import { at } from '../services/harness.js';
import { notifyFixture, type NotifyFixture } from './notify-harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z'); // 09:00 in New York
const HOUR = 3_600_000;
const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', timezone: 'Europe/London' };

describe.each(backends)('notification emails on $name', (backend) => {
  let f: NotifyFixture;
  beforeAll(async () => { f = await notifyFixture(backend, NOW, { bookingPageUrl: 'https://clinic.test/book' }); });
  afterAll(async () => { await f?.closeAll(); await backend.dropAll(); });
  beforeEach(() => { f.smtp.mails.length = 0; });

  const R = () => f.company.refs;
  const book = (start: number, opts: { noEmail?: boolean; status?: 'IN' | 'BK' } = {}) => createAppointment(f.ctx, f.company.id,
    { serviceKey: R().session.id, resourceKeys: [R().alice.id], start, customer: opts.status === 'IN' ? undefined : ada, answers: [{ id: R().first.id, value: 'yes' }] },
    { status: opts.status ?? 'BK', onGrid: true, noEmail: opts.noEmail });

  it('a booking sends the customer and the resource a confirmation with a parseable invitation', async () => {
    const a = await book(NINE);
    await f.drain();
    expect(f.smtp.mails.map((m) => m.to[0]).sort()).toEqual(['ada@example.com', 'alice@example.com']);
    const [toAda] = f.smtp.to('ada@example.com');
    expect(toAda.from).toBe('bookings@clinic.test');
    const invite = invitationOf(toAda)!;
    expect(invite.contentType).toMatch(/text\/calendar.*method=REQUEST/i);
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'CONFIRMED', start: NINE, end: NINE + HOUR, uid: `${a.uid}@openslot` });
    const text = textOf(toAda);
    // The customer's own zone (London) and everything needed to find the way there.
    expect(text).toContain('Your appointment is confirmed.');
    expect(text).toMatch(/Wednesday, March 10, 2027 at 2:00 PM GMT/);
    for (const part of ['Session', 'Main St', 'Alice', 'Test Clinic', `https://clinic.test/book?appointment=${a.uid}&action=cancel`]) expect(text).toContain(part);
    // The resource reads it in the location's zone.
    expect(textOf(f.smtp.to('alice@example.com')[0])).toMatch(/9:00 AM EST/);
  });

  it('noEmail=true sends no email for that booking', async () => {
    await book(NINE + 2 * HOUR, { noEmail: true });
    await f.drain();
    expect(f.smtp.mails).toHaveLength(0);
  });

  it('a hold sends nothing; booking it sends one confirmation to each person', async () => {
    const hold = await book(NINE + 3 * HOUR, { status: 'IN' });
    await f.drain();
    expect(f.smtp.mails).toHaveLength(0);
    await bookHeldAppointment(f.ctx, f.company.id, hold.uid, { customer: ada });
    await f.drain();
    expect(f.smtp.to('ada@example.com')).toHaveLength(1);
    expect(f.smtp.to('alice@example.com')).toHaveLength(1);
  });

  it('moves keep the invitation UID and raise SEQUENCE, in place (Acuity) and as a new appointment (OnSched)', async () => {
    const a = await book(NINE + 24 * HOUR);
    const moved = await rescheduleAppointment(f.ctx, f.company.id, a.id, { start: NINE + 26 * HOUR }, { inPlace: true, onGrid: true });
    const again = await rescheduleAppointment(f.ctx, f.company.id, moved.uid, { start: NINE + 27 * HOUR }, { inPlace: false, onGrid: false });
    expect(again.id).not.toBe(a.id);
    await f.drain();
    const invites = f.smtp.to('ada@example.com').map((m) => invitationOf(m)!).sort((x, y) => x.sequence - y.sequence);
    expect(invites.map((i) => [i.uid, i.sequence, i.method, i.start])).toEqual([
      [`${a.uid}@openslot`, 0, 'REQUEST', NINE + 24 * HOUR],
      [`${a.uid}@openslot`, 1, 'REQUEST', NINE + 26 * HOUR],
      [`${a.uid}@openslot`, 2, 'REQUEST', NINE + 27 * HOUR],
    ]);
    expect(textOf(f.smtp.to('ada@example.com').find((m) => invitationOf(m)!.sequence === 1)!)).toContain('moved to a new time');
  });

  it('a cancellation sends METHOD:CANCEL for the same UID; with noEmail it sends nothing', async () => {
    const a = await book(NINE + 48 * HOUR);
    await cancelAppointment(f.ctx, f.company.id, a.id);
    const quiet = await book(NINE + 49 * HOUR, { noEmail: true });
    await cancelAppointment(f.ctx, f.company.id, quiet.id, { noEmail: true });
    await f.drain();
    const invites = f.smtp.to('ada@example.com').map((m) => invitationOf(m)!);
    expect(invites.map((i) => [i.method, i.sequence, i.status])).toEqual(expect.arrayContaining([['REQUEST', 0, 'CONFIRMED'], ['CANCEL', 1, 'CANCELLED']]));
    expect(invites).toHaveLength(2);
    expect(new Set(invites.map((i) => i.uid))).toEqual(new Set([`${a.uid}@openslot`]));
  });
});
