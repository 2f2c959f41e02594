// No double booking under contention: many simultaneous holds of one slot, through the services
// layer, on SQLite and on PostgreSQL with a pool of several connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { isDomainError } from '../../src/core/errors.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at, fixture, type Fixture } from './harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const TEN = at('2027-03-10T15:00:00Z'); // Wednesday 10:00 in New York
const HALF = 30 * 60_000;

function withClass(seats: number) {
  const doc = clinic({ expirationDelay: 600, capacity: seats });
  doc.setup!.classes = [{ ref: 'morning', service: 'yoga', resource: 'bob', start: '2027-03-11T09:00:00', seats }];
  // Races where PostgreSQL's exclusion constraint cannot help: a two-seat group service, and
  // certificates with one use left spent by bookings on different resources.
  doc.setup!.services!.push({ ref: 'pair', name: 'Pair session', duration: 60, capacity: 2, resources: ['alice'] });
  doc.setup!.packages!.push({ ref: 'solo', code: 'SOLO', type: 'counts', counts: 1, services: ['consult'] });
  doc.setup!.coupons!.push({ ref: 'once', code: 'ONCE', discountType: 'price', discountAmount: 5, maxUses: 1, services: ['consult'] });
  return doc;
}

async function outcomes(calls: Array<() => Promise<unknown>>) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const won = results.filter((r) => r.status === 'fulfilled').length;
  const codes = results.flatMap((r) => (r.status === 'rejected' ? [isDomainError(r.reason) ? r.reason.code : String(r.reason)] : []));
  return { won, codes };
}

describe.each(backends)('concurrent bookings on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => { f = await fixture(backend, withClass(3), NOW, 8); });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });

  it('100 simultaneous holds of one slot: exactly one wins, 99 clean conflicts', async () => {
    const R = f.company.refs;
    const hold = () => createAppointment(f.ctx, f.company.id,
      { serviceKey: R.consult.uid, resourceKeys: [R.alice.uid], start: TEN, end: TEN + HALF }, { status: 'IN', onGrid: false });
    const { won, codes } = await outcomes(Array.from({ length: 100 }, () => hold));
    expect(won).toBe(1);
    expect(codes).toEqual(Array(99).fill('slot_unavailable'));
  });

  it('100 simultaneous holds over round robin of two people: exactly two win', async () => {
    const R = f.company.refs;
    const t = TEN + 4 * HALF;
    const hold = () => createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, start: t, end: t + HALF }, { status: 'IN', onGrid: false });
    const { won, codes } = await outcomes(Array.from({ length: 100 }, () => hold));
    expect(won).toBe(2);
    expect(new Set(codes)).toEqual(new Set(['slot_unavailable']));
  });

  it('100 simultaneous holds of a two-seat group slot: exactly two win', async () => {
    const R = f.company.refs;
    const t = at('2027-03-12T15:00:00Z');
    const hold = () => createAppointment(f.ctx, f.company.id, { serviceKey: R.pair.uid, start: t }, { status: 'IN', onGrid: false });
    const { won, codes } = await outcomes(Array.from({ length: 100 }, () => hold));
    expect(won).toBe(2);
    expect(codes).toEqual(Array(98).fill('slot_unavailable'));
  });

  it.each([['SOLO', 'a one-count package'], ['ONCE', 'a one-use coupon']])('%s (%s) pays for exactly one of 20 simultaneous bookings on two people', async (code) => {
    const R = f.company.refs;
    const day = code === 'SOLO' ? '2027-03-15' : '2027-03-16';
    const book = (i: number) => () => {
      const start = at(`${day}T14:00:00Z`) + Math.floor(i / 2) * HALF;
      return createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [i % 2 ? R.alice.uid : R.bob.uid], start, end: start + HALF,
        certificate: code, customer: { firstName: 'C', email: `c${i}@example.com` } }, { status: 'BK', onGrid: false });
    };
    const { won, codes } = await outcomes(Array.from({ length: 20 }, (_, i) => book(i)));
    expect(won).toBe(1);
    expect(codes).toEqual(Array(19).fill('certificate_uses'));
  });

  it('100 simultaneous bookings of a 3-seat class: exactly three seats are taken', async () => {
    const R = f.company.refs;
    const book = (i: number) => () => createAppointment(f.ctx, f.company.id,
      { serviceKey: R.yoga.uid, classSessionKey: R.morning.uid, start: 0, customer: { firstName: `P${i}`, email: `p${i}@example.com` } },
      { status: 'BK', onGrid: false });
    const { won, codes } = await outcomes(Array.from({ length: 100 }, (_, i) => book(i)));
    expect(won).toBe(3);
    expect(codes).toEqual(Array(97).fill('class_full'));
  });
});
