// External calendars end to end, against a real HTTP server publishing an ICS feed: the feed is
// read right after the company is created; OnSched availability subtracts it with syncExternal=true
// and not with false; Acuity availability and bookings always respect it and admin=true books over
// it; an OnSched booking re-checks it; a feed that goes down keeps its last good busy times and shows
// its error; a changed feed is seen by the next read, and an unchanged one costs a 304.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { startIcsServer, type IcsServer } from '../support/ics-server.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { until } from '../support/webhook-receiver.js';
import { NY, WINDOW_DAYS, aliceFeed, clinicWithFeed, days, oneOff } from './external-calendar-fixture.js';
import { createCompany, onsched, wallTime, type Company, type OnSched } from './onsched-client.js';

describe.each(backends)('External ICS calendars on $name', (backend) => {
  let app: RunningApp;
  let feeds: IcsServer;
  let company: Company;
  let v3: OnSched;
  const d = days();
  const R = () => company.refs;

  /** Alice's free half-hour starts on a New York date, as "HH:MM". */
  const aliceTimes = async (date: string, syncExternal: boolean) => {
    const r = await v3.get(`/availability?startDate=${date}&endDate=${date}&ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}&roundRobin=NONE&syncExternal=${syncExternal}`);
    expect(r.status).toBe(200);
    return (r.json.data.availableTimes as Array<{ start_time: string }>).map((t) => wallTime(t.start_time, NY));
  };
  const calendars = async () => (await api(app.url, 'GET', `/admin/v1/companies/${company.id}/resources/${R().alice.id}/externalCalendars`, { headers: adminHeaders })).json.data;
  /** Asks for a read through the admin API (which wakes the sync loop) and waits until it is recorded. */
  const syncNow = async () => {
    const [calendar] = await calendars();
    expect((await api(app.url, 'POST', `/admin/v1/companies/${company.id}/externalCalendars/${calendar.id}/sync`, { headers: adminHeaders })).status).toBe(202);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      const [now] = await calendars();
      if (now.sync.lastAttemptAt !== calendar.sync.lastAttemptAt) return now;
    }
    throw new Error('the calendar was not read again within 10 s');
  };
  const acuity = (path: string, init: { method?: string; body?: unknown } = {}) => api(app.url, init.method ?? 'GET', `/api/v1${path}`, {
    body: init.body, headers: { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` },
  });

  beforeAll(async () => {
    feeds = await startIcsServer();
    feeds.feeds.set('/alice.ics', aliceFeed());
    app = await startTestServer(await backend.create(), {
      OPENSLOT_CALENDAR_WINDOW_DAYS: WINDOW_DAYS, OPENSLOT_CALENDAR_TIMEOUT_MS: '1000', OPENSLOT_CALENDAR_POLL_MS: '60000', OPENSLOT_CALENDAR_STALE_MS: '60000',
    });
    company = await createCompany(app, clinicWithFeed(`${feeds.url}/alice.ics`));
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await feeds?.close(); await backend.dropAll(); });

  it('reads a new calendar right after it is connected, without waiting for the next poll', async () => {
    expect(await until(() => feeds.requests.length > 0, 5000)).toBe(true);
    let synced: any;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && synced?.sync.state !== 'ok') { [synced] = await calendars(); await new Promise((r) => setTimeout(r, 50)); }
    expect(synced).toMatchObject({ type: 'ics', url: `${feeds.url}/alice.ics`, username: null, sync: { state: 'ok', lastError: null, failures: 0 } });
    expect(synced.sync.busyCount).toBeGreaterThan(0);
  });

  it('syncExternal=true subtracts the weekly event (not on its EXDATE), the all-day event and the DST-straddling TZID event, never the transparent one', async () => {
    const wednesday = await aliceTimes(d.wednesday, true);
    expect(wednesday).toHaveLength(14);
    expect(wednesday).not.toContain('10:00');
    expect(wednesday).not.toContain('10:30');
    expect(wednesday).toContain('15:00'); // TRANSP:TRANSPARENT
    expect(await aliceTimes(d.exdate, true)).toContain('10:00');
    expect(await aliceTimes(d.third, true)).not.toContain('10:00');
    expect(await aliceTimes(d.thursday, true)).toEqual([]);
    for (const date of [d.beforeDst, d.afterDst]) {
      const times = await aliceTimes(date, true);
      expect(times).not.toContain('14:00'); // the same New York wall time either side of the change
      expect(times).toContain('13:30');
      expect(times).toContain('14:30');
    }
  });

  it('syncExternal=false (the default) ignores connected calendars', async () => {
    expect(await aliceTimes(d.wednesday, false)).toHaveLength(16);
    expect(await aliceTimes(d.thursday, false)).toHaveLength(16);
    const r = await v3.get(`/availability?startDate=${d.thursday}&endDate=${d.thursday}&ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}&roundRobin=NONE`);
    expect(r.json.data.availableTimes).toHaveLength(16);
  });

  it('Acuity availability and bookings always respect the calendar; admin=true books over it', async () => {
    const times = await acuity(`/availability/times?date=${d.wednesday}&appointmentTypeID=${R().consult.id}&calendarID=${R().alice.id}`);
    expect(times.status).toBe(200);
    const wall = (times.json as Array<{ time: string }>).map((t) => wallTime(t.time, NY));
    expect(wall).toHaveLength(14);
    expect(wall).not.toContain('10:00');
    const dates = await acuity(`/availability/dates?month=${d.thursday.slice(0, 7)}&appointmentTypeID=${R().consult.id}&calendarID=${R().alice.id}`);
    expect((dates.json as Array<{ date: string }>).map((x) => x.date)).not.toContain(d.thursday);
    const booking = { datetime: `${d.wednesday}T10:00:00${offsetOf(d.wednesday)}`, appointmentTypeID: R().consult.id, calendarID: R().alice.id,
      firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
    const refused = await acuity('/appointments', { method: 'POST', body: booking });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: 'not_available' });
    const check = await acuity('/availability/check-times', { method: 'POST', body: { datetime: booking.datetime, appointmentTypeID: R().consult.id, calendarID: R().alice.id } });
    expect(check.json).toMatchObject({ valid: false, error: 'not_available' });
    const admin = await acuity('/appointments?admin=true', { method: 'POST', body: booking });
    expect(admin.status).toBe(200);
    await acuity(`/appointments/${admin.json.id}/cancel?admin=true`, { method: 'PUT', body: {} });
  });

  it('an OnSched booking re-checks connected calendars inside its transaction, whatever syncExternal said', async () => {
    const start = Date.parse(`${d.third}T10:00:00${offsetOf(d.third)}`);
    const body = (resource: string) => ({ LocationId: R().main.uid, ServiceId: R().consult.uid, ResourceIds: [resource],
      Unavailability: { startTime: new Date(start).toISOString(), endTime: new Date(start + 30 * 60_000).toISOString() } });
    expect((await v3.post('/appointment/hold', body(R().alice.uid))).status).toBe(409);
    const bob = await v3.post('/appointment/hold', body(R().bob.uid));
    expect(bob.status).toBe(200);
    await v3.del(`/appointment/${bob.data.id}`);
    // ignoreExternalEvents=true on the create: the connected calendar does not block it, and the
    // hold keeps the choice when it is booked.
    const over = await v3.post('/appointment/hold?ignoreExternalEvents=true', body(R().alice.uid));
    expect(over.status, over.text).toBe(200);
    const booked = await v3.put(`/appointment/${over.data.id}/book`, { Customer: { firstName: 'Ivy', email: 'ivy@example.com' } });
    expect(booked.data).toMatchObject({ status: 'BK', ResourceIds: [R().alice.uid] });
    await v3.put(`/appointment/${over.data.id}/cancel`);
  });

  it('a feed that goes down keeps its last good busy times and records the error; one that hangs times out without holding up availability', async () => {
    const before = (await calendars())[0];
    feeds.mode = 'down';
    const down = await syncNow();
    expect(down.sync).toMatchObject({ state: 'error', lastError: 'HTTP 500 Internal Server Error', failures: 1, lastSuccessAt: before.sync.lastSuccessAt, busyCount: before.sync.busyCount });
    expect(await aliceTimes(d.wednesday, true)).not.toContain('10:00');
    feeds.mode = 'hang';
    let answeredAt = 0;
    const [hanging] = await Promise.all([syncNow(), aliceTimes(d.wednesday, true).then(() => { answeredAt = Date.now(); })]);
    expect(hanging.sync).toMatchObject({ state: 'error', lastError: 'No answer within 1 s', failures: 2 });
    expect(answeredAt).toBeLessThan(Date.parse(hanging.sync.lastAttemptAt)); // availability answered while the read still hung
    expect(await aliceTimes(d.thursday, true)).toEqual([]);
    feeds.mode = 'up';
    expect((await syncNow()).sync).toMatchObject({ state: 'ok', lastError: null, failures: 0 });
  });

  it('a feed that changes is seen by the next read; an unchanged one answers 304 and keeps what was read', async () => {
    expect(await aliceTimes(d.wednesday, true)).toContain('16:00');
    feeds.feeds.set('/alice.ics', aliceFeed([oneOff('added@test', d.wednesday, '16:00')]));
    await syncNow();
    expect(await aliceTimes(d.wednesday, true)).not.toContain('16:00');
    const count = feeds.requests.length;
    const unchanged = await syncNow();
    expect(feeds.requests.slice(count)).toEqual([{ path: '/alice.ics', conditional: true, status: 304 }]);
    expect(unchanged.sync.state).toBe('ok');
    expect(await aliceTimes(d.wednesday, true)).not.toContain('16:00');
  });
});

/** New York's UTC offset on a date at midday, as "-05:00". */
const offsetOf = (date: string) => DateTime.fromISO(`${date}T12:00`, { zone: NY }).toFormat('ZZ');
