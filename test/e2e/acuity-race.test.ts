// No double booking through the Acuity surface: 100 simultaneous POST /appointments for one slot,
// from the official client, on each backend. Exactly one wins; the rest are clean not_available.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, sessionBooking, startServer, type Call, type Company } from './acuity-client.js';

const DAY = nextWeekday(2);

describe.each(backends)('100 simultaneous bookings of one slot on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let call: Call;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, acuityClinic({ classDay: DAY }));
    call = basicClient(app, company);
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('gives exactly one 200 and 99 × 400 not_available, and one appointment exists', async () => {
    const R = company.refs;
    const [slot] = (await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id } })).body;
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      call('/appointments', { method: 'POST', body: sessionBooking(R, slot.time, { email: `racer${i}@example.com` }) })));
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost.map((a) => [a.status, a.body?.error])).toEqual(Array(99).fill([400, 'not_available']));
    const booked = await call('/appointments', { qs: { minDate: DAY, maxDate: DAY } });
    expect(booked.body.map((a: { id: number }) => a.id)).toEqual([won[0].body.id]);
  });
});
