// The OnSched seed, end to end over HTTP on every backend: availability → hold → the slot is gone
// for that resource → book with a customer → a direct booking finds the customer by email → an
// expired hold frees its slot and cannot be booked → every round-robin mode → cancel frees the
// slot → reschedule leaves RE and a new BK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, bearer, createCompany, offeredAt, onsched, sleep, sorted, startServer, wallTime, type AvailableTime, type Company, type OnSched } from './onsched-client.js';

const NY = 'America/New_York';
const day = nextWeekday(3); // a Wednesday, at least two days ahead
const nextDay = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

describe.each(backends)('OnSched booking flow on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const customer = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15555550100' };
  const availability = (extra = '') => v3.get(`/availability?startDate=${day}T00:00:00Z&endDate=${nextDay}T00:00:00Z&ServiceId=${R().consult.uid}&LocationId=${R().main.uid}${extra}`);
  const slot = (start: string) => ({ startTime: start, endTime: new Date(Date.parse(start) + 30 * 60_000).toISOString() });
  const body = (start: string, resources: string[], extra: Record<string, unknown> = {}) =>
    ({ LocationId: R().main.uid, ServiceId: R().consult.uid, ResourceIds: resources, Unavailability: slot(start), ...extra });
  let starts: string[] = [];
  let held: { id: string };
  let direct: { id: string; CustomerId: string };

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 2 }));
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('offers sixteen half-hour times from 09:00 to 16:30 New York, with both people at each, keyed by the New York date', async () => {
    const r = await availability('&roundRobin=NONE');
    expect(r.status).toBe(200);
    expect(r.json.success).toBe(true);
    expect(r.json.data.ServiceId).toBe(R().consult.uid);
    expect(Object.keys(r.json.data.availableDays)).toEqual([day]);
    const times: AvailableTime[] = r.json.data.availableTimes;
    starts = times.map((t) => t.start_time);
    expect(starts).toHaveLength(16);
    expect(wallTime(starts[0], NY)).toBe('09:00');
    expect(wallTime(starts[15], NY)).toBe('16:30');
    for (const t of times) {
      expect(t.start_time).toMatch(/Z$/);
      expect(Date.parse(t.end_time) - Date.parse(t.start_time)).toBe(30 * 60_000);
      expect(t.LocationId).toBe(R().main.uid);
      expect(sorted(...t.ResourceIds)).toEqual(sorted(R().alice.uid, R().bob.uid));
    }
    expect(r.json.data.availableDays[day]).toHaveLength(16);
  });

  it('holds a time copied from availability (IN), which takes it from that resource only; a second hold conflicts', async () => {
    const r = await availability('&roundRobin=NONE');
    const entry: AvailableTime = r.json.data.availableTimes[0];
    const h = await v3.post('/appointment/hold', {
      LocationId: entry.LocationId, ServiceId: r.json.data.ServiceId, ResourceIds: [R().alice.uid],
      Unavailability: { startTime: entry.start_time, endTime: entry.end_time },
    });
    expect(h.status).toBe(200);
    expect(h.data).toMatchObject({ status: 'IN', ResourceIds: [R().alice.uid], CustomerId: null, startTime: entry.start_time });
    expect(Date.parse(h.data.expiresAt) - Date.now()).toBeLessThanOrEqual(2000);
    held = h.data;
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[0])).toEqual([R().bob.uid]);
    const again = await v3.post('/appointment/hold', body(starts[0], [R().alice.uid]));
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ statusCode: 409, name: 'ConflictError' });
  });

  it('books the hold with a customer (IN → BK)', async () => {
    const b = await v3.put(`/appointment/${held.id}/book`, { Customer: customer });
    expect(b.status).toBe(200);
    expect(b.data).toMatchObject({ id: held.id, status: 'BK', expiresAt: null, customer: { firstName: 'Ada', email: 'ada@example.com' } });
    expect(b.data.CustomerId).toEqual(expect.any(String));
    expect((await v3.get(`/appointment/${held.id}`)).data.status).toBe('BK');
  });

  it('books directly (BK) and finds the customer by email instead of creating another', async () => {
    const d = await v3.post('/appointment', body(starts[2], [R().alice.uid], { Customer: { firstName: 'Ada', lastName: 'L', email: 'ADA@example.com' } }));
    expect(d.status).toBe(200);
    expect(d.data.status).toBe('BK');
    const first = await v3.get(`/appointment/${held.id}`);
    expect(d.data.CustomerId).toBe(first.data.CustomerId);
    const byEmail = await v3.get('/customers?email=ada@example.com');
    expect(byEmail.json.total).toBe(1);
    direct = d.data;
  });

  it('an expired hold frees its slot at once, and booking it late is refused with 404', async () => {
    const h = await v3.post('/appointment/hold', body(starts[4], [R().bob.uid]));
    expect(h.status).toBe(200);
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[4])).toEqual([R().alice.uid]);
    await sleep(2300); // the location's expirationDelay is 2 s
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[4])).toEqual(sorted(R().alice.uid, R().bob.uid));
    const late = await v3.put(`/appointment/${h.data.id}/book`, { Customer: customer });
    expect(late.status).toBe(404);
    expect(late.json.name).toBe('NotFoundError');
    expect((await v3.get(`/appointment/${h.data.id}`)).status).toBe(404);
  });

  it('BALANCED offers and books the person with fewer bookings this week', async () => {
    // Alice has two bookings, Bob none.
    expect(offeredAt(await availability('&roundRobin=BALANCED'), starts[8])).toEqual([R().bob.uid]);
    const h = await v3.post('/appointment/hold', body(starts[8], [R().alice.uid, R().bob.uid], { roundRobin: 'BALANCED' }));
    expect(h.data.ResourceIds).toEqual([R().bob.uid]);
    expect((await v3.del(`/appointment/${h.data.id}`)).status).toBe(200);
  });

  it('RANDOM offers exactly one of the free people per time, and books one of them', async () => {
    const r = await availability('&roundRobin=RANDOM');
    for (const t of r.json.data.availableTimes as AvailableTime[]) expect(t.ResourceIds).toHaveLength(1);
    expect(offeredAt(r, starts[0])).toEqual([R().bob.uid]); // Alice is booked then
    const h = await v3.post('/appointment/hold', body(starts[9], [R().alice.uid, R().bob.uid], { roundRobin: 'RANDOM' }));
    expect(h.status).toBe(200);
    expect(h.data.ResourceIds).toHaveLength(1);
    expect([R().alice.uid, R().bob.uid]).toContain(h.data.ResourceIds[0]);
    expect((await v3.del(`/appointment/${h.data.id}`)).status).toBe(200);
  });

  it('COMBINED offers only times when every requested person is free, and books them together', async () => {
    const both = `&roundRobin=COMBINED&ResourceIds=${R().alice.uid}&ResourceIds=${R().bob.uid}`;
    const r = await availability(both);
    expect(offeredAt(r, starts[0])).toEqual([]); // Alice is booked at the first time
    expect(offeredAt(r, starts[10])).toEqual(sorted(R().alice.uid, R().bob.uid));
    const b = await v3.post('/appointment', body(starts[10], [R().alice.uid, R().bob.uid], { roundRobin: 'COMBINED', Customer: customer }));
    expect(b.status).toBe(200);
    expect(sorted(...b.data.ResourceIds)).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[10])).toEqual([]);
  });

  it('NONE without ResourceIds offers every free person of the service', async () => {
    const r = await v3.get(`/availability?startDate=${day}&endDate=${day}&serviceId=${R().consult.uid}&roundRobin=NONE`);
    expect(r.status).toBe(200);
    expect(offeredAt(r, starts[1])).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect(offeredAt(r, starts[0])).toEqual([R().bob.uid]);
  });

  it('cancel (BK → CN) frees the slot', async () => {
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[2])).toEqual([R().bob.uid]);
    const c = await v3.put(`/appointment/${direct.id}/cancel`);
    expect(c.status).toBe(200);
    expect(c.data.status).toBe('CN');
    expect(offeredAt(await availability('&roundRobin=NONE'), starts[2])).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect((await v3.put(`/appointment/${direct.id}/cancel`)).status).toBe(400);
  });

  it('reschedule leaves the original RE and returns a new BK at the new time', async () => {
    const moved = await v3.put(`/appointment/${held.id}/reschedule`, { Unavailability: slot(starts[12]) });
    expect(moved.status).toBe(200);
    expect(moved.data).toMatchObject({ status: 'BK', startTime: starts[12], ResourceIds: [R().alice.uid], rescheduledFromId: held.id });
    expect(moved.data.id).not.toBe(held.id);
    const original = await v3.get(`/appointment/${held.id}`);
    expect(original.data).toMatchObject({ status: 'RE', rescheduledToId: moved.data.id });
    const r = await availability('&roundRobin=NONE');
    expect(offeredAt(r, starts[0])).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect(offeredAt(r, starts[12])).toEqual([R().bob.uid]);
  });

  it('reserve (RS) holds without expiry; confirm books it; notes and CustomFields can be edited', async () => {
    const rs = await v3.post('/appointment/reserve', body(starts[14], [R().bob.uid], { CustomFields: { source: 'web' } }));
    expect(rs.data).toMatchObject({ status: 'RS', expiresAt: null, CustomFields: { source: 'web' } });
    const confirmed = await v3.put(`/appointment/${rs.data.id}/confirm`);
    expect(confirmed.data).toMatchObject({ status: 'BK', confirmed: true });
    const edited = await v3.put(`/appointment/${rs.data.id}`, { notes: 'Bring forms', CustomFields: { room: 4 } });
    expect(edited.data).toMatchObject({ notes: 'Bring forms', CustomFields: { source: 'web', room: 4 } });
    expect((await v3.del(`/appointment/${rs.data.id}`)).status).toBe(400); // only holds may be deleted
  });

  it('lists appointments with filters and the list envelope', async () => {
    const all = await v3.get('/appointments?limit=100');
    expect(all.json).toMatchObject({ object: 'list', hasMore: false });
    expect(all.json.count).toBe(all.json.data.length);
    const statuses = (all.json.data as Array<{ status: string }>).map((a) => a.status).sort();
    expect(statuses).toEqual(['BK', 'BK', 'BK', 'CN', 'RE']);
    const aliceBooked = await v3.get(`/appointments?status=BK&resourceIds[]=${R().alice.uid}`);
    expect(aliceBooked.json.total).toBe(2); // the rescheduled one and the COMBINED one
    const page = await v3.get('/appointments?limit=2&page=2');
    expect(page.json).toMatchObject({ object: 'list', count: 2, total: 5, hasMore: true });
    const starts14 = (all.json.data as Array<{ startTime: string }>).map((a) => Date.parse(a.startTime));
    expect(starts14).toEqual([...starts14].sort((a, b) => a - b));
  });
});
