// Resource–service links and weekly hours over /v3 on each backend: a linked service is offered only
// by its linked resources; links live at the resource's location; weekly hours of locations and
// resources are read and replaced as {dayOfWeek, startTime, endTime} rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { adminHeaders, api } from '../support/server.js';
import { accessToken, bearer, createCompany, onsched, startServer, type AvailableTime, type Company, type OnSched, type Reply } from './onsched-client.js';

const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const day = nextWeekday(1, 3); // a Monday

describe.each(backends)('OnSched links and weekly hours on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const offeredBy = async (service: string) => new Set((data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${service}&roundRobin=NONE`))
    .availableTimes as AvailableTime[]).flatMap((t) => t.ResourceIds));

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it("the setup document's service resources are links; POST/GET/DELETE /resource/{id}/services change who is offered", async () => {
    const alice = data(await v3.get(`/resource/${R().alice.uid}/services`));
    expect(alice.map((s: { id: string }) => s.id).sort()).toEqual([R().consult.uid, R().session.uid].sort());
    expect(alice[0]).toMatchObject({ name: expect.any(String), duration: expect.any(Number), LocationId: R().main.uid });
    expect(await offeredBy(R().session.uid)).toEqual(new Set([R().alice.uid])); // Bob is not linked to Session

    const linked = await v3.post(`/resource/${R().bob.uid}/services`, { ServiceId: R().session.uid, LocationId: R().main.uid });
    expect(linked.status).toBe(200);
    expect(data(linked).map((s: { id: string }) => s.id)).toContain(R().session.uid);
    expect(await offeredBy(R().session.uid)).toEqual(new Set([R().alice.uid, R().bob.uid]));
    expect((await v3.post(`/resource/${R().bob.uid}/services`, { ServiceId: R().session.uid })).status).toBe(200); // idempotent

    expect((await v3.del(`/resource/${R().bob.uid}/services/${R().session.uid}`)).status).toBe(200);
    expect(await offeredBy(R().session.uid)).toEqual(new Set([R().alice.uid]));
    expect((await v3.del(`/resource/${R().alice.uid}/services?ServiceId=${R().consult.uid}`)).status).toBe(200);
    expect(await offeredBy(R().consult.uid)).toEqual(new Set([R().bob.uid]));
    const notLinked = await v3.del(`/resource/${R().alice.uid}/services?ServiceId=${R().consult.uid}`);
    expect(notLinked.status).toBe(400);
    expect(notLinked.json.errors[0].field).toBe('ServiceId');
  });

  it('a link names the resource\'s own location; another location is a 400 naming LocationId and links nothing', async () => {
    const elsewhere = data(await v3.post('/location', { name: 'Elsewhere', timezone: 'America/Chicago' }));
    const r = await v3.post(`/resource/${R().bob.uid}/services`, { ServiceId: R().session.uid, LocationId: elsewhere.id });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].field).toBe('LocationId');
    expect(data(await v3.get(`/resource/${R().bob.uid}/services`)).map((s: { id: string }) => s.id)).not.toContain(R().session.uid);
    expect((await v3.post(`/resource/${R().bob.uid}/services`, {})).json.errors[0].field).toBe('ServiceId');
  });

  it('weekly availability of a resource and a location: GET rows, POST replaces them (bare array or wrapped)', async () => {
    expect(data(await v3.get(`/resource/${R().bob.uid}/weeklyAvailability`))).toContainEqual({ dayOfWeek: 1, startTime: '09:00:00', endTime: '17:00:00' });
    const set = await v3.post(`/resource/${R().bob.uid}/weeklyAvailability`, [{ dayOfWeek: 1, startTime: '10:00:00', endTime: '12:00:00' }]);
    expect(set.status).toBe(200);
    expect(data(set)).toEqual([{ dayOfWeek: 1, startTime: '10:00:00', endTime: '12:00:00' }]);
    const times = data(await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${R().consult.uid}&ResourceIds=${R().bob.uid}`)).availableTimes;
    expect(times).toHaveLength(4); // 10:00–12:00 in half hours
    const location = await v3.post(`/location/${R().main.uid}/weeklyAvailability`, { weeklyAvailability: [{ dayOfWeek: 2, startTime: '08:00:00', endTime: '18:00:00' }] });
    expect(data(location)).toEqual([{ dayOfWeek: 2, startTime: '08:00:00', endTime: '18:00:00' }]);
    expect(data(await v3.get(`/location/${R().main.uid}/weeklyAvailability`))).toEqual(data(location));
    for (const [body, field] of [
      [[{ dayOfWeek: 8, startTime: '10:00:00', endTime: '12:00:00' }], '[0].dayOfWeek'],
      [[{ dayOfWeek: 1, startTime: '12:00:00', endTime: '10:00:00' }], 'weeklyAvailability[0].endTime'],
      [[{ dayOfWeek: 1, startTime: '09:00:00', endTime: '12:00:00' }, { dayOfWeek: 1, startTime: '11:00:00', endTime: '13:00:00' }], 'weeklyAvailability'],
    ] as const) {
      const bad = await v3.post(`/resource/${R().bob.uid}/weeklyAvailability`, body);
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].field).toBe(field);
    }
    expect(data(await v3.get(`/resource/${R().bob.uid}/weeklyAvailability`))).toEqual([{ dayOfWeek: 1, startTime: '10:00:00', endTime: '12:00:00' }]);
  });

  it('the setup document carries allocations, recurring blocks and service blocks; a bad one names its path', async () => {
    const doc = clinic();
    doc.setup!.allocations = [{ service: 'session', weeklyAvailability: [{ dayOfWeek: 1, startTime: '13:00', endTime: '15:00' }] }];
    doc.setup!.recurringBlocks = [{ resource: 'bob', frequency: 'WEEKLY', interval: 1, startDate: '2026-01-05', weekdays: [1], startTime: '09:00', endTime: '10:00', name: 'Stand-up' }];
    doc.setup!.blocks = [{ service: 'consult', start: `${day}T16:00:00`, end: `${day}T17:00:00`, notes: 'Closed for consults' }];
    const other = await createCompany(app, doc);
    const api2 = onsched(app, { 'x-api-key': other.apiKey });
    const allocations = data(await api2.get(`/weeklyAllocation?ServiceId=${other.refs.session.uid}`));
    expect((allocations.data ?? allocations)[0]).toMatchObject({ ServiceId: other.refs.session.uid, weeklyAvailability: [{ dayOfWeek: 1, startTime: '13:00:00', endTime: '15:00:00' }] });
    const recurring = data(await api2.get(`/unavailability/recurringBlock?ResourceId=${other.refs.bob.uid}`));
    expect(recurring[0]).toMatchObject({ name: 'Stand-up', iana: 'America/New_York', frequency: 'WEEKLY' });
    const times = (service: string) => api2.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${service}&roundRobin=NONE&timezone=America/New_York`);
    const session = data(await times(other.refs.session.uid)).availableTimes as AvailableTime[];
    expect(session.map((t) => t.start_time.slice(11, 16))).toHaveLength(2); // 13:00 and 14:00 only
    const consult = data(await times(other.refs.consult.uid)).availableTimes as AvailableTime[];
    expect(consult.filter((t) => t.ResourceIds.includes(other.refs.bob.uid) && t.start_time.includes('T09:00'))).toEqual([]); // stand-up
    expect(consult.some((t) => t.start_time.includes('T16:'))).toBe(false); // the service block, 16:00–17:00 New York

    const bad = clinic();
    bad.setup!.allocations = [{ service: 'session', weeklyAvailability: [{ dayOfWeek: 9, startTime: '13:00', endTime: '15:00' }] }];
    const refused = await api(app.url, 'POST', '/admin/v1/companies', { body: bad, headers: adminHeaders });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('setup.allocations[0].weeklyAvailability[0].dayOfWeek');
    const bad2 = clinic();
    bad2.setup!.recurringBlocks = [{ resource: 'bob', location: 'main', frequency: 'HOURLY', interval: 1, startDate: '2026-01-05' }];
    expect((await api(app.url, 'POST', '/admin/v1/companies', { body: bad2, headers: adminHeaders })).text).toContain('"field":"setup.recurringBlocks[0].resource"');
  });
});
