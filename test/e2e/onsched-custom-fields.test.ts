// Decision 9 of the OnSched reference, over HTTP on every backend: a /v3 client answers a service's
// intake form in CustomFields (key = the field's id or uid); required fields are enforced when the
// appointment becomes BK, never on a hold, and the error names the key the caller sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, onsched, startServer, type Company, type OnSched } from './onsched-client.js';

const day = nextWeekday(5);
const customer = { firstName: 'Fay', lastName: 'Form', email: 'fay@example.com' };

describe.each(backends)('OnSched custom fields and intake forms on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  const R = () => company.refs;
  const session = (hhmm: string, body: Record<string, unknown>, path = '/appointment') =>
    v3.post(`${path}?ServiceId=${R().session.uid}`, { Unavailability: { startTime: `${day}T${hhmm}:00Z` }, ...body });

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, { 'x-api-key': company.apiKey });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('a hold needs no answers; booking it without the required one is a 400 naming CustomFields.<uid>', async () => {
    const h = await session('14:00', {}, '/appointment/hold');
    expect(h.status, h.text).toBe(200);
    const refused = await v3.put(`/appointment/${h.data.id}/book`, { Customer: customer });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].field).toBe(`CustomFields.${R().first.uid}`);
    expect((await v3.get(`/appointment/${h.data.id}`)).data.status).toBe('IN');
    const booked = await v3.put(`/appointment/${h.data.id}/book`, { Customer: customer, CustomFields: { [R().first.uid]: 'yes', note: 'free text' } });
    expect(booked.status, booked.text).toBe(200);
    expect(booked.data).toMatchObject({ status: 'BK', CustomFields: { [R().first.uid]: 'yes', note: 'free text' } });
  });

  it('a direct booking answers by field id or uid; bad values name the key sent; nothing is written', async () => {
    const before = (await v3.get('/appointments')).json.total;
    const missing = await session('15:00', { Customer: customer, CustomFields: { note: 'x' } });
    expect(missing.json.errors[0].field).toBe(`CustomFields.${R().first.uid}`);
    const bad = await session('15:00', { Customer: customer, CustomFields: { [String(R().first.id)]: 'perhaps' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe(`CustomFields.${R().first.id}`);
    const badChoice = await session('15:00', { Customer: customer, CustomFields: { [R().first.uid]: 'no', [R().topics.uid]: 'Z' } });
    expect(badChoice.json.errors[0].field).toBe(`CustomFields.${R().topics.uid}`);
    expect((await v3.get('/appointments')).json.total).toBe(before);
    const ok = await session('15:00', { Customer: customer, CustomFields: { [String(R().first.id)]: 'no', [R().topics.uid]: 'A' } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.data.status).toBe('BK');
  });

  it('a confirm that turns a reservation into a booking re-checks the required answers, as book does', async () => {
    const rs = await session('18:00', { Customer: customer }, '/appointment/reserve');
    expect(rs.status, rs.text).toBe(200);
    const refused = await v3.put(`/appointment/${rs.data.id}/confirm`);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].field).toBe(`CustomFields.${R().first.uid}`);
    expect((await v3.get(`/appointment/${rs.data.id}`)).data).toMatchObject({ status: 'RS', confirmed: false });
    expect((await v3.put(`/appointment/${rs.data.id}`, { CustomFields: { [R().first.uid]: 'yes' } })).status).toBe(200);
    const confirmed = await v3.put(`/appointment/${rs.data.id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.data).toMatchObject({ status: 'BK', confirmed: true });
  });

  it("customers keep CustomFields (the docs' POST /v3/customer body); an update merges them; a duplicate email is a 409", async () => {
    const c = await v3.post('/customer', { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', phone: '+15555550123', CustomFields: { membership: 'gold' } });
    expect(c.status, c.text).toBe(200);
    expect(c.data).toMatchObject({ id: expect.any(String), firstName: 'Jane', email: 'jane@example.com', CustomFields: { membership: 'gold' }, createdAt: expect.any(String) });
    const updated = await v3.put(`/customer/${c.data.id}`, { CustomFields: { referredBy: 'Ann' } });
    expect(updated.data.CustomFields).toEqual({ membership: 'gold', referredBy: 'Ann' });
    expect((await v3.get(`/customer/${c.data.id}`)).data.CustomFields).toEqual({ membership: 'gold', referredBy: 'Ann' });
    const dup = await v3.post('/customer', { firstName: 'Other', lastName: 'Jane', email: 'JANE@example.com' });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ success: false, name: 'ConflictError' });
    expect((await v3.get('/customers?email=jane@example.com')).json.total).toBe(1);
  });

  it('a reservation needs no answers either', async () => {
    expect((await session('16:00', {}, '/appointment/reserve')).status).toBe(200);
  });
});
