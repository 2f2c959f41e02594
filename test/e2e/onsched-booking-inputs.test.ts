// Decision 4 of the OnSched reference, over HTTP on every backend: the booking's ids come from the
// query (the docs' own example) or the body, never two different ones; `duration` and
// `overrideDuration` are honoured on a variable-duration service and must match a fixed one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(2);
const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`; // 14:00Z onwards is inside New York's hours
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe.each(backends)('OnSched booking inputs on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let flexible: string;
  const R = () => company.refs;
  const total = async () => (await v3.get('/appointments?limit=100')).json.total as number;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it("books the docs' own example: ids in the query; Customer, Unavailability, duration and CustomFields in the body", async () => {
    const r = await v3.post(`/appointment?LocationId=${R().main.uid}&ServiceId=${R().consult.uid}`, {
      Customer: { firstName: 'Alex', lastName: 'Chen', email: 'alex@example.com' },
      Unavailability: { startTime: at('15:00'), endTime: at('15:30') },
      duration: 30,
      CustomFields: { referral: 'newsletter' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.success).toBe(true);
    expect(r.data).toMatchObject({
      status: 'BK', LocationId: R().main.uid, ServiceId: R().consult.uid, startTime: at('15:00'), endTime: at('15:30'), duration: 30,
      customer: { firstName: 'Alex', lastName: 'Chen', email: 'alex@example.com' }, CustomFields: { referral: 'newsletter' },
    });
  });

  it('takes repeated ResourceIds from the query on hold and reserve, and ResourceIds in the query of a reschedule', async () => {
    const h = await v3.post(`/appointment/hold?ServiceId=${R().consult.uid}&ResourceIds=${R().bob.uid}`, { Unavailability: { startTime: at('16:00') } });
    expect(h.status, h.text).toBe(200);
    expect(h.data).toMatchObject({ status: 'IN', ResourceIds: [R().bob.uid], endTime: at('16:30') });
    const rs = await v3.post(`/appointment/reserve?serviceId=${R().consult.uid}&ResourceIds=${R().alice.uid}`, { Unavailability: { startTime: at('17:00') } });
    expect(rs.data).toMatchObject({ status: 'RS', ResourceIds: [R().alice.uid] });
    const moved = await v3.put(`/appointment/${rs.data.id}/reschedule?ResourceIds=${R().bob.uid}`, { Unavailability: { startTime: at('18:00') } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.data).toMatchObject({ ResourceIds: [R().bob.uid], startTime: at('18:00') });
  });

  it('the same id in both places is fine; two different ones are a 400 naming it, and nothing is written', async () => {
    const same = await v3.post(`/appointment/hold?ServiceId=${R().consult.uid}`, { ServiceId: R().consult.uid.toUpperCase(), Unavailability: { startTime: at('19:00') } });
    expect(same.status, same.text).toBe(200);
    const before = await total();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [`?ServiceId=${R().consult.uid}`, { ServiceId: R().session.uid }, 'ServiceId'],
      [`?ServiceId=${R().consult.uid}&LocationId=${R().main.uid}`, { LocationId: R().consult.uid }, 'LocationId'],
      [`?ServiceId=${R().consult.uid}&ResourceIds=${R().alice.uid}`, { ResourceIds: [R().bob.uid] }, 'ResourceIds'],
      ['', {}, 'ServiceId'],
    ];
    for (const [query, body, field] of cases) {
      const r = await v3.post(`/appointment/hold${query}`, { ...body, Unavailability: { startTime: at('20:00') } });
      expect(r.status, r.text).toBe(400);
      expect(r.json).toMatchObject({ success: false, name: 'BadRequestError', errors: [{ field }] });
    }
    expect(await total()).toBe(before);
  });

  it('a fixed-length service takes only its own duration', async () => {
    const before = await total();
    const wrong = await v3.post(`/appointment/hold?ServiceId=${R().consult.uid}`, { Unavailability: { startTime: at('20:00') }, duration: 45 });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].field).toBe('duration');
    const longer = await v3.post(`/appointment/hold?ServiceId=${R().consult.uid}`, { Unavailability: { startTime: at('20:00'), endTime: at('20:45') } });
    expect(longer.json.errors[0].field).toBe('Unavailability.endTime');
    const mismatch = await v3.post(`/appointment/hold?ServiceId=${R().consult.uid}`, { Unavailability: { startTime: at('20:00'), endTime: at('20:30') }, duration: 60 });
    expect(mismatch.json.errors[0].field).toBe('duration');
    expect(await total()).toBe(before);
  });

  it('a variable-duration service (durationSelect) is created, shown and booked for any length it allows', async () => {
    const s = await v3.post('/service', { name: 'Flexible', duration: 30, durationSelect: true, durationMin: 30, durationMax: 90, durationInterval: 15, ResourceIds: [R().alice.uid] });
    expect(s.status, s.text).toBe(200);
    expect(s.data).toMatchObject({ durationSelect: true, durationMin: 30, durationMax: 90, durationInterval: 15 });
    flexible = s.data.id;
    expect((await v3.get(`/service/${flexible}`)).data).toMatchObject({ durationSelect: true, durationMax: 90 });
    expect((await v3.post('/service', { name: 'Broken', duration: 30, durationSelect: true, durationMin: 60, durationMax: 45 })).json.errors[0].field).toBe('durationMax');
    const h = await v3.post(`/appointment/hold?ServiceId=${flexible}`, { Unavailability: { startTime: at('14:00') }, duration: 45 });
    expect(h.status, h.text).toBe(200);
    expect(h.data).toMatchObject({ duration: 45, endTime: plus(at('14:00'), 45) });
    const o = await v3.post(`/appointment/hold?ServiceId=${flexible}`, { Unavailability: { startTime: at('16:00') }, overrideDuration: 90 });
    expect(o.status, o.text).toBe(200);
    expect(o.data).toMatchObject({ duration: 90, endTime: plus(at('16:00'), 90) });
    for (const duration of [50, 15, 120]) {
      const bad = await v3.post(`/appointment/hold?ServiceId=${flexible}`, { Unavailability: { startTime: at('18:00') }, duration });
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].field).toBe('duration');
    }
  });

  it('availability honours overrideDuration on a variable service and refuses it on a fixed one', async () => {
    const r = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${flexible}&overrideDuration=60&interval=60`);
    expect(r.status, r.text).toBe(200);
    const times = r.json.data.availableTimes as Array<{ start_time: string; end_time: string }>;
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(Date.parse(t.end_time) - Date.parse(t.start_time)).toBe(60 * 60_000);
    const bad = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${R().consult.uid}&overrideDuration=45`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('overrideDuration');
  });

  it('a setup document may declare a variable-duration service, and its mistakes name their path', async () => {
    const doc = clinic();
    doc.setup!.services!.push({ ref: 'flex', name: 'Flex', duration: 30, durationSelect: true, durationMin: 30, durationMax: 60, resources: ['alice'] });
    const made = await createCompany(app, doc);
    const flex = await onsched(app, { 'x-api-key': made.apiKey }).get(`/service/${made.refs.flex.uid}`);
    expect(flex.data).toMatchObject({ durationSelect: true, durationMin: 30, durationMax: 60, durationInterval: null });
    doc.setup!.services![3] = { ref: 'flex', name: 'Flex', duration: 30, durationSelect: true, durationMin: 30 };
    await expect(createCompany(app, doc)).rejects.toThrow(/setup\.services\[3\]\.durationMax/);
  });
});
