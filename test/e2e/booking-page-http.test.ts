// The booking page's addresses without a browser, on SQLite and PostgreSQL: bad input of every kind
// is a clear 4xx shown as a message (HTML pages) or {error} (JSON), never a 500, and changes
// nothing; names are escaped; the language follows ?lang= and Accept-Language; the Acuity surface
// links to the page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { manageToken } from '../../src/services/booking-page/manage-token.js';
import { buildWeb } from '../../scripts/build-web.mjs';
import { backends } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { dayAfterNextDstChange, practice, slotAt } from './booking-page-fixture.js';

describe.each(backends)('booking page over HTTP on $name', (backend) => {
  let app: RunningApp;
  let company: { apiKey: string; id: number; refs: Record<string, { id: number; uid: string }> };
  const openDay = dayAfterNextDstChange();
  const slug = 'hudson';
  beforeAll(async () => {
    await buildWeb();
    app = await startTestServer(await backend.create(), { OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
    const doc = practice(slug, openDay);
    doc.setup!.locations![0].expirationDelay = 1;
    company = (await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders })).json;
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const service = () => company.refs.checkup.id;
  const apiBase = () => `/book/api/${slug}/${service()}`;
  const rows = async () => (await app.services.store.db.selectFrom('appointments').select(['id', 'status', 'start_at']).orderBy('id').execute());
  const hold = (start: number) => api(app.url, 'POST', `${apiBase()}/hold`, { body: { start: new Date(start).toISOString() } });
  const details = { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', answers: [] as unknown[] };

  it.each([
    ['an unknown company', '/book/nobody', 404, 'There is no booking page at this address.'],
    ['an unknown service', `/book/${slug}/99999`, 404, 'This service cannot be booked here.'],
    ['a forged manage token', `/book/manage/${'a'.repeat(32)}.zzzz.${'b'.repeat(43)}`, 404, 'This link is not valid.'],
    ['a malformed manage token', '/book/manage/%3Cscript%3E', 404, 'This link is not valid.'],
    ['an unknown page', `/book/${slug}/x/y/z`, 404, 'Not found'],
  ])('%s is a 4xx page with a message', async (_what, path, status, message) => {
    const response = await api(app.url, 'GET', path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain(message);
    expect(response.text).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('an expired manage link says so', async () => {
    const token = manageToken(app.services, randomUUID(), Date.now() - 8 * 86_400_000);
    const response = await api(app.url, 'GET', `/book/manage/${token}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('This link has expired.');
  });

  it.each([
    ['an unknown zone', `month?tz=Mars/Olympus`, 400, 'tz'],
    ['a malformed month', `month?tz=UTC&month=2026-13`, 400, 'month'],
    ['a malformed day', `day?tz=UTC&date=tomorrow`, 400, 'date'],
  ])('%s in a month or day query is a 400 naming the field', async (_what, path, status, field) => {
    const response = await api(app.url, 'GET', `${apiBase()}/${path}`);
    expect(response.status).toBe(status);
    expect(response.json.error.field).toBe(field);
  });

  it('a time off the grid, a garbage time, a forged or expired hold are 4xx and change nothing', async () => {
    const before = await rows();
    const off = await hold(slotAt(openDay) + 7 * 60_000);
    expect(off.status).toBeGreaterThanOrEqual(400);
    expect(off.status).toBeLessThan(500);
    expect(off.json.error.message).toBeTruthy();
    expect((await api(app.url, 'POST', `${apiBase()}/hold`, { body: { start: 'soon' } })).status).toBe(400);
    const forged = await api(app.url, 'POST', `/book/api/${slug}/holds/${randomUUID()}/book`, { body: details });
    expect(forged.status).toBe(404);
    expect((await api(app.url, 'POST', `/book/api/${slug}/holds/not-a-hold/extend`)).status).toBe(404);
    expect(await rows()).toEqual(before);
    const held = await hold(slotAt(openDay));
    expect(held.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the location holds for one second
    const late = await api(app.url, 'POST', `/book/api/${slug}/holds/${held.json.hold}/book`, { body: details });
    expect(late.status).toBe(404);
    expect(late.json.error.code).toBe('hold_expired');
    expect((await rows()).filter((r) => r.status !== 'IN')).toEqual(before.filter((r) => r.status !== 'IN'));
  });

  it('oversized fields and bodies are refused, naming the field, and change nothing', async () => {
    const held = await hold(slotAt(openDay, 1));
    const before = await rows();
    const url = `/book/api/${slug}/holds/${held.json.hold}/book`;
    const long = await api(app.url, 'POST', url, { body: { ...details, firstName: 'A'.repeat(101) } });
    expect(long.status).toBe(400);
    expect(long.json.error.field).toBe('firstName');
    const huge = await api(app.url, 'POST', url, { body: { ...details, answers: [{ id: 1, value: 'x'.repeat(40_000) }] } });
    expect(huge.status).toBe(413);
    const badEmail = await api(app.url, 'POST', url, { body: { ...details, email: 'not-an-email' } });
    expect(badEmail.json.error.field).toBe('email');
    expect(await rows()).toEqual(before);
  });

  it('escapes business names in every page and keeps script out of the page state', async () => {
    const list = await api(app.url, 'GET', `/book/${slug}`);
    expect(list.text).toContain('Hudson &lt;b&gt;Health&lt;/b&gt;');
    const page = await api(app.url, 'GET', `/book/${slug}/${service()}?firstName=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('</script><script>');
    expect(page.text).toContain('Checkup &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('value="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('speaks German by ?lang=de or Accept-Language, English otherwise', async () => {
    expect((await api(app.url, 'GET', `/book/${slug}/${service()}?lang=de`)).text).toContain('Termin wählen');
    const accepted = await api(app.url, 'GET', `/book/${slug}/${service()}`, { headers: { 'accept-language': 'fr-FR, de;q=0.8, en;q=0.5' } });
    expect(accepted.text).toContain('<html lang="de"');
    expect(accepted.text).toContain('Zeitzone');
    expect((await api(app.url, 'GET', `/book/${slug}/${service()}?lang=xx`)).text).toContain('Choose a time');
  });

  it('the first open day\'s times are in the page itself, in the business zone', async () => {
    const page = await api(app.url, 'GET', `/book/${slug}/${service()}`);
    expect(page.text).toContain(`data-start="${new Date(slotAt(openDay, 2)).toISOString()}"`);
    expect(page.text).toContain('>9:00 AM</button>');
  });

  it('Acuity shows the page in /me and a working manage link as each appointment\'s confirmationPage', async () => {
    const auth = { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` };
    const me = await api(app.url, 'GET', '/api/v1/me', { headers: auth });
    expect(me.json.schedulingPage).toBe(`${app.url}/book/${slug}`);
    expect(me.json.embedCode).toContain('/embed.js');
    const held = await hold(slotAt(openDay, 4));
    const booked = await api(app.url, 'POST', `/book/api/${slug}/holds/${held.json.hold}/book`, {
      body: { ...details, answers: [{ id: company.refs.first.id, value: 'no' }] },
    });
    expect(booked.status).toBe(200);
    const [appointment] = (await api(app.url, 'GET', '/api/v1/appointments', { headers: auth })).json;
    expect(appointment.confirmationPage).toMatch(new RegExp(`^${app.url}/book/manage/`));
    const manage = await api(app.url, 'GET', new URL(appointment.confirmationPage).pathname);
    expect(manage.text).toContain('Your appointment is confirmed');
  });
});
