// /metrics after real traffic: each counter the operator relies on moves by what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { backends } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';

type Samples = Map<string, number>;

/** Every sample line of the Prometheus text, keyed by `name{labels}` exactly as printed. */
async function scrape(base: string): Promise<{ samples: Samples; contentType: string | null }> {
  const response = await fetch(`${base}/metrics`);
  const samples: Samples = new Map();
  for (const line of (await response.text()).split('\n')) {
    const m = /^([a-z_:]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples.set(m[1], Number(m[2]));
  }
  return { samples, contentType: response.headers.get('content-type') };
}

const delta = (before: Samples, after: Samples, key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);

async function eventually(condition: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) if (await condition()) return true;
  return false;
}

describe.each(backends)('/metrics on $name', (backend) => {
  let app: RunningApp;
  let company: { id: number; apiKey: string; refs: Record<string, { id: number; uid: string }> };
  beforeAll(async () => {
    app = await startTestServer(await backend.create(), {
      OPENSLOT_SWEEP_INTERVAL_MS: '200', OPENSLOT_DISPATCH_INTERVAL_MS: '50', OPENSLOT_CALENDAR_POLL_MS: '100',
    });
    const doc = clinic({ expirationDelay: 1 });
    // A feed nobody serves: each read fails, which is what the sync counter must show.
    doc.setup!.resources![1].externalCalendars = [{ type: 'ics', url: 'http://127.0.0.1:1/closed.ics' }];
    company = (await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders })).json;
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('counts requests, bookings by outcome, expired holds, deliveries, calendar syncs, and shows the queues and the pool', async () => {
    const before = (await scrape(app.url)).samples;
    const R = company.refs;
    const acuity = { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` };
    const day = nextWeekday(2, 3);
    const book = (datetime: string) => api(app.url, 'POST', '/api/v1/appointments', {
      headers: acuity, body: { appointmentTypeID: R.consult.id, calendarID: R.alice.id, datetime, firstName: 'Ada', lastName: 'Metrics', email: 'ada@example.com' },
    });
    expect((await book(`${day}T15:00:00Z`)).status).toBe(200);
    expect((await book(`${day}T15:00:00Z`)).json.error).toBe('not_available');
    const farAway = nextWeekday(2, 100);
    expect((await book(`${farAway}T15:00:00Z`)).json.error).toBe('not_available_max_days_in_advance');
    const start = Date.parse(`${day}T17:00:00Z`);
    const hold = await api(app.url, 'POST', '/v3/appointment/hold', {
      headers: { 'x-api-key': company.apiKey },
      body: { ServiceId: R.consult.uid, ResourceIds: [R.alice.uid], Unavailability: { startTime: new Date(start).toISOString(), endTime: new Date(start + 1_800_000).toISOString() } },
    });
    expect(hold.status, hold.text).toBe(200);
    // The same hold through OnSched's v1 path counts for its own surface.
    const v1 = await api(app.url, 'POST', '/consumer/v1/appointments', {
      headers: { 'x-api-key': company.apiKey },
      body: { serviceId: String(R.consult.id), resourceId: String(R.bob.id), startDateTime: new Date(start).toISOString(), endDateTime: new Date(start + 1_800_000).toISOString() },
    });
    expect(v1.status, v1.text).toBe(200);

    const key = {
      booked: 'openslot_bookings_total{surface="acuity",outcome="booked"}',
      conflict: 'openslot_bookings_total{surface="acuity",outcome="conflict"}',
      refused: 'openslot_bookings_total{surface="acuity",outcome="refused"}',
      held: 'openslot_bookings_total{surface="onsched",outcome="booked"}',
      heldV1: 'openslot_bookings_total{surface="onsched-v1",outcome="booked"}',
      holdsExpired: 'openslot_holds_expired_total',
      delivered: 'openslot_deliveries_total{channel="email",outcome="done"}',
      syncFailed: 'openslot_calendar_syncs_total{outcome="failed"}',
    };
    let after = before;
    expect(await eventually(async () => {
      after = (await scrape(app.url)).samples;
      return delta(before, after, key.holdsExpired) >= 1 && delta(before, after, key.delivered) >= 1 && delta(before, after, key.syncFailed) >= 1;
    }), JSON.stringify(Object.fromEntries(Object.values(key).map((k) => [k, delta(before, after, k)])))).toBe(true);
    expect(delta(before, after, key.booked)).toBe(1);
    expect(delta(before, after, key.conflict)).toBe(1);
    expect(delta(before, after, key.refused)).toBe(1);
    expect(delta(before, after, key.held)).toBe(1);
    expect(delta(before, after, key.heldV1)).toBe(1);
    expect(delta(before, after, 'openslot_http_requests_total{method="POST",route="/api/v1/appointments",status="200"}')).toBe(1);
    expect(delta(before, after, 'openslot_http_requests_total{method="POST",route="/api/v1/appointments",status="400"}')).toBe(2);
    expect(delta(before, after, 'openslot_http_request_duration_seconds_count{method="POST",route="/api/v1/appointments",status="200"}')).toBe(1);
    expect(after.get('openslot_outbox_depth{queue="deliveries"}')).toEqual(expect.any(Number));
    expect(after.get('openslot_outbox_depth{queue="events"}')).toEqual(expect.any(Number));
    expect(after.get('openslot_db_pool_in_use')).toEqual(expect.any(Number));
    expect(after.get('openslot_db_pool_waiting')).toEqual(expect.any(Number));
  });

  it('is Prometheus text', async () => {
    expect((await scrape(app.url)).contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
