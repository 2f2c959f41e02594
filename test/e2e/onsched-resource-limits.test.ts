// A resource's bookingLimit over /v3 on each backend: the upcoming BK and live IN appointments one
// customer may have with the resource, whatever the service (RS does not count); set on /v3 and in
// the setup document, refused with a 422 naming bookingLimit, honoured by availability with
// CustomerId, and never overshot by simultaneous bookings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { WEEKDAYS_9_TO_5, clinic, clinicSlot, nextWeekday } from '../support/clinic.js';
import { adminHeaders, api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, startServer, type AvailableTime, type Company, type OnSched, type Reply } from './onsched-client.js';

const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const day = nextWeekday(2, 3); // a Tuesday at least three days ahead
const plusDays = (n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const at = clinicSlot;
const unavailability = (start: number, minutes = 30) => ({ startTime: new Date(start).toISOString(), endTime: new Date(start + minutes * 60_000).toISOString() });

describe.each(backends)('OnSched resource bookingLimit on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const customer = async (email: string) => data(await v3.post('/customer', { firstName: 'Pat', lastName: 'Lee', email }));
  const book = (serviceId: string, resourceId: string, start: number, customerId: string, path = '/appointment', minutes = 30) =>
    v3.post(path, { ServiceId: serviceId, ResourceIds: [resourceId], Unavailability: unavailability(start, minutes), Customer: { id: customerId } });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 600 }));
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('is rendered on every resource (0 = unlimited), set on create and update; a bad value is a 400 naming it that changes nothing', async () => {
    expect(data(await v3.get(`/resource/${R().bob.uid}`))).toMatchObject({ bookingLimit: 0 });
    const created = data(await v3.post('/resource', { name: 'Dana', bookingLimit: 3 }));
    expect(created.bookingLimit).toBe(3);
    expect(data(await v3.put(`/resource/${created.id}`, { BookingLimit: 1 })).bookingLimit).toBe(1); // either casing
    for (const value of [-1, 100_001, 1.5, 'two']) {
      const bad = await v3.put(`/resource/${created.id}`, { bookingLimit: value, name: 'Changed' });
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].field).toBe('bookingLimit');
    }
    expect(data(await v3.get(`/resource/${created.id}`))).toMatchObject({ bookingLimit: 1, name: 'Dana' });
  });

  it('the setup document carries it; a bad one is refused naming the path', async () => {
    const doc = clinic();
    doc.setup!.resources![0] = { ...doc.setup!.resources![0], bookingLimit: 4 };
    const other = await createCompany(app, doc);
    expect(data(await onsched(app, { 'x-api-key': other.apiKey }).get(`/resource/${other.refs.alice.uid}`)).bookingLimit).toBe(4);
    const bad = clinic();
    bad.setup!.resources![0] = { ...bad.setup!.resources![0], bookingLimit: -1 };
    const refused = await api(app.url, 'POST', '/admin/v1/companies', { body: bad, headers: adminHeaders });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('bookingLimit');
  });

  it('counts BK and live holds (not RS) of any service per customer: 422 at the limit, availability leaves the resource out', async () => {
    expect((await v3.put(`/resource/${R().alice.uid}`, { bookingLimit: 2 })).status).toBe(200);
    const pat = await customer('pat.resource@example.com');
    const sam = await customer('sam.resource@example.com');
    expect((await book(R().consult.uid, R().alice.uid, at(day, 0), pat.id)).status).toBe(200);
    expect((await book(R().consult.uid, R().alice.uid, at(day, 1), pat.id, '/appointment/reserve')).status).toBe(200); // RS: not counted
    expect((await book(R().session.uid, R().alice.uid, at(day, 4), pat.id, '/appointment/hold', 60)).status).toBe(200); // another service counts
    const refused = await book(R().consult.uid, R().alice.uid, at(day, 8), pat.id);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ statusCode: 422, name: 'UnprocessableEntityError', errors: [{ field: 'bookingLimit' }] });
    expect(refused.json.message).toContain(R().alice.uid);
    expect((await book(R().consult.uid, R().bob.uid, at(day, 8), pat.id)).status).toBe(200); // Bob has no limit
    expect((await book(R().consult.uid, R().alice.uid, at(day, 8), sam.id)).status).toBe(200); // another customer

    const offered = async (customerId?: string) => new Set((data(await v3.get(`/availability?startDate=${plusDays(1)}&endDate=${plusDays(1)}`
      + `&ServiceId=${R().consult.uid}&roundRobin=NONE${customerId ? `&CustomerId=${customerId}` : ''}`)).availableTimes as AvailableTime[]).flatMap((t) => t.ResourceIds));
    expect(await offered(pat.id)).toEqual(new Set([R().bob.uid]));
    expect(await offered()).toEqual(new Set([R().alice.uid, R().bob.uid]));
    // Without ResourceIds, placement passes over Alice for Pat (found by id or by email): NONE would take the first free, Alice.
    for (const [slot, who] of [[10, { id: pat.id }], [11, { email: 'PAT.resource@example.com', firstName: 'Pat' }]] as const) {
      const placed = await v3.post('/appointment/hold', { ServiceId: R().consult.uid, roundRobin: 'NONE', Unavailability: unavailability(at(plusDays(1), slot)), Customer: who });
      expect(placed.status).toBe(200);
      expect(data(placed).ResourceIds).toEqual([R().bob.uid]);
      expect((await v3.del(`/appointment/${data(placed).id}`)).status).toBe(200);
    }

    const list = data(await v3.get(`/appointments?customerId=${pat.id}&limit=100`));
    const booked = (list.data ?? list).find((a: { status: string; ResourceIds: string[] }) => a.status === 'BK' && a.ResourceIds[0] === R().alice.uid);
    expect((await v3.put(`/appointment/${booked.id}/cancel`, {})).status).toBe(200);
    expect(await offered(pat.id)).toEqual(new Set([R().alice.uid, R().bob.uid]));
    expect((await book(R().consult.uid, R().alice.uid, at(day, 9), pat.id)).status).toBe(200);
    // The reservation becoming BK would make three.
    const reservation = (list.data ?? list).find((a: { status: string }) => a.status === 'RS');
    const confirm = await v3.put(`/appointment/${reservation.id}/confirm`, {});
    expect(confirm.status).toBe(422);
    expect(confirm.json.errors[0].field).toBe('bookingLimit');
    expect(data(await v3.get(`/appointment/${reservation.id}`)).status).toBe('RS');
  });

  it('30 simultaneous bookings by one customer on a resource with bookingLimit 2 give exactly 2', async () => {
    const carol = data(await v3.post('/resource', { name: 'Carol', bookingLimit: 2, weeklyAvailability: Object.keys(WEEKDAYS_9_TO_5).map((_, i) => ({ dayOfWeek: i + 1, startTime: '09:00:00', endTime: '17:00:00' })) }));
    const s = data(await v3.post('/service', { name: 'Carol time', duration: 30, ResourceIds: [carol.id] }));
    const pat = await customer('race.resource@example.com');
    // Thirty different times (sixteen on one day, fourteen on the next): only the limit refuses anything.
    const times = Array.from({ length: 30 }, (_, i) => (i < 16 ? at(plusDays(2), i) : at(plusDays(3), i - 16)));
    const replies = await Promise.all(times.map((t) => book(s.id, carol.id, t, pat.id)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(2);
    const refused = replies.filter((r) => r.status === 422);
    expect(refused).toHaveLength(28);
    for (const r of refused) expect(r.json.errors[0].field).toBe('bookingLimit');
    const list = data(await v3.get(`/appointments?customerId=${pat.id}&limit=100`));
    expect((list.data ?? list).filter((a: { status: string }) => a.status === 'BK')).toHaveLength(2);
  });
});
