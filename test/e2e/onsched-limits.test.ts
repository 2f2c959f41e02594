// Booking limits over /v3 on each backend: set on the service, enforced at hold, book, reschedule
// and availability (with CustomerId), refused with a 422 naming the limit, and never overshot by
// concurrent bookings (the limit check runs inside the booking transaction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, clinicSlot, nextWeekday } from '../support/clinic.js';
import { adminHeaders, api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, startServer, type Company, type OnSched, type Reply } from './onsched-client.js';

/** The body's payload, before and after /v3 wraps 2xx bodies in {success, data}. */
const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const day = nextWeekday(2, 3); // a Tuesday at least three days ahead
const plusDays = (n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const nextDay = plusDays(1);
/** Untouched days for the races (Thursday, Friday), so only the limits refuse anything there. */
const [raceDay1, raceDay2] = [plusDays(2), plusDays(3)];
const at = clinicSlot;
const unavailability = (start: number, minutes = 30) => ({ startTime: new Date(start).toISOString(), endTime: new Date(start + minutes * 60_000).toISOString() });

describe.each(backends)('OnSched booking limits on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const service = async (body: Record<string, unknown>) => data(await v3.post('/service', {
    name: 'Limited', duration: 30, ResourceIds: [R().alice.uid, R().bob.uid], roundRobin: 'BALANCED', ...body,
  }));
  const onOne = (i: number) => (i % 2 ? R().alice.uid : R().bob.uid);
  const customer = async (email: string) => data(await v3.post('/customer', { firstName: 'Pat', lastName: 'Lee', email }));
  const book = (serviceId: string, start: number, body: Record<string, unknown>, path = '/appointment') =>
    v3.post(path, { ServiceId: serviceId, Unavailability: unavailability(start), ...body });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 600 }));
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('a service carries its five limits (0 = unlimited), and bad values are a 400 naming the field', async () => {
    const created = await service({ bookingLimit: 2, dailyBookingLimitMinutes: 90 });
    expect(created).toMatchObject({ bookingLimit: 2, maxBookingLimit: 0, maxResourceBookingLimit: 0, dailyBookingLimitCount: 0, dailyBookingLimitMinutes: 90 });
    const updated = data(await v3.put(`/service/${created.id}`, { maxBookingLimit: 4, bookingLimit: 0 }));
    expect(updated).toMatchObject({ bookingLimit: 0, maxBookingLimit: 4, dailyBookingLimitMinutes: 90 });
    const bad = await v3.put(`/service/${created.id}`, { dailyBookingLimitCount: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('dailyBookingLimitCount');
    expect(data(await v3.get(`/service/${created.id}`))).toMatchObject({ dailyBookingLimitCount: 0 });
  });

  it('the setup document carries limits too: bad ones are refused naming the path', async () => {
    const doc = clinic();
    doc.setup!.services![0] = { ...doc.setup!.services![0], limits: { bookingLimit: 1, dailyBookingLimitMinutes: 120 } };
    const other = await createCompany(app, doc);
    const seen = onsched(app, { 'x-api-key': other.apiKey });
    expect(data(await seen.get(`/service/${other.refs.consult.uid}`))).toMatchObject({ bookingLimit: 1, dailyBookingLimitMinutes: 120, maxBookingLimit: 0 });
    const bad = clinic();
    bad.setup!.services![0] = { ...bad.setup!.services![0], limits: { bookingLimit: -2 } };
    const refused = await api(app.url, 'POST', '/admin/v1/companies', { body: bad, headers: adminHeaders });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('limits');
  });

  it('bookingLimit counts BK and live holds (not RS) per customer: 422 on hold, book and at availability', async () => {
    const s = await service({ bookingLimit: 2 });
    const pat = await customer('pat.limit@example.com');
    const other = await customer('sam.limit@example.com');
    expect((await book(s.id, at(day, 0), { Customer: { id: pat.id } })).status).toBe(200);
    expect((await book(s.id, at(day, 1), { Customer: { id: pat.id } }, '/appointment/reserve')).status).toBe(200); // RS: not counted
    expect((await book(s.id, at(day, 2), { Customer: { id: pat.id } }, '/appointment/hold')).status).toBe(200);
    const refused = await book(s.id, at(day, 3), { Customer: { id: pat.id } }, '/appointment/hold');
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ statusCode: 422, name: 'UnprocessableEntityError', errors: [{ field: 'bookingLimit' }] });
    expect((await book(s.id, at(day, 3), { Customer: { id: other.id } })).status).toBe(200);
    const forPat = data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${s.id}&CustomerId=${pat.id}`));
    expect(forPat.availableTimes).toEqual([]);
    const forOther = data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${s.id}&CustomerId=${other.id}`));
    expect(forOther.availableTimes.length).toBeGreaterThan(0);
    // Cancelling one frees room again.
    const list = data(await v3.get(`/appointments?customerId=${pat.id}&status=BK`));
    const booked = (list.data ?? list).find((a: { status: string }) => a.status === 'BK');
    expect((await v3.put(`/appointment/${booked.id}/cancel`)).status).toBe(200);
    expect((await book(s.id, at(day, 4), { Customer: { id: pat.id } })).status).toBe(200);
  });

  it('daily limits are service-wide per local day: count and minutes, at availability and at booking', async () => {
    const s = await service({ dailyBookingLimitCount: 2, dailyBookingLimitMinutes: 45 });
    const a = await customer('a.daily@example.com');
    expect((await book(s.id, at(day, 0), { Customer: { id: a.id } })).status).toBe(200);
    // 30 of 45 minutes used: another 30-minute booking would make 60.
    const over = await book(s.id, at(day, 4), { Customer: { id: a.id } });
    expect(over.status).toBe(422);
    expect(over.json.errors[0].field).toBe('dailyBookingLimitMinutes');
    const today = data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${s.id}`));
    expect(today.availableTimes).toEqual([]);
    const tomorrow = data(await v3.get(`/availability?startDate=${nextDay}&endDate=${nextDay}&ServiceId=${s.id}`));
    expect(tomorrow.availableTimes.length).toBeGreaterThan(0);
    expect((await book(s.id, at(nextDay, 0), { Customer: { id: a.id } })).status).toBe(200);
  });

  it('maxResourceBookingLimit takes a full resource out of availability; reschedule re-checks the limits', async () => {
    const s = await service({ maxResourceBookingLimit: 1, ResourceIds: [R().alice.uid, R().bob.uid], roundRobin: 'NONE' });
    const c = await customer('c.resource@example.com');
    const first = await book(s.id, at(day, 6), { Customer: { id: c.id }, ResourceIds: [R().alice.uid] });
    expect(first.status).toBe(200);
    const offered = data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${s.id}&roundRobin=NONE`));
    expect(new Set(offered.availableTimes.flatMap((t: { ResourceIds: string[] }) => t.ResourceIds))).toEqual(new Set([R().bob.uid]));
    const refused = await book(s.id, at(day, 8), { Customer: { id: c.id }, ResourceIds: [R().alice.uid] });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].field).toBe('maxResourceBookingLimit');
    // Moving the booking does not count it twice: it replaces itself.
    const moved = await v3.put(`/appointment/${data(first).id}/reschedule`, { Unavailability: unavailability(at(day, 10)) });
    expect(moved.status).toBe(200);
  });

  it('50 simultaneous bookings by one customer against bookingLimit 3 give exactly 3', async () => {
    const s = await service({ bookingLimit: 3, bookingsPerSlot: 50 });
    const pat = await customer('race.customer@example.com');
    // Half on Alice, half on Bob: the two halves lock different resources, so only the limit's own
    // serialisation keeps them from both counting the same room.
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => book(s.id, at(raceDay1, i % 16), { Customer: { id: pat.id }, ResourceIds: [onOne(i)] })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
    expect(replies.filter((r) => r.status === 422)).toHaveLength(47);
    const list = data(await v3.get(`/appointments?customerId=${pat.id}&limit=100`));
    expect((list.data ?? list).filter((a: { status: string }) => a.status === 'BK')).toHaveLength(3);
  });

  it('50 simultaneous bookings on one day against dailyBookingLimitCount 5 give exactly 5', async () => {
    const s = await service({ dailyBookingLimitCount: 5, bookingsPerSlot: 50 });
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => customer(`race${i}@example.com`)));
    const replies = await Promise.all(people.map((p, i) => book(s.id, at(raceDay2, i % 16), { Customer: { id: p.id }, ResourceIds: [onOne(i)] })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 422)).toHaveLength(45);
    for (const r of replies.filter((x) => x.status === 422)) expect(r.json.errors[0].field).toBe('dailyBookingLimitCount');
  });
});
