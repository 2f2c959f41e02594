// Unavailability over /v3 on each backend: the calendar (snake_case rows per concrete interval,
// unmerged, scoped by LocationIds/ResourceIds/ServiceId), an array POST, /blocks, setUnavailability-
// Blocks, and recurring blocks (scope in the query, exactly one entity) that availability honours
// across a DST change. Bad input is a 400 naming the field and changes nothing.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, bearer, createCompany, offeredAt, onsched, startServer, type Company, type OnSched, type Reply } from './onsched-client.js';

const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const list = (r: Reply) => { const d = data(r); return Array.isArray(d) ? d : d.data; };
const NY = 'America/New_York';
const day = nextWeekday(3, 3); // a Wednesday
const ny = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: NY }).toUTC().toISO()!;
const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);
interface Row { source: string; entity_type: string; entity_id: string | null; start_time: string; end_time: string; reason: string | null; id: string | null }

describe.each(backends)('OnSched unavailability on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const calendar = async (query: string, path = '/unavailability') => list(await v3.get(`${path}?startDate=${day}&endDate=${day}&timezone=${NY}&${query}`)) as Row[];
  const availability = (service: string, date = day) => v3.get(`/availability?startDate=${date}&endDate=${date}&ServiceId=${service}&roundRobin=NONE&timezone=${NY}`);

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, bearer(await accessToken(app, company)));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('POST with a JSON array creates every block (all or nothing); the calendar lists each interval unmerged', async () => {
    const created = await v3.post('/unavailability', [
      { ResourceId: R().alice.uid, startTime: ny(day, '10:00'), endTime: ny(day, '11:00'), reason: 'Training' },
      { ResourceId: R().alice.uid, startTime: ny(day, '10:30'), endTime: ny(day, '12:00'), reason: 'Overlapping on purpose' },
    ]);
    expect(created.status).toBe(200);
    expect(list(created)).toHaveLength(2);
    const bad = await v3.post('/unavailability', [
      { ResourceId: R().bob.uid, startTime: ny(day, '10:00'), endTime: ny(day, '11:00') },
      { ResourceId: R().bob.uid, startTime: ny(day, '12:00'), endTime: ny(day, '11:00') },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('[1].endTime');
    const hold = await v3.post('/appointment/hold', { ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: ny(day, '14:00'), endTime: ny(day, '14:30') } });
    expect(hold.status).toBe(200);

    const rows = await calendar(`ResourceIds=${R().alice.uid}`);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['end_time', 'entity_id', 'entity_type', 'id', 'reason', 'source', 'start_time']);
    const blocks = rows.filter((r) => r.source === 'block');
    expect(blocks.map((r) => r.reason)).toEqual(['Training', 'Overlapping on purpose']); // not merged
    expect(blocks.every((r) => r.entity_type === 'resource' && r.entity_id === R().alice.uid)).toBe(true);
    const appointment = rows.find((r) => r.source === 'appointment')!;
    expect(same(appointment.start_time, ny(day, '14:00'))).toBe(true);
    expect(appointment.reason).toBe('IN');
    const weekly = rows.filter((r) => r.source === 'weekly');
    expect(weekly.some((r) => same(r.end_time, ny(day, '09:00')))).toBe(true); // closed before 09:00
    expect(weekly.some((r) => same(r.start_time, ny(day, '17:00')))).toBe(true);
    expect(await calendar(`ResourceIds=${R().bob.uid}`)).toEqual(expect.not.arrayContaining([expect.objectContaining({ source: 'block' })])); // the bad array wrote nothing
    expect(await calendar(`ResourceIds=${R().alice.uid}`, '/unavailability/calendar')).toEqual(rows);
    // Scope by location or service reaches the same resources.
    expect((await calendar(`LocationIds=${R().main.uid}`)).filter((r) => r.source === 'block')).toHaveLength(2);
    expect((await calendar(`ServiceId=${R().session.uid}`)).filter((r) => r.source === 'block')).toHaveLength(2); // Session is Alice's
    const none = await v3.get(`/unavailability?startDate=${day}&endDate=${day}`);
    expect(none.status).toBe(400);
    expect(none.json.errors[0].field).toBe('LocationIds');
  });

  it('/blocks lists one entity\'s stored blocks; setUnavailabilityBlocks replaces them; DELETE /blocks/{id}', async () => {
    const blocks = async () => list(await v3.get(`/unavailability/blocks?startDate=${day}&endDate=${day}&ResourceId=${R().alice.uid}`));
    expect(await blocks()).toHaveLength(2);
    const two = await v3.get(`/unavailability/blocks?startDate=${day}&endDate=${day}&ResourceId=${R().alice.uid}&LocationId=${R().main.uid}`);
    expect(two.status).toBe(400);
    const overlapping = await v3.post('/unavailability/setUnavailabilityBlocks', { ResourceId: R().alice.uid, blocks: [
      { startTime: ny(day, '09:00'), endTime: ny(day, '10:00') }, { startTime: ny(day, '09:30'), endTime: ny(day, '10:30') }] });
    expect(overlapping.status).toBe(400);
    expect(overlapping.json.errors[0].field).toBe('blocks[1]');
    expect(await blocks()).toHaveLength(2); // unchanged
    const set = await v3.post('/unavailability/setUnavailabilityBlocks', { ResourceId: R().alice.uid, blocks: [{ startTime: ny(day, '09:00'), endTime: ny(day, '10:00'), reason: 'Team meeting' }] });
    expect(set.status).toBe(200);
    expect(list(set).map((b: { reason: string }) => b.reason)).toEqual(['Team meeting']);
    expect(offeredAt(await availability(R().consult.uid), ny(day, '09:00'))).toEqual([R().bob.uid]);
    expect(offeredAt(await availability(R().consult.uid), ny(day, '10:30'))).toContain(R().alice.uid); // the old blocks are gone
    const id = list(set)[0].id;
    expect((await v3.del(`/unavailability/blocks/${id}`)).status).toBe(200);
    expect(await blocks()).toEqual([]);
  });

  it('a block on a service closes it on every resource, and only that service', async () => {
    const r = await v3.post('/unavailability', [{ ServiceId: R().consult.uid, startTime: ny(day, '15:00'), endTime: ny(day, '16:00'), reason: 'No consults' }]);
    expect(list(r)[0]).toMatchObject({ ServiceId: R().consult.uid, ResourceId: null, LocationId: null });
    expect(offeredAt(await availability(R().consult.uid), ny(day, '15:00'))).toEqual([]);
    const session = data(await availability(R().session.uid)).availableTimes.filter((t: { start_time: string }) => same(t.start_time, ny(day, '15:00')));
    expect(session).toHaveLength(1);
    const row = (await calendar(`ServiceId=${R().consult.uid}`)).find((x) => x.source === 'block' && x.entity_type === 'service');
    expect(row).toMatchObject({ entity_id: R().consult.uid, reason: 'No consults' });
    await v3.del(`/unavailability/blocks/${list(r)[0].id}`);
  });

  it('recurring blocks: scope in the query (exactly one), DST-correct local times, availability and the calendar honour them', async () => {
    const base = '/unavailability/recurringBlock';
    const body = { name: 'Lunch', frequency: 'WEEKLY', interval: 1, startDate: day, weekdays: [3], startTime: '12:00:00', endTime: '13:00:00', iana: NY };
    const created = await v3.post(`${base}?ResourceId=${R().bob.uid}`, body);
    expect(created.status).toBe(200);
    expect(data(created)).toMatchObject({ object: 'recurringBlock', ResourceId: R().bob.uid, LocationId: null, ServiceId: null, frequency: 'WEEKLY', weekdays: [3], startTime: '12:00:00' });
    const r = await availability(R().consult.uid);
    expect(offeredAt(r, ny(day, '12:00'))).toEqual([R().alice.uid]);
    expect(offeredAt(r, ny(day, '13:00')).sort()).toEqual([R().alice.uid, R().bob.uid].sort());
    // Across New York's 2027 spring-forward (March 14th): every Wednesday of March stays at 12:00 local.
    const march = await v3.post(`${base}?ResourceId=${R().alice.uid}`, { ...body, startDate: '2027-03-01', endDate: '2027-03-31' });
    const rows = list(await v3.get(`/unavailability?startDate=2027-03-01&endDate=2027-03-31&timezone=${NY}&ResourceIds=${R().alice.uid}`)) as Row[];
    const lunches = rows.filter((x) => x.source === 'recurring');
    expect(lunches.map((x) => DateTime.fromISO(x.start_time, { zone: NY }).toFormat('dd ccc HH:mm'))).toEqual(['03 Wed 12:00', '10 Wed 12:00', '17 Wed 12:00', '24 Wed 12:00', '31 Wed 12:00']);
    expect(new Set(lunches.map((x) => x.start_time.slice(11, 16)))).toEqual(new Set(['17:00', '16:00'])); // EST, then EDT
    await v3.del(`${base}/${data(march).id}`);
    const row = (await calendar(`ResourceIds=${R().bob.uid}`)).find((x) => x.source === 'recurring')!;
    expect(row).toMatchObject({ entity_type: 'resource', entity_id: R().bob.uid, reason: 'Lunch', id: data(created).id });
    expect(list(await v3.get(`${base}?ResourceId=${R().bob.uid}`))).toHaveLength(1);
    const moved = await v3.put(`${base}/${data(created).id}`, { startTime: '16:00:00', endTime: '17:00:00' });
    expect(data(moved)).toMatchObject({ startTime: '16:00:00', frequency: 'WEEKLY' });
    expect(offeredAt(await availability(R().consult.uid), ny(day, '12:00')).sort()).toEqual([R().alice.uid, R().bob.uid].sort());

    const bad: Array<[string, unknown, string]> = [
      [`?ResourceId=${R().bob.uid}`, { ...body, frequency: 'HOURLY' }, 'frequency'],
      [`?ResourceId=${R().bob.uid}`, { ...body, weekdays: [7] }, 'weekdays[0]'],
      [`?ResourceId=${R().bob.uid}`, { ...body, interval: 0 }, 'interval'],
      [`?ResourceId=${R().bob.uid}`, { ...body, endDate: '2000-01-01' }, 'endDate'],
      [`?ResourceId=${R().bob.uid}`, { ...body, iana: 'Mars/Olympus' }, 'iana'],
      [`?ResourceId=${R().bob.uid}&LocationId=${R().main.uid}`, body, 'LocationId'],
      ['', body, 'ResourceId'],
    ];
    for (const [query, b, field] of bad) {
      const r = await v3.post(`${base}${query}`, b);
      expect(r.status, JSON.stringify(b)).toBe(400);
      expect(r.json.errors[0].field).toBe(field);
    }
    expect(list(await v3.get(`${base}?ResourceId=${R().bob.uid}`))).toHaveLength(1); // nothing more was written
    const monthly = await v3.post(`${base}?LocationId=${R().main.uid}`, { frequency: 'MONTHLY', interval: 1, startDate: day, startTime: '09:00:00', endTime: '10:00:00' });
    expect(data(monthly)).toMatchObject({ LocationId: R().main.uid, iana: NY, dayOfMonth: null });
    expect(offeredAt(await availability(R().consult.uid), ny(day, '09:00'))).toEqual([]); // the location's first-of-the-series day
    expect(list(await v3.del(`${base}?LocationId=${R().main.uid}`))).toHaveLength(1);
    expect((await v3.del(`${base}/${data(created).id}`)).status).toBe(200);
    expect((await v3.get(`${base}/${data(created).id}`)).status).toBe(404);
  });
});
