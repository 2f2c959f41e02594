// Setup over /v3, so an OnSched integration can manage its own data: locations (zone, primary,
// expirationDelay, business hours), services by scope, resources, customers, weekly allocations
// that become a resource's hours for one service, and unavailability (once and weekly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, bearer, createCompany, offeredAt, onsched, sorted, startServer, wallTime, type AvailableTime, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(3, 9); // a Wednesday at least nine days ahead, so the week before is still ahead too
const weekBefore = new Date(Date.parse(day) - 7 * 86_400_000).toISOString().slice(0, 10);
const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';
/** The instant of a New York wall time, as the API writes it. */
const ny = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: NY }).toUTC().toISO()!;

describe.each(backends)('OnSched setup on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const availability = (service: string, extra = '') => v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${service}&roundRobin=NONE${extra}`);
  const startsOf = (r: Awaited<ReturnType<OnSched['get']>>, resource: string, zone = NY) =>
    (r.json.data.availableTimes as AvailableTime[]).filter((t) => t.ResourceIds.includes(resource)).map((t) => wallTime(t.start_time, zone));

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 300 }));
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('manages locations: a second one with its own zone and hours; the primary cannot be removed', async () => {
    const created = await v3.post('/location', { name: 'Lakeside', timezone: CHICAGO, expirationDelay: 60,
      weeklyAvailability: [{ dayOfWeek: 3, startTime: '08:00:00', endTime: '12:00:00' }, { dayOfWeek: 3, startTime: '13:00', endTime: '18:00' }] });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ object: 'location', name: 'Lakeside', timezone: CHICAGO, primary: false, expirationDelay: 60,
      weeklyAvailability: [{ dayOfWeek: 3, startTime: '08:00:00', endTime: '12:00:00' }, { dayOfWeek: 3, startTime: '13:00:00', endTime: '18:00:00' }] });
    const renamed = await v3.put(`/location/${created.data.id}`, { name: 'Lakeside Clinic' });
    expect(renamed.data).toMatchObject({ name: 'Lakeside Clinic', timezone: CHICAGO });
    expect((await v3.get('/locations')).json.total).toBe(2);
    expect((await v3.post('/location', { name: 'Bad', timezone: 'Lake/Side' })).json.errors[0].field).toBe('timezone');
    expect((await v3.post('/location', { name: 'Bad', weeklyAvailability: [{ dayOfWeek: 1, startTime: '12:00:00', endTime: '09:00:00' }] })).json.errors[0].field)
      .toBe('weeklyAvailability[0].endTime');
    expect((await v3.del(`/location/${R().main.uid}`)).status).toBe(400);
    const gone = await v3.post('/location', { name: 'Pop-up' });
    expect((await v3.del(`/location/${gone.data.id}`)).status).toBe(200);
    expect((await v3.get(`/location/${gone.data.id}`)).status).toBe(404);
    expect((await v3.get('/locations')).json.total).toBe(2);
  });

  it('a company-scope service is bookable at another location, in that location\'s zone; a location-scope one only at its own', async () => {
    const lakeside = (await v3.get('/locations')).json.data.find((l: { primary: boolean }) => !l.primary);
    const carol = await v3.post('/resource', { name: 'Carol', LocationId: lakeside.id, email: 'carol@example.com',
      weeklyAvailability: [{ dayOfWeek: 3, startTime: '09:00:00', endTime: '11:00:00' }] });
    expect(carol.data).toMatchObject({ object: 'resource', LocationId: lakeside.id, bookingsPerSlot: 1 });
    const checkup = await v3.post('/service', { name: 'Check-up', duration: 60, ResourceIds: [R().alice.uid, carol.data.id] });
    expect(checkup.data).toMatchObject({ scope: 'COMPANY', LocationId: R().main.uid, bookingInterval: 60, roundRobin: 'NONE' });
    const there = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${checkup.data.id}&LocationId=${lakeside.id}`);
    expect(there.status).toBe(200);
    expect(Object.keys(there.json.data.availableDays)).toEqual([day]);
    expect(startsOf(there, carol.data.id, CHICAGO)).toEqual(['09:00', '10:00']);
    expect(startsOf(there, R().alice.uid)).toEqual([]); // Alice works at Main St

    const local = await v3.post('/service', { name: 'Lake swim', duration: 30, scope: 'LOCATION', LocationId: lakeside.id });
    expect(local.data).toMatchObject({ scope: 'LOCATION', LocationId: lakeside.id });
    expect((await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${local.data.id}&LocationId=${lakeside.id}`)).status).toBe(200);
    const elsewhere = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${local.data.id}&LocationId=${R().main.uid}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.errors[0].field).toBe('LocationId');
    expect((await v3.post('/service', { name: 'No home', duration: 30, scope: 'LOCATION' })).json.errors[0].field).toBe('LocationId');
    expect((await v3.get(`/services?locationId=${R().main.uid}`)).json.data.map((s: { name: string }) => s.name)).not.toContain('Lake swim');
    expect((await v3.get(`/resources?locationId=${lakeside.id}`)).json.data.map((r: { name: string }) => r.name)).toEqual(['Carol']);
  });

  it('manages customers: a duplicate email is a conflict, and a deleted customer frees its email', async () => {
    const ada = await v3.post('/customer', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15555550100' });
    expect(ada.data).toMatchObject({ object: 'customer', firstName: 'Ada', email: 'ada@example.com' });
    const bea = await v3.post('/customer', { firstName: 'Bea', email: 'bea@example.com' });
    expect((await v3.post('/customer', { firstName: 'Other', email: 'Ada@Example.com' })).status).toBe(409);
    expect((await v3.put(`/customer/${bea.data.id}`, { email: 'ada@example.com' })).status).toBe(409);
    expect((await v3.put(`/customer/${bea.data.id}`, { lastName: 'Smith', phone: null })).data).toMatchObject({ lastName: 'Smith', phone: null });
    expect((await v3.del(`/customer/${ada.data.id}`)).status).toBe(200);
    expect((await v3.get(`/customer/${ada.data.id}`)).status).toBe(404);
    expect((await v3.post('/customer', { firstName: 'Ada', email: 'ada@example.com' })).status).toBe(200);
  });

  it('a weekly allocation becomes the resource\'s hours for that service only, until it is removed', async () => {
    const before = await availability(R().consult.uid);
    expect(startsOf(before, R().alice.uid)).toHaveLength(16);
    const a = await v3.post('/weeklyAllocation', { ResourceId: R().alice.uid, ServiceId: R().consult.uid, daysOfWeek: [3], startTime: '13:00:00', endTime: '15:00:00' });
    expect(a.status).toBe(200);
    expect(a.data).toMatchObject({ object: 'weeklyAllocation', daysOfWeek: [3], startTime: '13:00:00', endTime: '15:00:00' });
    const after = await availability(R().consult.uid);
    expect(startsOf(after, R().alice.uid)).toEqual(['13:00', '13:30', '14:00', '14:30']);
    // A pair allocation puts the service in allocation mode: Bob, with no allocation for it, is not offered.
    expect(startsOf(after, R().bob.uid)).toEqual([]);
    expect(startsOf(await availability(R().session.uid), R().alice.uid)).toHaveLength(8); // another service keeps her own hours
    const refused = await v3.post('/appointment/hold', { ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: ny(day, '10:00'), endTime: ny(day, '10:30') } });
    expect(refused.status).toBe(409);
    expect((await v3.get(`/weeklyAllocations?resourceId=${R().alice.uid}`)).json.total).toBe(1);
    expect((await v3.post('/weeklyAllocation', { ResourceId: R().alice.uid, ServiceId: R().consult.uid, daysOfWeek: [3], startTime: '15:00', endTime: '13:00' })).json.errors[0].field).toBe('endTime');
    expect((await v3.post('/weeklyAllocation', { ResourceId: R().bob.uid, ServiceId: R().session.uid, daysOfWeek: [3], startTime: '09:00', endTime: '12:00' })).json.errors[0].field).toBe('ResourceId');
    expect((await v3.del(`/weeklyAllocation/${a.data.id}`)).status).toBe(200);
    expect(startsOf(await availability(R().consult.uid), R().alice.uid)).toHaveLength(16);
    expect(startsOf(await availability(R().consult.uid), R().bob.uid)).toHaveLength(16);
  });

  it('unavailability blocks a resource once or every week, and removing it frees the time', async () => {
    const once = await v3.post('/unavailability', { ResourceId: R().alice.uid, startTime: ny(day, '10:00'), endTime: ny(day, '11:00'), reason: 'Training' });
    expect(once.data).toMatchObject({ object: 'unavailability', ResourceId: R().alice.uid, recurring: 'NONE', reason: 'Training' });
    // Weekly blocks repeat at the same New York wall time, across a DST change too.
    const weekly = await v3.post('/unavailability', { ResourceId: R().bob.uid, startTime: ny(weekBefore, '12:00'), endTime: ny(weekBefore, '13:00'), recurring: 'WEEKLY' });
    expect(weekly.data.recurring).toBe('WEEKLY');
    const r = await availability(R().consult.uid);
    expect(offeredAt(r, ny(day, '10:00'))).toEqual([R().bob.uid]);
    expect(offeredAt(r, ny(day, '10:30'))).toEqual([R().bob.uid]);
    expect(offeredAt(r, ny(day, '12:30'))).toEqual([R().alice.uid]);
    expect(offeredAt(r, ny(day, '11:00'))).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect((await v3.post('/unavailability', { ResourceId: R().bob.uid, startTime: ny(day, '13:00'), endTime: ny(day, '12:00') })).json.errors[0].field).toBe('endTime');
    expect((await v3.get(`/unavailability?resourceId=${R().bob.uid}`)).json.total).toBe(1);
    expect((await v3.del(`/unavailability/${once.data.id}`)).status).toBe(200);
    expect((await v3.del(`/unavailability/${weekly.data.id}`)).status).toBe(200);
    const freed = await availability(R().consult.uid);
    expect(offeredAt(freed, ny(day, '10:00'))).toEqual(sorted(R().alice.uid, R().bob.uid));
    expect(offeredAt(freed, ny(day, '12:30'))).toEqual(sorted(R().alice.uid, R().bob.uid));
  });
});
