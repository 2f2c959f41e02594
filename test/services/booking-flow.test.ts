// The booking flow through the services layer, identical on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { bookHeldAppointment, cancelAppointment, confirmAppointment, deleteHold } from '../../src/services/appointments/change-status.js';
import { rescheduleAppointment } from '../../src/services/appointments/reschedule-appointment.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at, fixture, type Fixture } from './harness.js';

// Wednesday 2027-03-10, New York is on EST (UTC-5) until the 14th.
const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z');
const HALF = 30 * 60_000;

describe.each(backends)('booking flow on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => { f = await fixture(backend, clinic({ expirationDelay: 60 }), NOW); });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });

  const R = () => f.company.refs;
  const slotsAt = async (t: number, roundRobin: 'NONE' | 'BALANCED' = 'NONE') => {
    const a = await findAvailability(f.ctx, f.company.id, { serviceKey: R().consult.uid, locationKey: R().main.uid, from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z'), roundRobin });
    return a.slots.find((s) => s.start === t)?.resources.map((r) => r.uid) ?? [];
  };
  const hold = (t: number, resource: string) => createAppointment(f.ctx, f.company.id,
    { serviceKey: R().consult.uid, locationKey: R().main.uid, resourceKeys: [resource], start: t, end: t + HALF }, { status: 'IN', onGrid: false });

  it('offers 16 half-hour starts from 09:00 New York with both people free', async () => {
    const a = await findAvailability(f.ctx, f.company.id, { serviceKey: R().consult.uid, from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z'), roundRobin: 'NONE' });
    expect(a.slots).toHaveLength(16);
    expect(a.slots[0].start).toBe(NINE);
    expect(a.slots[0].resources.map((r) => r.uid).sort()).toEqual([R().alice.uid, R().bob.uid].sort());
  });

  it('a hold takes the slot from that resource only, and a second hold of it conflicts', async () => {
    const h = await hold(NINE, R().alice.uid);
    expect(h.status).toBe('IN');
    expect(h.expiresAt).toBe(NOW + 60_000);
    expect(await slotsAt(NINE)).toEqual([R().bob.uid]);
    await expect(hold(NINE, R().alice.uid)).rejects.toMatchObject({ code: 'slot_unavailable' });
  });

  it('books a hold with a customer, then a direct booking finds that customer by email', async () => {
    const h = await hold(NINE + 2 * HALF, R().alice.uid);
    const booked = await bookHeldAppointment(f.ctx, f.company.id, h.uid, { customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } });
    expect(booked.status).toBe('BK');
    const direct = await createAppointment(f.ctx, f.company.id, { serviceKey: R().consult.id, resourceKeys: [R().alice.id], start: NINE + 4 * HALF, end: NINE + 5 * HALF,
      customer: { firstName: 'Ada', lastName: 'L', email: 'ADA@example.com' } }, { status: 'BK', onGrid: false });
    expect(direct.customer?.id).toBe(booked.customer?.id);
  });

  it('an expired hold frees its slot at once and can no longer be booked', async () => {
    const t = NINE + 6 * HALF;
    const h = await hold(t, R().bob.uid);
    expect(await slotsAt(t)).toEqual([R().alice.uid]);
    f.ctx.clock.now += 61_000;
    try {
      expect((await slotsAt(t)).sort()).toEqual([R().alice.uid, R().bob.uid].sort());
      await expect(bookHeldAppointment(f.ctx, f.company.id, h.uid, { customer: { firstName: 'X', email: 'x@example.com' } })).rejects.toMatchObject({ code: 'hold_expired' });
      const again = await hold(t, R().bob.uid);
      expect(again.status).toBe('IN');
      await deleteHold(f.ctx, f.company.id, again.uid);
    } finally { f.ctx.clock.now -= 61_000; }
  });

  it('cancel frees the slot; reschedule leaves RE and a new BK', async () => {
    const t = NINE + 10 * HALF;
    const a = await createAppointment(f.ctx, f.company.id, { serviceKey: R().consult.uid, resourceKeys: [R().bob.uid], start: t, end: t + HALF,
      customer: { firstName: 'Grace', email: 'grace@example.com' } }, { status: 'BK', onGrid: false });
    expect(await slotsAt(t)).toEqual([R().alice.uid]);
    const moved = await rescheduleAppointment(f.ctx, f.company.id, a.uid, { start: t + HALF, end: t + 2 * HALF }, { inPlace: false, onGrid: false });
    expect(moved.status).toBe('BK');
    expect(moved.rescheduledFromId).toBe(a.id);
    expect((await slotsAt(t)).sort()).toEqual([R().alice.uid, R().bob.uid].sort());
    const cancelled = await cancelAppointment(f.ctx, f.company.id, moved.uid);
    expect(cancelled.status).toBe('CN');
    expect((await slotsAt(t + HALF)).sort()).toEqual([R().alice.uid, R().bob.uid].sort());
    await expect(confirmAppointment(f.ctx, f.company.id, moved.uid)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('the same Idempotency-Key and body returns the first result; a different body is refused', async () => {
    const t = NINE + 12 * HALF;
    const req = { serviceKey: R().consult.uid, resourceKeys: [R().alice.uid], start: t, end: t + HALF };
    const idempotency = { key: 'k1', scope: 'hold', requestHash: 'h1' };
    const first = await createAppointment(f.ctx, f.company.id, req, { status: 'IN', onGrid: false, idempotency });
    const second = await createAppointment(f.ctx, f.company.id, req, { status: 'IN', onGrid: false, idempotency });
    expect(second.id).toBe(first.id);
    await expect(createAppointment(f.ctx, f.company.id, req, { status: 'IN', onGrid: false, idempotency: { ...idempotency, requestHash: 'h2' } }))
      .rejects.toMatchObject({ code: 'idempotency_mismatch' });
  });
});

describe.each(backends)('class sessions on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    const doc = clinic();
    doc.setup!.classes = [{ ref: 'morning', service: 'yoga', resource: 'bob', start: '2027-03-10T09:00:00', seats: 2 }];
    f = await fixture(backend, doc, NOW);
  });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });

  it('a class session keeps its resource from other appointments for its hour', async () => {
    const R = f.company.refs;
    const a = await findAvailability(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [R.bob.uid], from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z') });
    const starts = a.slots.map((s) => s.start);
    expect(starts).not.toContain(NINE);
    expect(starts).not.toContain(NINE + HALF);
    expect(starts[0]).toBe(NINE + 2 * HALF);
    await expect(createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [R.bob.uid], start: NINE + HALF, end: NINE + 2 * HALF },
      { status: 'IN', onGrid: false })).rejects.toMatchObject({ code: 'slot_unavailable' });
  });

  it('offers the session with its seats and lets exactly its seats be booked', async () => {
    const R = f.company.refs;
    const classes = await findAvailability(f.ctx, f.company.id, { serviceKey: R.yoga.uid, from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z') });
    expect(classes.slots).toEqual([expect.objectContaining({ start: NINE, end: NINE + 2 * HALF, seatsLeft: 2, classSessionId: R.morning.id })]);
    const seat = (i: number) => createAppointment(f.ctx, f.company.id, { serviceKey: R.yoga.uid, classSessionKey: R.morning.uid, start: NINE,
      customer: { firstName: `S${i}`, email: `s${i}@example.com` } }, { status: 'BK', onGrid: false });
    await seat(1);
    await seat(2);
    await expect(seat(3)).rejects.toMatchObject({ code: 'class_full' });
  });
});

describe.each(backends)('booking rules on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    const doc = clinic();
    doc.settings = { minHoursInAdvance: 24, maxDaysInAdvance: 60 };
    doc.setup!.services!.push({ ref: 'pair', name: 'Pair session', duration: 30, capacity: 2, resources: ['alice'] });
    doc.setup!.classes = [
      { ref: 'soon', service: 'yoga', resource: 'bob', start: '2027-03-01T09:00:00', seats: 5 }, // 2 h after NOW
      { ref: 'far', service: 'yoga', resource: 'bob', start: '2027-05-03T09:00:00', seats: 5 }, // 63 days after NOW
    ];
    f = await fixture(backend, doc, NOW);
  });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });

  it('a class seat respects notice and window like any booking, unless an admin books it', async () => {
    const R = f.company.refs;
    const seat = (session: string, admin = false) => createAppointment(f.ctx, f.company.id, { serviceKey: R.yoga.uid, classSessionKey: session, start: 0,
      customer: { firstName: 'Y', email: `y${session}${admin}@example.com` } }, { status: 'BK', onGrid: false, admin });
    await expect(seat(R.soon.uid)).rejects.toMatchObject({ code: 'too_soon' });
    await expect(seat(R.far.uid)).rejects.toMatchObject({ code: 'too_far' });
    expect((await seat(R.soon.uid, true)).status).toBe('BK');
  });

  it('a group service shares seats only with itself: a one-to-one appointment takes the resource whole', async () => {
    const R = f.company.refs;
    const t = NINE;
    await createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [R.alice.uid], start: t, end: t + HALF,
      customer: { firstName: 'O', email: 'one@example.com' } }, { status: 'BK', onGrid: false });
    const pair = await findAvailability(f.ctx, f.company.id, { serviceKey: R.pair.uid, from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z') });
    expect(pair.slots.map((s) => s.start)).not.toContain(t);
    await expect(createAppointment(f.ctx, f.company.id, { serviceKey: R.pair.uid, start: t }, { status: 'IN', onGrid: false }))
      .rejects.toMatchObject({ code: 'slot_unavailable' });
    const later = t + 2 * HALF;
    await createAppointment(f.ctx, f.company.id, { serviceKey: R.pair.uid, start: later }, { status: 'IN', onGrid: false });
    expect((await createAppointment(f.ctx, f.company.id, { serviceKey: R.pair.uid, start: later }, { status: 'IN', onGrid: false })).status).toBe('IN');
  });

  it('a COMBINED booking keeps all its resources when it is rescheduled', async () => {
    const R = f.company.refs;
    const t = NINE + 6 * HALF;
    const both = await createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [R.alice.uid, R.bob.uid], roundRobin: 'COMBINED',
      start: t, end: t + HALF, customer: { firstName: 'Two', email: 'two@example.com' } }, { status: 'BK', onGrid: false });
    expect(both.resources.map((r) => r.uid).sort()).toEqual([R.alice.uid, R.bob.uid].sort());
    for (const inPlace of [false, true]) {
      const moved = await rescheduleAppointment(f.ctx, f.company.id, inPlace ? both.id : both.uid, { start: t + (inPlace ? 4 : 2) * HALF, end: t + (inPlace ? 5 : 3) * HALF }, { inPlace, onGrid: false });
      expect(moved.resources.map((r) => r.uid).sort()).toEqual([R.alice.uid, R.bob.uid].sort());
      expect(moved.roundRobin).toBe('COMBINED');
      if (!inPlace) { both.id = moved.id; }
    }
  });
});

