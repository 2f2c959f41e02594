// Weekly and single allocations over /v3 on each backend, with the documentation's own bodies:
// service, resource and pair scopes each switch their entity to allocation mode; setWeekly/
// setSingleAllocations replace a scope's set; a pair's bookingsPerSlot is concurrent capacity;
// bad input is a 400 naming the field and changes nothing.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, bearer, createCompany, onsched, startServer, wallTime, type AvailableTime, type Company, type OnSched, type Reply } from './onsched-client.js';

const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const list = (r: Reply) => { const d = data(r); return Array.isArray(d) ? d : d.data; };
const NY = 'America/New_York';
const day = nextWeekday(1, 3); // a Monday (dayOfWeek 1)
const ny = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: NY }).toUTC().toISO()!;

describe.each(backends)('OnSched allocations on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const starts = async (service: string, resource: string, date = day) => {
    const r = data(await v3.get(`/availability?startDate=${date}&endDate=${date}&ServiceId=${service}&roundRobin=NONE&timezone=${NY}`));
    return (r.availableTimes as AvailableTime[]).filter((t) => t.ResourceIds.includes(resource)).map((t) => wallTime(t.start_time, NY));
  };
  const newService = async (name: string) => data(await v3.post('/service', { name, duration: 60, ResourceIds: [R().alice.uid, R().bob.uid] })).id as string;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it("the guide's service-scope body succeeds and puts the service in allocation mode for every linked resource", async () => {
    const service = await newService('Allocated');
    expect(await starts(service, R().alice.uid)).toHaveLength(8);
    const created = await v3.post('/weeklyAllocation', { ServiceId: service, weeklyAvailability: [
      { dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }, { dayOfWeek: 1, startTime: '13:00:00', endTime: '17:00:00' }] });
    expect(created.status).toBe(200);
    expect(data(created)).toMatchObject({ object: 'weeklyAllocation', ServiceId: service, ResourceId: null, bookingsPerSlot: null,
      weeklyAvailability: [{ dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }, { dayOfWeek: 1, startTime: '13:00:00', endTime: '17:00:00' }] });
    expect(await starts(service, R().alice.uid)).toEqual(['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']);
    expect(await starts(service, R().bob.uid)).toEqual(['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']);
    const id = data(created).id;
    expect(data(await v3.get(`/weeklyAllocation/${id}`)).id).toBe(id);
    expect(list(await v3.get(`/weeklyAllocation?ServiceId=${service}`)).map((a: { id: string }) => a.id)).toEqual([id]);
    expect(list(await v3.get(`/weeklyAllocation?ResourceId=${R().alice.uid}`))).toEqual([]);
    expect((await v3.del(`/weeklyAllocation/${id}`)).status).toBe(200);
    expect((await v3.get(`/weeklyAllocation/${id}`)).status).toBe(404);
    expect(await starts(service, R().alice.uid)).toHaveLength(8); // back to schedule mode
  });

  it('a pair allocation wins over the service-wide one for its resource; its bookingsPerSlot is concurrent capacity', async () => {
    const service = await newService('Paired');
    await v3.post('/weeklyAllocation', { ServiceId: service, weeklyAvailability: [{ dayOfWeek: 1, startTime: '09:00:00', endTime: '11:00:00' }] });
    const pair = await v3.post('/weeklyAllocation', { ServiceId: service, ResourceId: R().bob.uid, bookingsPerSlot: 2,
      weeklyAvailability: [{ dayOfWeek: 1, startTime: '14:00:00', endTime: '16:00:00' }] });
    expect(data(pair)).toMatchObject({ ServiceId: service, ResourceId: R().bob.uid, bookingsPerSlot: 2 });
    expect(await starts(service, R().alice.uid)).toEqual(['09:00', '10:00']);
    expect(await starts(service, R().bob.uid)).toEqual(['14:00', '15:00']);
    const hold = () => v3.post('/appointment/hold', { ServiceId: service, ResourceIds: [R().bob.uid], Unavailability: { startTime: ny(day, '14:00'), endTime: ny(day, '15:00') } });
    expect((await hold()).status).toBe(200);
    expect((await hold()).status).toBe(200);
    expect((await hold()).status).toBe(409);
  });

  it('a resource-scope allocation is the resource\'s hours for every service; setWeeklyAllocations replaces its set', async () => {
    const service = await newService('Resource-allocated');
    const first = await v3.post('/weeklyAllocation', { ResourceId: R().alice.uid, weeklyAvailability: [{ dayOfWeek: 1, startTime: '10:00:00', endTime: '12:00:00' }] });
    expect(first.status).toBe(200);
    expect(await starts(service, R().alice.uid)).toEqual(['10:00', '11:00']);
    expect(await starts(service, R().bob.uid)).toEqual(expect.arrayContaining(['09:00', '16:00'])); // Bob keeps his own hours
    const set = await v3.post('/weeklyAllocation/setWeeklyAllocations', { ResourceId: R().alice.uid,
      weeklyAvailability: [{ dayOfWeek: 1, startTime: '15:00:00', endTime: '17:00:00' }] });
    expect(set.status).toBe(200);
    expect(list(set)).toHaveLength(1);
    expect(list(await v3.get(`/weeklyAllocation?ResourceId=${R().alice.uid}`))).toHaveLength(1);
    expect(await starts(service, R().alice.uid)).toEqual(['15:00', '16:00']);
    await v3.del(`/weeklyAllocation/${list(set)[0].id}`);
  });

  it('bad weekly input is a 400 naming the field and changes nothing', async () => {
    const service = await newService('Strict');
    const cases: Array<[unknown, string]> = [
      [{ ServiceId: service, weeklyAvailability: [{ dayOfWeek: 7, startTime: '09:00:00', endTime: '10:00:00' }] }, 'weeklyAvailability[0].dayOfWeek'],
      [{ ServiceId: service, weeklyAvailability: [{ dayOfWeek: 1, startTime: '12:00:00', endTime: '09:00:00' }] }, 'weeklyAvailability[0].endTime'],
      [{ ServiceId: service, weeklyAvailability: [{ dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }, { dayOfWeek: 1, startTime: '11:00:00', endTime: '13:00:00' }] }, 'weeklyAvailability[1]'],
      [{ weeklyAvailability: [{ dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }] }, 'ServiceId'],
      [{ ServiceId: service }, 'weeklyAvailability'],
    ];
    for (const [body, field] of cases) {
      for (const path of ['/weeklyAllocation', '/weeklyAllocation/setWeeklyAllocations']) {
        const r = await v3.post(path, body);
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(r.json.errors[0].field).toBe(field);
      }
    }
    expect(list(await v3.get(`/weeklyAllocation?ServiceId=${service}`))).toEqual([]);
    expect(await starts(service, R().alice.uid)).toHaveLength(8);
  });

  it('single allocations: a range (across midnight too) opens that time in allocation mode; PUT, set and delete', async () => {
    const service = await newService('One-off');
    const sunday = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    const created = await v3.post('/singleAllocation', { ServiceId: service, startDate: ny(sunday, '22:00'), endDate: ny(day, '02:00'), description: 'Night shift' });
    expect(created.status).toBe(200);
    const one = data(created);
    expect(one).toMatchObject({ object: 'singleAllocation', ServiceId: service, ResourceId: null, description: 'Night shift', bookingsPerSlot: null });
    expect(Date.parse(one.startDate)).toBe(Date.parse(ny(sunday, '22:00')));
    expect(await starts(service, R().alice.uid, sunday)).toEqual(['22:00', '23:00']);
    expect(await starts(service, R().alice.uid)).toEqual(['00:00', '01:00']); // the Monday's own hours do not count in allocation mode
    const moved = await v3.put(`/singleAllocation/${one.id}`, { endDate: ny(day, '01:00') });
    expect(Date.parse(data(moved).endDate)).toBe(Date.parse(ny(day, '01:00')));
    expect((await v3.put(`/singleAllocation/${one.id}`, { endDate: ny(sunday, '21:00') })).json.errors[0].field).toBe('endDate');
    expect(list(await v3.get(`/singleAllocation?ServiceId=${service}&startDate=${day}&endDate=${day}`))).toHaveLength(1);
    expect(list(await v3.get(`/singleAllocation?ServiceId=${service}&startDate=2020-01-01&endDate=2020-01-02`))).toEqual([]);

    const overlapping = await v3.post('/singleAllocation/setSingleAllocations', { ServiceId: service, singleAllocations: [
      { startDate: ny(day, '09:00'), endDate: ny(day, '11:00') }, { startDate: ny(day, '10:00'), endDate: ny(day, '12:00') }] });
    expect(overlapping.status).toBe(400);
    expect(overlapping.json.errors[0].field).toBe('singleAllocations[1]');
    expect(list(await v3.get(`/singleAllocation?ServiceId=${service}`))).toHaveLength(1); // unchanged
    const set = await v3.post('/singleAllocation/setSingleAllocations', { ServiceId: service, singleAllocations: [
      { startDate: ny(day, '09:00'), endDate: ny(day, '11:00') }, { startDate: ny(day, '15:00'), endDate: ny(day, '16:00') }] });
    expect(list(set)).toHaveLength(2);
    expect(await starts(service, R().alice.uid)).toEqual(['09:00', '10:00', '15:00']);
    for (const a of list(set)) expect((await v3.del(`/singleAllocation/${a.id}`)).status).toBe(200);
    expect(await starts(service, R().alice.uid)).toHaveLength(8);
    expect((await v3.post('/singleAllocation', { ServiceId: service, startDate: ny(day, '10:00'), endDate: ny(day, '09:00') })).json.errors[0].field).toBe('endDate');
  });

  it('GET /weeklyAllocation with startDate/endDate lists the patterns with a window in that range, in their zone', async () => {
    const service = await newService('Dated');
    const monday = data(await v3.post('/weeklyAllocation', { ServiceId: service, ResourceId: R().alice.uid,
      weeklyAvailability: [{ dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }] })).id;
    // 23:00–23:30 New York on a Tuesday is Wednesday in UTC.
    const lateTuesday = data(await v3.post('/weeklyAllocation', { ServiceId: service, ResourceId: R().bob.uid,
      weeklyAvailability: [{ dayOfWeek: 2, startTime: '23:00:00', endTime: '23:30:00' }] })).id;
    const ids = async (query: string) => list(await v3.get(`/weeklyAllocation?ServiceId=${service}&${query}`)).map((a: { id: string }) => a.id);
    const plus = (n: number) => DateTime.fromISO(day).plus({ days: n }).toISODate()!;
    expect(await ids(`startDate=${day}&endDate=${day}`)).toEqual([monday]);
    expect(await ids(`startDate=${plus(1)}&endDate=${plus(1)}`)).toEqual([]); // Tuesday in UTC: before 23:00 New York
    expect(await ids(`startDate=${plus(2)}&endDate=${plus(2)}`)).toEqual([lateTuesday]);
    expect(await ids(`startDate=${plus(1)}&endDate=${plus(7)}`)).toEqual([monday, lateTuesday]); // a week holds every pattern
    expect(await ids(`startDate=${encodeURIComponent(ny(day, '12:00'))}&endDate=${encodeURIComponent(ny(day, '13:00'))}`)).toEqual([]);
    expect(await ids(`startDate=${encodeURIComponent(ny(day, '11:30'))}&endDate=${encodeURIComponent(ny(day, '13:00'))}`)).toEqual([monday]);
    expect(await ids(`startDate=${day}`)).toEqual([monday, lateTuesday]); // one bound alone filters nothing
    const total = await v3.get(`/weeklyAllocation?ServiceId=${service}&startDate=${day}&endDate=${day}&limit=1`);
    expect(data(total).total ?? total.json.total).toBe(1);
    for (const [query, field] of [[`startDate=${plus(1)}&endDate=${day}`, 'endDate'], [`startDate=monday&endDate=${day}`, 'startDate']] as const) {
      const bad = await v3.get(`/weeklyAllocation?ServiceId=${service}&${query}`);
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].field).toBe(field);
    }
  });
});
