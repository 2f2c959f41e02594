// Bad input to the v1 paths never gets a 500 and never writes half a thing: every route, fed wrong
// types, odd values, odd ids and malformed bodies, answers a 4xx in problem-details form (or a 2xx
// where the input is harmless), and the appointments and customers only ever grow by the requests
// that succeeded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { createCompany, startServer, type Company } from './onsched-client.js';
import { v1Token } from './onsched-v1-client.js';

const DAY = nextWeekday(3);
const ODD_VALUES: unknown[] = [null, true, -1, 0, 1.5, 1e308, '', ' ', 'x', '1; drop table appointments', '9'.repeat(40), [], [1, 'a'], {}, { id: {} }, '2016-13-45T99:99:99'];
const ODD_TEXT = ['', ' ', 'x', '-1', '0', '1.5', '1e308', '9'.repeat(30), 'null', '[]', '2016-13-45', '%00', 'Mars/Olympus', 'true,false'];
const ODD_IDS = ['x', '0', '-1', '1.5', '99999999', '9'.repeat(40), '00000000-0000-0000-0000-000000000000', 'null', '%20'];
const RAW_BODIES = ['[]', '"text"', '42', 'null', '{', '{"a":1}}', '{"__proto__": {"admin": true}}'];

describe.each(backends)('OnSched v1 robustness on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let auth: Record<string, string>;
  const id = (ref: string) => String(company.refs[ref].id);

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 600 }));
    auth = { authorization: `Bearer ${await v1Token(app, company)}` };
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const send = async (method: string, path: string, body?: unknown, raw?: string) => {
    const r = await fetch(`${app.url}${path}`, {
      method, headers: { ...auth, ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: r.status, text: await r.text() };
  };
  const expectHandled = (r: { status: number; text: string }, what: string) => {
    expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
    if (r.status >= 400) expect(JSON.parse(r.text), what).toMatchObject({ status: r.status, title: expect.any(String), detail: expect.any(String), errors: expect.any(Object) });
  };
  const total = async (path: string) => (await api(app.url, 'GET', `${path}?limit=1`, { headers: auth })).json.total as number;
  const counts = async () => ({ appointments: await total('/consumer/v1/appointments'), customers: await total('/consumer/v1/customers') });
  const holdAt = async (hhmm: string) => (await api(app.url, 'POST', '/consumer/v1/appointments', {
    headers: auth, body: { serviceId: id('consult'), resourceId: id('bob'), startDateTime: `${DAY}T${hhmm}:00Z` },
  })).json.id as string;

  const bodies: Array<[string, string, string[]]> = [
    ['POST', '/consumer/v1/appointments?completeBooking=BK', ['serviceId', 'locationId', 'resourceId', 'resourceIds', 'customerId', 'name', 'email', 'phone', 'startDateTime', 'endDateTime', 'timezoneName', 'notes', 'customFields', 'appointmentBookingFields', 'customerBookingFields', 'groupSize']],
    ['PUT', '/consumer/v1/appointments/HOLD/book', ['name', 'email', 'phone', 'notes', 'customFields', 'appointmentBookingFields', 'customerBookingFields', 'groupSize']],
    ['PUT', '/consumer/v1/appointments/HOLD/reserve', ['name', 'email', 'phone', 'notes', 'customFields', 'appointmentBookingFields']],
    ['PUT', '/consumer/v1/appointments/HOLD/reschedule', ['startDateTime', 'endDateTime', 'resourceId', 'serviceId', 'travelTimeMins']],
    ['POST', '/consumer/v1/customers', ['firstname', 'lastname', 'name', 'email', 'contact', 'address', 'customFields', 'locationId', 'type']],
    ['PUT', '/consumer/v1/customers/CUSTOMER', ['firstname', 'lastname', 'name', 'email', 'contact', 'customFields']],
  ];

  it.each(bodies)('%s %s with odd values in every attribute writes nothing when refused', async (method, template, attributes) => {
    const customer = (await api(app.url, 'POST', '/consumer/v1/customers', { headers: auth, body: { name: 'Ada Lovelace', email: `ada-${template.length}-${method}@example.com` } })).json.id;
    const valid = { serviceId: id('consult'), resourceId: id('alice'), startDateTime: `${DAY}T15:00:00Z`, name: 'Ada Lovelace', email: 'ada@example.com', firstname: 'Ada' };
    for (const attribute of attributes) {
      for (const value of ODD_VALUES) {
        const path = template.replace('HOLD', await holdAt('18:00')).replace('CUSTOMER', customer);
        const before = await counts();
        const r = await send(method, path, { ...valid, [attribute]: value });
        expectHandled(r, `${method} ${path} ${attribute}=${JSON.stringify(value)}`);
        const after = await counts();
        const created = r.status === 200 && method === 'POST' ? 1 : 0;
        const kind = template.includes('customers') ? 'customers' : 'appointments';
        // A reschedule that succeeds adds the new appointment; a refused request adds nothing.
        expect(after[kind] - before[kind], `${method} ${path} ${attribute}=${JSON.stringify(value)}`).toBe(r.status === 200 && template.includes('reschedule') ? 1 : created);
        // The hold made for this request is released so the next one can take the slot.
        if (path.includes('/appointments/')) await send('DELETE', path.split('/').slice(0, 5).join('/'));
        if (r.status === 200 && path.endsWith('/appointments?completeBooking=BK')) await send('PUT', `/consumer/v1/appointments/${JSON.parse(r.text).id}/cancel`);
      }
    }
    for (const raw of RAW_BODIES) expectHandled(await send(method, template.replace('HOLD', '1').replace('CUSTOMER', customer), undefined, raw), `${method} ${template} body ${raw}`);
  }, 600_000);

  const queries: Array<[string, string[]]> = [
    [`/consumer/v1/availability/SERVICE/${DAY}/${DAY}`, ['locationId', 'resourceId', 'resourceIds', 'resourceGroupId', 'roundRobin', 'duration', 'interval', 'tzOffset', 'timezoneName', 'startTime', 'endTime', 'dayAvailability', 'dayAvailabilityStartDate', 'firstDayAvailable']],
    [`/consumer/v1/availability/SERVICE/${DAY}/${DAY}/days`, ['locationId', 'resourceId', 'tzOffset']],
    ['/consumer/v1/appointments', ['locationId', 'serviceId', 'resourceId', 'customerId', 'email', 'lastname', 'phone', 'startDate', 'endDate', 'status', 'offset', 'limit']],
    ['/consumer/v1/services', ['locationId', 'offset', 'limit']],
    ['/consumer/v1/locations', ['offset', 'limit']],
    ['/consumer/v1/resources', ['locationId', 'offset', 'limit']],
    ['/consumer/v1/customers', ['email', 'lastname', 'deleted', 'offset', 'limit']],
    ['/consumer/v1/services/SERVICE/resources', ['locationId', 'offset', 'limit']],
    ['/consumer/v1/services/SERVICE/allocations', ['offset', 'limit']],
  ];

  it.each(queries)('GET %s with odd values in every parameter', async (template, params) => {
    const path = template.replace('SERVICE', id('consult'));
    for (const param of params) {
      for (const value of ODD_TEXT) expectHandled(await send('GET', `${path}?${param}=${encodeURIComponent(value)}`), `GET ${path} ${param}=${value}`);
    }
  }, 300_000);

  it('odd ids and dates in every path answer 4xx', async () => {
    const before = await counts();
    const templates: Array<[string, string]> = [
      ['GET', '/consumer/v1/locations/ID'], ['GET', '/consumer/v1/services/ID'], ['GET', '/consumer/v1/services/ID/resources'],
      ['GET', '/consumer/v1/services/ID/allocations'], ['GET', '/consumer/v1/services/allocations/ID'], ['GET', '/consumer/v1/resources/ID'],
      ['GET', '/consumer/v1/resources/ID/services'], ['GET', '/consumer/v1/servicegroups/ID'], ['GET', '/consumer/v1/appointments/ID'],
      ['DELETE', '/consumer/v1/appointments/ID'], ['PUT', '/consumer/v1/appointments/ID/book'], ['PUT', '/consumer/v1/appointments/ID/reserve'],
      ['PUT', '/consumer/v1/appointments/ID/cancel'], ['PUT', '/consumer/v1/appointments/ID/reschedule'], ['PUT', '/consumer/v1/appointments/ID/confirm'],
      ['PUT', '/consumer/v1/appointments/ID/noshow'], ['GET', '/consumer/v1/customers/ID'], ['PUT', '/consumer/v1/customers/ID'], ['DELETE', '/consumer/v1/customers/ID'],
      ['GET', `/consumer/v1/availability/ID/${DAY}/${DAY}`], ['GET', `/consumer/v1/availability/${id('consult')}/ID/${DAY}`], ['GET', `/consumer/v1/availability/${id('consult')}/${DAY}/ID/days`],
    ];
    for (const [method, template] of templates) {
      for (const odd of ODD_IDS) {
        const path = template.replace('ID', encodeURIComponent(odd));
        const r = await send(method, path, method === 'GET' || method === 'DELETE' ? undefined : { startDateTime: `${DAY}T15:00:00Z` });
        expectHandled(r, `${method} ${path}`);
        expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('the token endpoint refuses odd forms with an OAuth error in problem form', async () => {
    const forms: Array<Record<string, string>> = [
      {}, { grant_type: 'password' }, { grant_type: 'client_credentials' }, { grant_type: 'client_credentials', client_id: company.clientId },
      { grant_type: 'client_credentials', client_id: company.clientId, client_secret: 'wrong' },
      { grant_type: 'client_credentials', client_id: company.clientId, client_secret: company.clientSecret, scope: 'everything' },
    ];
    for (const form of forms) {
      const r = await api(app.url, 'POST', '/connect/token', { form });
      expectHandled(r, `token ${JSON.stringify(form)}`);
      expect(r.status).toBe(400);
      expect(r.json.error).toEqual(expect.any(String));
    }
    expectHandled(await send('POST', '/connect/token', undefined, '{'), 'token bad JSON');
  });
});