describe.each(backends)('padding at the edge of working hours on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    const doc = clinic();
    doc.setup!.resources![0].hours = { wed: [['09:00', '12:00'], ['13:00', '17:00']] };
    doc.setup!.services!.push({ ref: 'prep', name: 'Needs preparation', duration: 30, paddingBefore: 90, resources: ['alice'] });
    f = await fixture(backend, doc, NOW);
  });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });

  it('books what availability offers at a range start even when the ignored padding reaches a booking before the break', async () => {
    const R = f.company.refs;
    const late = at('2027-03-10T16:30:00Z'); // 11:30 New York, the last half hour before the break
    await createAppointment(f.ctx, f.company.id, { serviceKey: R.consult.uid, resourceKeys: [R.alice.uid], start: late, end: late + HALF,
      customer: { firstName: 'M', email: 'm@example.com' } }, { status: 'BK', onGrid: false });
    const one = at('2027-03-10T18:00:00Z'); // 13:00 New York: its 90 minutes before fall in the break and the morning
    const offered = await findAvailability(f.ctx, f.company.id, { serviceKey: R.prep.uid, from: at('2027-03-10T05:00:00Z'), to: at('2027-03-11T05:00:00Z') });
    expect(offered.slots.map((s) => s.start)).toContain(one);
    const booked = await createAppointment(f.ctx, f.company.id, { serviceKey: R.prep.uid, start: one, customer: { firstName: 'P', email: 'p@example.com' } },
      { status: 'BK', onGrid: true });
    expect(booked.start).toBe(one);
  });
});
