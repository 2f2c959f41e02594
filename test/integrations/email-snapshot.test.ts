// Emails are composed from the snapshot committed with the change that caused them (issue 11
// item 8): a confirmation delivered after a move, a cancellation, a renamed company, a new time
// format and a renamed customer (all committed before the dispatcher ran) still describes the
// appointment as it was booked; each later notice describes its own change. Real SMTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { cancelAppointment } from '../../src/services/appointments/change-status.js';
import { rescheduleAppointment } from '../../src/services/appointments/reschedule-appointment.js';
import { updateCompany } from '../../src/services/companies/manage-company.js';
import { updateCustomer } from '../../src/services/customers/customers.js';
import { backends } from '../support/databases.js';
import { invitationOf, textOf } from '../support/smtp-sink.js';
import { at } from '../services/harness.js';
import { notifyFixture, type NotifyFixture } from './notify-harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z'); // 09:00 in New York, 14:00 in London
const HOUR = 3_600_000;
const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', timezone: 'Europe/London' };

describe.each(backends)('emails from the outbox snapshot on $name', (backend) => {
  let f: NotifyFixture;
  beforeAll(async () => { f = await notifyFixture(backend, NOW, { bookingPageUrl: 'https://clinic.test/book' }); });
  afterAll(async () => { await f?.closeAll(); await backend.dropAll(); });

  it('a confirmation sent after a move, a cancel and renames committed before dispatch describes the booked appointment', async () => {
    const R = f.company.refs;
    const a = await createAppointment(f.ctx, f.company.id,
      { serviceKey: R.session.id, resourceKeys: [R.alice.id], start: NINE, customer: ada, answers: [{ id: R.first.id, value: 'yes' }] },
      { status: 'BK', onGrid: true });
    await updateCompany(f.ctx, f.company.id, { name: 'Renamed Clinic', settings: { timeFormat: '24hr' } });
    await updateCustomer(f.ctx, f.company.id, a.customer!.id, { firstName: 'Augusta' });
    await rescheduleAppointment(f.ctx, f.company.id, a.id, { start: NINE + 2 * HOUR }, { inPlace: true, onGrid: true });
    await cancelAppointment(f.ctx, f.company.id, a.id);
    await f.drain();

    const mails = f.smtp.to('ada@example.com');
    const bySequence = (n: number) => textOf(mails.find((m) => invitationOf(m)!.sequence === n)!);
    expect(mails).toHaveLength(3);
    const confirmation = bySequence(0);
    expect(confirmation).toContain('Your appointment is confirmed.');
    expect(confirmation).toContain('Hello Ada Lovelace,');
    expect(confirmation).toMatch(/Wednesday, March 10, 2027 at 2:00 PM GMT/);
    expect(confirmation).toContain('— Test Clinic');
    expect(confirmation).toContain(`https://clinic.test/book?appointment=${a.uid}&action=cancel`);
    expect(confirmation).not.toContain('Renamed');
    // The staff copy too: the company's old name, the booked time in the location's zone.
    const staff = f.smtp.to('alice@example.com').map(textOf).find((t) => t.includes('A new appointment was booked with you.'))!;
    expect(staff).toMatch(/9:00 AM EST/);
    expect(staff).toContain('Ada Lovelace');
    // The move and the cancel were committed after the renames: they say so, in 24-hour time.
    const moved = bySequence(1);
    expect(moved).toContain('moved to a new time');
    expect(moved).toContain('Hello Augusta Lovelace,');
    expect(moved).toMatch(/Wednesday, March 10, 2027 at 16:00 GMT/);
    expect(moved).toContain('— Renamed Clinic');
    expect(bySequence(2)).toContain('Your appointment has been canceled.');
  });
});
