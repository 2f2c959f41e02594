// Decision 5 of the OnSched reference, over HTTP on every backend: date-only bounds in `timezone`
// (default UTC), roundRobin absent → the service's own mode, the v1 digits, NONE and COMBINED,
// interval, firstAvailable, ignoreExternalEvents, allowPaddingOverflow and CustomerId.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, offeredAt, onsched, sorted, startServer, type AvailableTime, type Company, type OnSched, type Reply } from './onsched-client.js';

const day = nextWeekday(3);
const times = (r: Reply): AvailableTime[] => r.json.data.availableTimes;

describe.each(backends)('OnSched availability parameters on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const avail = (query: string, service = R().consult.uid) => v3.get(`/availability?ServiceId=${service}&${query}`);

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('date-only bounds are whole days in UTC by default, and in `timezone` when given', async () => {
    // New York's 09:00–17:00 is 14:00–22:00 (or 13:00–21:00) UTC: all inside the UTC day.
    const utc = await avail(`startDate=${day}&endDate=${day}&roundRobin=NONE`);
    expect(utc.status, utc.text).toBe(200);
    expect(times(utc)).toHaveLength(16);
    // A Tokyo day runs 15:00 UTC the evening before to 15:00 UTC: it opens with the previous New
    // York afternoon (a Tuesday, also working) and ends with the first New York times of the day.
    const tokyo = await avail(`startDate=${day}&endDate=${day}&roundRobin=NONE&timezone=Asia/Tokyo`);
    expect(Date.parse(times(tokyo)[0].start_time)).toBe(Date.parse(`${day}T00:00:00+09:00`));
    expect(times(tokyo).every((t) => Date.parse(t.start_time) < Date.parse(`${day}T23:59:59+09:00`))).toBe(true);
    expect(Object.keys(tokyo.json.data.availableDays)).toEqual([day]);
    expect(times(tokyo)[0].start_time).toMatch(/\+09:00$/);
  });

  it('roundRobin absent follows the service (BALANCED: one person per time), even with ResourceIds', async () => {
    const both = `&ResourceIds=${R().alice.uid}&ResourceIds=${R().bob.uid}`;
    for (const r of [await avail(`startDate=${day}&endDate=${day}`), await avail(`startDate=${day}&endDate=${day}${both}`)]) {
      expect(times(r).length).toBe(16);
      for (const t of times(r)) expect(t.ResourceIds).toHaveLength(1);
    }
  });

  it('the v1 digits 0/1/2 mean NONE/RANDOM/BALANCED; NONE lists every free person per time', async () => {
    const none = await avail(`startDate=${day}&endDate=${day}&roundRobin=0`);
    expect(times(none).every((t) => sorted(...t.ResourceIds).join() === sorted(R().alice.uid, R().bob.uid).join())).toBe(true);
    for (const digit of ['1', '2']) expect(times(await avail(`startDate=${day}&endDate=${day}&roundRobin=${digit}`)).every((t) => t.ResourceIds.length === 1)).toBe(true);
    expect((await avail(`startDate=${day}&endDate=${day}&roundRobin=3`)).status).toBe(400);
  });

  it('COMBINED offers a time only when every requested person is free', async () => {
    const start = times(await avail(`startDate=${day}&endDate=${day}&roundRobin=NONE`))[2].start_time;
    const held = await v3.post('/appointment/hold', { ServiceId: R().consult.uid, ResourceIds: [R().alice.uid], Unavailability: { startTime: start } });
    expect(held.status).toBe(200);
    const combined = await avail(`startDate=${day}&endDate=${day}&roundRobin=COMBINED&ResourceIds=${R().alice.uid}&ResourceIds=${R().bob.uid}`);
    expect(offeredAt(combined, start)).toEqual([]);
    expect(times(combined)).toHaveLength(15);
    expect(offeredAt(await avail(`startDate=${day}&endDate=${day}&roundRobin=NONE`), start)).toEqual([R().bob.uid]);
    await v3.del(`/appointment/${held.data.id}`);
  });

  it('interval sets the step between offered starts', async () => {
    const r = await avail(`startDate=${day}&endDate=${day}&roundRobin=NONE&interval=60`);
    expect(times(r)).toHaveLength(8);
  });

  it('firstAvailable moves an empty window forward to the first day with a free time', async () => {
    const saturday = nextWeekday(6);
    const empty = await avail(`startDate=${saturday}&endDate=${saturday}`);
    expect(times(empty)).toHaveLength(0);
    const moved = await avail(`startDate=${saturday}&endDate=${saturday}&firstAvailable=true&timezone=America/New_York`);
    expect(moved.status, moved.text).toBe(200);
    const days = Object.keys(moved.json.data.availableDays);
    expect(days).toEqual([nextWeekday(1, 0, Date.parse(`${saturday}T12:00:00Z`))]); // the Monday after
    expect(times(moved)).toHaveLength(16);
  });

  it('allowPaddingOverflow lets padding after the last time run past closing', async () => {
    const padded = await v3.post('/service', { name: 'Padded', duration: 30, bookingInterval: 30, paddingAfter: 30, ResourceIds: [R().alice.uid] });
    const without = times(await avail(`startDate=${day}&endDate=${day}`, padded.data.id));
    const withOverflow = times(await avail(`startDate=${day}&endDate=${day}&allowPaddingOverflow=true`, padded.data.id));
    expect(withOverflow.length).toBe(without.length + 1);
    const last = withOverflow[withOverflow.length - 1].start_time;
    expect((await v3.post(`/appointment/hold?ServiceId=${padded.data.id}`, { Unavailability: { startTime: last } })).status).toBe(409);
    const ok = await v3.post(`/appointment/hold?ServiceId=${padded.data.id}&allowPaddingOverflow=true`, { Unavailability: { startTime: last } });
    expect(ok.status, ok.text).toBe(200);
  });

  it('allowPaddingOverflow chosen at hold or reserve is remembered: a reschedule without it may still overflow, and the booking follows', async () => {
    const padded = await v3.post('/service', { name: 'Padded later', duration: 30, bookingInterval: 30, paddingAfter: 30, ResourceIds: [R().bob.uid] });
    const other = nextWeekday(4);
    const open = times(await avail(`startDate=${other}&endDate=${other}&allowPaddingOverflow=true`, padded.data.id)).map((t) => t.start_time);
    const [last, first] = [open[open.length - 1], open[0]];
    const move = (id: string) => v3.put(`/appointment/${id}/reschedule`, { Unavailability: { startTime: last } });
    // A reservation made without it may not move there (it stays where it was, two steps later).
    const plain = await v3.post(`/appointment/reserve?ServiceId=${padded.data.id}`, { Unavailability: { startTime: open[2] } });
    expect(plain.status, plain.text).toBe(200);
    expect((await move(plain.data.id)).status).toBe(409);
    const hold = await v3.post(`/appointment/hold?ServiceId=${padded.data.id}&allowPaddingOverflow=true`, { Unavailability: { startTime: first } });
    expect(hold.status, hold.text).toBe(200);
    const moved = await move(hold.data.id);
    expect(moved.status, moved.text).toBe(200);
    expect(moved.data).toMatchObject({ status: 'IN', startTime: expect.any(String) });
    expect(Date.parse(moved.data.startTime)).toBe(Date.parse(last));
    const booked = await v3.put(`/appointment/${moved.data.id}/book`, { Customer: { firstName: 'Pat', lastName: 'Padding', email: 'pat@example.com' } });
    expect(booked.status, booked.text).toBe(200);
    expect(booked.data.status).toBe('BK');
  });

  it('ignoreExternalEvents and CustomerId are read (and checked) like every other parameter', async () => {
    const customer = await v3.post('/customer', { firstName: 'Cy', lastName: 'Customer', email: 'cy@example.com' });
    const r = await avail(`startDate=${day}&endDate=${day}&syncExternal=true&ignoreExternalEvents=true&CustomerId=${customer.data.id}`);
    expect(r.status, r.text).toBe(200);
    expect((await avail(`startDate=${day}&endDate=${day}&CustomerId=42`)).json.errors[0].field).toBe('CustomerId');
    expect((await avail(`startDate=${day}&endDate=${day}&ignoreExternalEvents=maybe`)).json.errors[0].field).toBe('ignoreExternalEvents');
  });
});
