// Decision 6 of the OnSched reference, over HTTP on every backend: GET /v3/appointments pages with
// page/limit and reads the date-only from/to in the location's zone, else the requested resources'
// shared zone, else the company's; startDate/endDate are aliases; /appointments/filter adds status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(3);
const dayBefore = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
const everyDay = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00:00', endTime: '17:00:00' }));

describe.each(backends)('OnSched appointment list on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let kenji: string;
  let tea: string;
  let booked: string;
  const R = () => company.refs;
  const ids = async (query: string, path = '/appointments') => {
    const r = await v3.get(`${path}?${query}`);
    expect(r.status, r.text).toBe(200);
    return (r.json.data as Array<{ id: string }>).map((a) => a.id);
  };

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
    // Kenji works in Tokyo: 10:00 there on `day` is the evening before in New York (the company's zone).
    kenji = (await v3.post('/resource', { name: 'Kenji', timezone: 'Asia/Tokyo', weeklyAvailability: everyDay })).data.id;
    tea = (await v3.post('/service', { name: 'Tea', duration: 60, ResourceIds: [kenji] })).data.id;
    const b = await v3.post(`/appointment?ServiceId=${tea}`, { Unavailability: { startTime: `${day}T10:00:00+09:00` }, Customer: { firstName: 'Ai', lastName: 'Sato', email: 'ai@example.com' } });
    expect(b.status, b.text).toBe(200);
    booked = b.data.id;
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it("with resourceIds alone, dates are read in the resources' shared zone (Tokyo)", async () => {
    expect(await ids(`resourceIds=${kenji}&from=${day}&to=${day}`)).toEqual([booked]);
    expect(await ids(`resourceIds=${kenji}&from=${dayBefore}&to=${dayBefore}`)).toEqual([]);
  });

  it("with a location, in the location's zone; with neither, in the company's (both New York)", async () => {
    expect(await ids(`locationId=${R().main.uid}&from=${dayBefore}&to=${dayBefore}`)).toEqual([booked]);
    expect(await ids(`locationId=${R().main.uid}&from=${day}&to=${day}`)).toEqual([]);
    expect(await ids(`serviceIds=${tea}&from=${dayBefore}&to=${dayBefore}`)).toEqual([booked]);
    expect(await ids(`serviceIds=${tea}&from=${day}`)).toEqual([]);
  });

  it('startDate/endDate are aliases of from/to; two different values are a 400', async () => {
    expect(await ids(`serviceIds=${tea}&startDate=${dayBefore}&endDate=${dayBefore}`)).toEqual([booked]);
    const both = await v3.get(`/appointments?from=${day}&startDate=${dayBefore}`);
    expect(both.status).toBe(400);
    expect(both.json.errors[0].field).toBe('from');
    expect((await v3.get('/appointments?from=yesterday')).json.errors[0].field).toBe('from');
  });

  it('/appointments/filter narrows by one or several statuses', async () => {
    const hold = await v3.post(`/appointment/hold?ServiceId=${tea}`, { Unavailability: { startTime: `${day}T12:00:00+09:00` } });
    const cancelled = await v3.post(`/appointment?ServiceId=${tea}`, { Unavailability: { startTime: `${day}T14:00:00+09:00` }, Customer: { id: (await v3.get(`/appointment/${booked}`)).data.CustomerId } });
    expect((await v3.put(`/appointment/${cancelled.data.id}/cancel`)).status).toBe(200);
    expect(await ids(`status=IN&serviceIds=${tea}`, '/appointments/filter')).toEqual([hold.data.id]);
    expect(await ids(`status=BK&status=CN&serviceIds=${tea}`, '/appointments/filter')).toEqual([booked, cancelled.data.id]);
    expect(await ids(`status=BK,IN&serviceIds=${tea}&from=${day}&resourceIds=${kenji}`, '/appointments/filter')).toEqual([booked, hold.data.id]);
    const page = await v3.get(`/appointments/filter?serviceIds=${tea}&limit=2&page=2`);
    expect(page.json).toMatchObject({ success: true, object: 'list', page: 2, limit: 2, count: 1, total: 3, hasMore: false });
    expect((await v3.get('/appointments/filter?status=XX')).json.errors[0].field).toBe('status[0]');
  });
});
