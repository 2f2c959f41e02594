// Managing external calendars and the outbound feed over HTTP: /v3/resource/{id}/externalCalendar(s)
// and the admin API connect, list (with sync status) and disconnect calendars, never echo a
// credential, and answer bad input with a 4xx that writes nothing; a stale calendar is refreshed
// in the background when availability asks; each resource's /ical/{token}.ics feed lists its
// booked appointments and parses back with node-ical.
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { startIcsServer, type IcsServer } from '../support/ics-server.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { NY, aliceFeed, days, oneOff } from './external-calendar-fixture.js';
import { createCompany, onsched, wallTime, type Company, type OnSched } from './onsched-client.js';

describe('External calendar and feed APIs', () => {
  let app: RunningApp;
  let feeds: IcsServer;
  let company: Company;
  let v3: OnSched;
  const d = days();
  const R = () => company.refs;
  const admin = (method: string, path: string, body?: unknown) => api(app.url, method, `/admin/v1/companies/${company.id}${path}`, { body, headers: adminHeaders });
  const bobTimes = async (syncExternal: boolean) => {
    const r = await v3.get(`/availability?startDate=${d.wednesday}&endDate=${d.wednesday}&ServiceId=${R().consult.uid}&ResourceIds=${R().bob.uid}&roundRobin=NONE&syncExternal=${syncExternal}`);
    return (r.json.data.availableTimes as Array<{ start_time: string }>).map((t) => wallTime(t.start_time, NY));
  };

  beforeAll(async () => {
    feeds = await startIcsServer();
    feeds.feeds.set('/bob.ics', aliceFeed());
    app = await startTestServer(await sqliteBackend.create(), { OPENSLOT_CALENDAR_STALE_MS: '300', OPENSLOT_CALENDAR_POLL_MS: '60000' });
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await feeds?.close(); });

  it('connects, lists and disconnects calendars on /v3, never echoing a password or a feed secret', async () => {
    const caldav = await v3.post(`/resource/${R().alice.uid}/externalCalendar`, { type: 'caldav', url: 'http://127.0.0.1:9/dav/alice/work/', username: 'alice', password: 'hunter2' });
    expect(caldav.status).toBe(200);
    expect(caldav.data).toMatchObject({ object: 'externalCalendar', ResourceId: R().alice.uid, type: 'caldav', url: 'http://127.0.0.1:9/dav/alice/work/', username: 'alice', syncStatus: 'pending' });
    const secret = await v3.post(`/resource/${R().alice.uid}/externalCalendar`, { Type: 'ics', url: 'webcal://calendar.example.com/calendar/ical/alice%40example.com/private-0123456789abcdef/basic.ics?x=1' });
    expect(secret.data).toMatchObject({ type: 'ics', url: 'https://calendar.example.com/…/basic.ics', username: null });
    const list = await v3.get(`/resource/${R().alice.uid}/externalCalendars`);
    expect(list.json).toMatchObject({ object: 'list', count: 2, data: [{ id: caldav.data.id }, { id: secret.data.id }] });
    for (const text of [caldav.text, secret.text, list.text]) expect(text).not.toMatch(/hunter2|private-0123|0123456789abcdef/);
    const row = await app.services.store.db.selectFrom('external_calendars').select('source_enc').where('uid', '=', caldav.data.id).executeTakeFirstOrThrow();
    expect(row.source_enc).not.toContain('hunter2'); // sealed at rest
    expect((await v3.del(`/resource/${R().alice.uid}/externalCalendar/${secret.data.id}`)).data.id).toBe(secret.data.id);
    expect((await v3.del(`/resource/${R().bob.uid}/externalCalendar/${caldav.data.id}`)).status).toBe(404); // not Bob's
    expect((await v3.del(`/resource/${R().alice.uid}/externalCalendar/${caldav.data.id}`)).status).toBe(200);
    expect((await v3.get(`/resource/${R().alice.uid}/externalCalendars`)).json.count).toBe(0);
  });

  it('answers bad calendars with a 400 naming the field (404 for an unknown resource), never a 500, and writes nothing', async () => {
    const post = (body: unknown, resource = R().alice.uid) => v3.post(`/resource/${resource}/externalCalendar`, body);
    const cases: Array<[unknown, string]> = [
      [{ type: 'google', url: 'https://x.test/a.ics' }, 'type'],
      [{ type: 'ics', url: 'ftp://x.test/a.ics' }, 'url'],
      [{ type: 'ics', url: 'not a url' }, 'url'],
      [{ type: 'ics', url: 'https://user:pw@x.test/a.ics' }, 'url'],
      [{ type: 'ics' }, 'url'],
      [{ type: 'caldav', url: 'https://dav.test/cal/', username: 'a' }, 'password'],
      [{ type: 'ics', url: 'https://x.test/a.ics', intervalMinutes: 0 }, 'intervalMinutes'],
      [{ type: 'ics', url: 'https://x.test/a.ics', intervalMinutes: '5' }, 'intervalMinutes'],
      [{ type: 'ics', url: 42 }, 'url'],
    ];
    for (const [body, field] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors[0].field).toBe(field);
    }
    expect((await post({ type: 'ics', url: 'https://x.test/a.ics' }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await v3.post('/resource/12/externalCalendar', { type: 'ics', url: 'https://x.test/a.ics' })).status).toBe(400);
    expect((await v3.del(`/resource/${R().alice.uid}/externalCalendar/nope`)).status).toBe(400);
    for (let i = 0; i < 10; i++) expect((await post({ type: 'ics', url: `https://x.test/${i}.ics` })).status).toBe(200);
    expect((await post({ type: 'ics', url: 'https://x.test/10.ics' })).json.message).toMatch(/at most 10/);
    expect((await post({ type: 'ics', url: 'https://x.test/3.ics' })).json.message).toMatch(/already connected/);
    const { n } = await app.services.store.db.selectFrom('external_calendars').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(10);
    for (const c of (await v3.get(`/resource/${R().alice.uid}/externalCalendars`)).json.data) await v3.del(`/resource/${R().alice.uid}/externalCalendar/${c.id}`);
  });

  it('refreshes a stale calendar in the background when availability asks, without making the request wait', async () => {
    const added = await admin('POST', `/resources/${R().bob.uid}/externalCalendars`, { type: 'ics', url: `${feeds.url}/bob.ics` });
    expect(added.status).toBe(201);
    const read = async () => (await admin('GET', `/resources/${R().bob.id}/externalCalendars`)).json.data[0];
    while ((await read()).sync.state !== 'ok') await new Promise((r) => setTimeout(r, 25));
    expect(await bobTimes(true)).not.toContain('10:00');
    expect(await bobTimes(true)).toContain('16:00');
    feeds.feeds.set('/bob.ics', aliceFeed([oneOff('late@test', d.wednesday, '16:00')]));
    feeds.delayMs = 2000; // the refresh takes this long: the request below must not wait for it
    await new Promise((r) => setTimeout(r, 400)); // older than OPENSLOT_CALENDAR_STALE_MS
    expect(await bobTimes(true)).toContain('16:00'); // this request used the stored times and asked for a refresh
    let times: string[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      times = await bobTimes(true);
      if (!times.includes('16:00')) break;
    }
    expect(times).not.toContain('16:00');
    expect(await bobTimes(false)).toContain('16:00');
    feeds.delayMs = 0;
  });

  it('lists calendars with their sync status through the admin API, validates strictly, and disconnects', async () => {
    const [calendar] = (await admin('GET', `/resources/${R().bob.id}/externalCalendars`)).json.data;
    expect(calendar).toMatchObject({ type: 'ics', resource: { id: R().bob.id, uid: R().bob.uid }, sync: { state: 'ok', lastError: null } });
    expect(calendar.sync.lastSuccessAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/); // /admin/v1 times are ISO 8601
    const bad = await admin('POST', `/resources/${R().bob.id}/externalCalendars`, { type: 'ics', url: 'https://x.test/a.ics', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_input', field: 'colour' });
    expect((await admin('GET', '/resources/nope/externalCalendars')).status).toBe(400);
    expect((await admin('DELETE', '/externalCalendars/999999')).status).toBe(404);
    expect((await admin('DELETE', `/externalCalendars/${calendar.id}`)).status).toBe(200);
    expect(await bobTimes(true)).toContain('10:00'); // its busy times went with it
  });

  it("rejects a setup document's bad calendar with the path of the bad value, and creates nothing", async () => {
    const doc = clinic();
    doc.setup!.resources![1] = { ...doc.setup!.resources![1], externalCalendars: [{ type: 'ics', url: 'https://ok.test/a.ics' }, { type: 'caldav', url: 'https://dav.test/', username: 'bob' }] };
    const r = await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
    expect(r.status).toBe(400);
    expect(r.json.field).toBe('setup.resources[1].externalCalendars[1].password');
    const { n } = await app.services.store.db.selectFrom('external_calendars').select((eb) => eb.fn.countAll<number>().as('n')).where('display_url', '=', 'https://ok.test/a.ics').executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);
  });

  it("serves each resource's booked appointments at a secret /ical/{token}.ics URL that node-ical reads back", async () => {
    const start = Date.parse(`${d.exdate}T15:00:00Z`);
    const booked = await v3.post('/appointment', { LocationId: R().main.uid, ServiceId: R().consult.uid, ResourceIds: [R().alice.uid],
      Unavailability: { startTime: new Date(start).toISOString(), endTime: new Date(start + 30 * 60_000).toISOString() },
      Customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } });
    expect(booked.status).toBe(200);
    const held = await v3.post('/appointment/hold', { LocationId: R().main.uid, ServiceId: R().consult.uid, ResourceIds: [R().alice.uid],
      Unavailability: { startTime: new Date(start + 3_600_000).toISOString(), endTime: new Date(start + 5_400_000).toISOString() } });
    expect(held.status).toBe(200);
    const link = await admin('GET', `/resources/${R().alice.uid}/feed`);
    expect(link.json).toMatchObject({ resource: { id: R().alice.id }, path: `/ical/${link.json.token}.ics` });
    expect((await admin('GET', `/resources/${R().alice.id}/feed`)).json.token).toBe(link.json.token); // stable
    const feed = await fetch(app.url + link.json.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(1); // the hold is not listed
    expect(events[0]).toMatchObject({ uid: `${booked.data.id}@openslot`, summary: 'Consultation: Ada Lovelace', status: 'CONFIRMED' });
    expect([events[0].start.getTime(), events[0].end!.getTime()]).toEqual([start, start + 30 * 60_000]);
    const bob = await fetch(app.url + (await admin('GET', `/resources/${R().bob.uid}/feed`)).json.path);
    expect(Object.values(ical.sync.parseICS(await bob.text())).filter((c) => c?.type === 'VEVENT')).toHaveLength(0);
    const rotated = await admin('POST', `/resources/${R().alice.uid}/feed/rotate`);
    expect(rotated.json.token).not.toBe(link.json.token);
    expect((await fetch(app.url + link.json.path)).status).toBe(404);
    expect((await fetch(app.url + rotated.json.path)).status).toBe(200);
    for (const path of ['/ical/short.ics', '/ical/', `/ical/${rotated.json.token}.txt`, '/ical/%00%00.ics']) expect((await fetch(app.url + path)).status).toBe(404);
  });
});
