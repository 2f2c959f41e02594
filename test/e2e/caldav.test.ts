// CalDAV calendars against a real Radicale server with basic auth: a resource's calendar collection
// is read with a time-range REPORT and expanded locally (a weekly event minus its EXDATE, a moved
// instance, a declined invitation, an all-day event); a change on the server is seen by the next
// read while an unchanged collection (same ctag) is not read again; a wrong password, a URL that is
// not a calendar and a server that is gone are errors that keep the last good busy times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { calendar } from '../support/ics.js';
import { startRadicale } from '../support/radicale.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { NY, days, oneOff } from './external-calendar-fixture.js';
import { createCompany, onsched, wallTime, type Company } from './onsched-client.js';

const radicale = await startRadicale();
if (!radicale) console.warn('NOTICE: radicale is not installed (apt-get install radicale): the CalDAV suite is SKIPPED.');

const d = days();
const local = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: NY }).toFormat("yyyyLLdd'T'HHmmss");

describe.skipIf(!radicale)('CalDAV calendars against Radicale', () => {
  const server = radicale!;
  let app: RunningApp;
  let company: Company;
  const R = () => company.refs;
  const admin = (method: string, path: string, body?: unknown) => api(app.url, method, `/admin/v1/companies/${company.id}${path}`, { body, headers: adminHeaders });
  const aliceTimes = async (date: string) => {
    const r = await onsched(app, { 'x-api-key': company.apiKey })
      .get(`/availability?startDate=${date}&endDate=${date}&ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}&roundRobin=NONE&syncExternal=true`);
    return (r.json.data.availableTimes as Array<{ start_time: string }>).map((t) => wallTime(t.start_time, NY));
  };
  const calendars = async () => (await admin('GET', `/resources/${R().alice.id}/externalCalendars`)).json.data as any[];
  /** Waits until every calendar has been read since `since`. */
  const settled = async (since = 0) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const list = await calendars();
      if (list.every((c) => c.sync.lastAttemptAt !== null && Date.parse(c.sync.lastAttemptAt) > since)) return list;
    }
    throw new Error('calendars were not read within 10 s');
  };
  const syncAll = async () => {
    const since = Date.now();
    for (const c of await calendars()) await admin('POST', `/externalCalendars/${c.id}/sync`);
    return settled(since - 1);
  };

  beforeAll(async () => {
    expect(await server.request('MKCALENDAR', '/alice/work/')).toBe(201);
    const weekly = calendar(
      ['UID:weekly', `DTSTART;TZID=${NY}:${local(d.wednesday, '10:00')}`, `DTEND;TZID=${NY}:${local(d.wednesday, '11:00')}`,
        'RRULE:FREQ=WEEKLY;COUNT=3', `EXDATE;TZID=${NY}:${local(d.exdate, '10:00')}`],
      ['UID:weekly', `RECURRENCE-ID;TZID=${NY}:${local(d.third, '10:00')}`, `DTSTART;TZID=${NY}:${local(d.third, '12:00')}`, `DTEND;TZID=${NY}:${local(d.third, '13:00')}`],
    );
    expect(await server.request('PUT', '/alice/work/weekly.ics', weekly)).toBe(201);
    expect(await server.request('PUT', '/alice/work/declined.ics', calendar([...oneOff('declined', d.wednesday, '13:00'),
      'ORGANIZER:mailto:boss@example.com', 'ATTENDEE;PARTSTAT=DECLINED:mailto:alice@example.com']))).toBe(201);
    expect(await server.request('PUT', '/alice/work/offsite.ics', calendar(['UID:offsite', `DTSTART;VALUE=DATE:${d.thursday.replace(/-/g, '')}`]))).toBe(201);
    app = await startTestServer(await sqliteBackend.create(), { OPENSLOT_CALENDAR_POLL_MS: '60000', OPENSLOT_CALENDAR_STALE_MS: '60000' });
    const doc = clinic();
    doc.setup!.resources![0] = { ...doc.setup!.resources![0],
      externalCalendars: [{ type: 'caldav', url: `${server.url}/alice/work/`, username: server.user, password: server.password }] };
    company = await createCompany(app, doc);
  });
  afterAll(async () => { await app?.close(); await server.stop(); });

  it('reads the collection with basic auth and subtracts its events: EXDATE, a moved instance, a declined invitation, an all-day event', async () => {
    const [calendar] = await settled();
    expect(calendar).toMatchObject({ type: 'caldav', username: 'alice', sync: { state: 'ok', lastError: null } });
    const wednesday = await aliceTimes(d.wednesday);
    expect(wednesday).not.toContain('10:00');
    expect(wednesday).not.toContain('10:30');
    expect(wednesday).toContain('13:00'); // declined
    expect(await aliceTimes(d.exdate)).toContain('10:00');
    const third = await aliceTimes(d.third);
    expect(third).toContain('10:00');
    expect(third).not.toContain('12:00'); // the moved instance
    expect(await aliceTimes(d.thursday)).toEqual([]);
  });

  it('sees a change on the server at the next read, and does not read an unchanged collection again', async () => {
    expect(await server.request('PUT', '/alice/work/late.ics', calendar(oneOff('late', d.wednesday, '16:00')))).toBe(201);
    const [changed] = await syncAll();
    expect(await aliceTimes(d.wednesday)).not.toContain('16:00');
    const stored = async () => app.services.store.db.selectFrom('external_calendars').select(['ctag', 'busy_from']).where('id', '=', changed.id).executeTakeFirstOrThrow();
    const before = await stored();
    expect(before.ctag).toBeTruthy();
    await syncAll();
    expect(await stored()).toEqual(before); // same ctag: the busy times were kept, not read and expanded again
    expect(await server.request('DELETE', '/alice/work/late.ics')).toBe(200);
    await syncAll();
    expect(await aliceTimes(d.wednesday)).toContain('16:00');
  });

  it('records a wrong password, a URL that is not a calendar and a server that is gone, keeping the last good busy times', async () => {
    const add = (body: object) => admin('POST', `/resources/${R().alice.id}/externalCalendars`, { type: 'caldav', username: server.user, password: server.password, ...body });
    expect((await add({ url: `${server.url}/alice/work/`, password: 'wrong' })).status).toBe(400); // already connected (same URL)
    expect((await add({ url: `${server.url}/alice/work`, password: 'wrong' })).status).toBe(201);
    expect((await add({ url: `${server.url}/alice/` })).status).toBe(201);
    const list = await syncAll();
    expect(list.map((c) => [c.sync.state, c.sync.lastError])).toEqual([
      ['ok', null], ['error', expect.stringMatching(/^HTTP 401/)], ['error', 'The URL is not a CalDAV calendar collection'],
    ]);
    await server.stop();
    const gone = await syncAll();
    expect(gone[0].sync).toMatchObject({ state: 'error', lastError: expect.stringMatching(/fetch failed/) });
    expect(await aliceTimes(d.wednesday)).not.toContain('10:00');
  });
});
