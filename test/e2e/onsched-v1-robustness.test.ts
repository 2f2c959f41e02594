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
  const counts = async () => ({ appointments: await total('/consumer/v1/appointments'), customers: await total('/consumer/v1/customers'),
    locations: await total('/setup/v1/locations'), resources: await total('/setup/v1/resources'), services: await total('/setup/v1/services') });
  const holdAt = async (hhmm: string) => (await api(app.url, 'POST', '/consumer/v1/appointments', {
    headers: auth, body: { serviceId: id('consult'), resourceId: id('bob'), startDateTime: `${DAY}T${hhmm}:00Z` },
  })).json.id as string;

  // [method, path, a valid body, the attributes to spoil one at a time, the list whose total a success may grow]
  type Case = [string, string, Record<string, unknown>, string[], string];
  const appointment = { serviceId: 'SERVICE', resourceId: 'ALICE', startDateTime: `${DAY}T15:00:00Z`, name: 'Ada Lovelace', email: 'ada@example.com' };
  const bodies: Case[] = [
    ['POST', '/consumer/v1/appointments?completeBooking=BK', appointment, ['serviceId', 'locationId', 'resourceId', 'resourceIds', 'customerId', 'name', 'email', 'phone', 'startDateTime', 'endDateTime', 'timezoneName', 'notes', 'customFields', 'appointmentBookingFields', 'customerBookingFields', 'groupSize'], '/consumer/v1/appointments'],
    ['PUT', '/consumer/v1/appointments/HOLD/book', appointment, ['name', 'email', 'phone', 'notes', 'customFields', 'appointmentBookingFields', 'customerBookingFields', 'groupSize'], '/consumer/v1/appointments'],
    ['PUT', '/consumer/v1/appointments/HOLD/reserve', appointment, ['name', 'email', 'phone', 'notes', 'customFields', 'appointmentBookingFields', 'customerBookingFields'], '/consumer/v1/appointments'],
    ['PUT', '/consumer/v1/appointments/HOLD/reschedule', appointment, ['startDateTime', 'endDateTime', 'resourceId', 'serviceId', 'travelTimeMins'], '/consumer/v1/appointments'],
    ['POST', '/consumer/v1/customers', { firstname: 'Ada', email: 'ada@example.com' }, ['firstname', 'lastname', 'name', 'email', 'contact', 'address', 'customFields', 'locationId', 'type'], '/consumer/v1/customers'],
    ['PUT', '/consumer/v1/customers/CUSTOMER', { firstname: 'Ada' }, ['firstname', 'lastname', 'name', 'email', 'contact', 'customFields'], '/consumer/v1/customers'],
    ['POST', '/setup/v1/locations', { name: 'Annex', timezoneName: 'America/New_York' }, ['name', 'timezoneName', 'address', 'businessHours'], '/setup/v1/locations'],
    ['PUT', '/setup/v1/locations/LOCATION', { name: 'Annex' }, ['name', 'timezoneName', 'address', 'businessHours'], '/setup/v1/locations'],
    ['POST', '/setup/v1/services', { name: 'Extra', duration: 30 }, ['name', 'duration', 'bookingInterval', 'locationId', 'maxCapacity', 'options', 'settings', 'description'], '/setup/v1/services'],
    ['PUT', '/setup/v1/services/SERVICE', { name: 'Consultation' }, ['name', 'duration', 'bookingInterval', 'maxCapacity', 'options', 'settings'], '/setup/v1/services'],
    ['POST', '/setup/v1/resources', { name: 'Cy' }, ['name', 'email', 'locationId', 'timezoneId', 'availability', 'serviceIds', 'contact', 'description'], '/setup/v1/resources'],
    ['PUT', '/setup/v1/resources/BOB', { name: 'Bob' }, ['name', 'email', 'timezoneId', 'availability', 'serviceIds', 'contact'], '/setup/v1/resources'],
    ['PUT', '/setup/v1/resources/BOB/availability', { mon: { startTime: 900, endTime: 1700 } }, ['mon', 'tue', 'sun'], '/setup/v1/resources'],
    ['POST', '/setup/v1/resources/BOB/block', { startDate: DAY, startTime: 900, endTime: 1000 }, ['startDate', 'endDate', 'startTime', 'endTime', 'repeats', 'repeat', 'allDay', 'reason'], '/setup/v1/resources/BOB/blocks'],
    ['POST', '/setup/v1/services/SERVICE/allocations', { resourceId: 'BOB', startTime: 900, endTime: 1000 }, ['resourceId', 'startTime', 'endTime', 'repeats', 'repeat', 'allDay'], '/setup/v1/services/SERVICE/allocations'],
  ];

  it.each(bodies)('%s %s with odd values in every attribute writes nothing when refused', async (method, template, valid, attributes, listTemplate) => {
    const customer = (await api(app.url, 'POST', '/consumer/v1/customers', { headers: auth, body: { name: 'Ada Lovelace', email: `ada-${template.length}-${method}@example.com` } })).json.id;
    const location = (await api(app.url, 'POST', '/setup/v1/locations', { headers: auth, body: { name: `Annex ${template.length}` } })).json.id;
    const fill = (text: string) => text.replace('SERVICE', id('consult')).replace('ALICE', id('alice')).replace('BOB', id('bob')).replace('CUSTOMER', customer).replace('LOCATION', location);
    const base = JSON.parse(fill(JSON.stringify(valid)));
    const list = fill(listTemplate);
    for (const attribute of attributes) {
      for (const value of ODD_VALUES) {
        const path = fill(template).replace('HOLD', template.includes('HOLD') ? await holdAt('18:00') : '');
        const before = await total(list);
        const what = `${method} ${path} ${attribute}=${JSON.stringify(value)}`;
        const r = await send(method, path, { ...base, [attribute]: value });
        expectHandled(r, what);
        // A refused request adds nothing; a create, or a reschedule (the new appointment), adds one.
        const grows = r.status === 200 && (method === 'POST' || template.includes('reschedule')) ? 1 : 0;
        expect((await total(list)) - before, what).toBe(grows);
        // The hold made for this request is released so the next one can take the slot.
        if (path.includes('/appointments/')) await send('DELETE', path.split('/').slice(0, 5).join('/'));
        if (r.status === 200 && path.endsWith('/appointments?completeBooking=BK')) await send('PUT', `/consumer/v1/appointments/${JSON.parse(r.text).id}/cancel`);
        if (r.status === 200 && path.endsWith('/block')) await send('DELETE', `/setup/v1/resources/block/${JSON.parse(r.text).id}`);
        if (r.status === 200 && path.endsWith('/allocations')) await send('DELETE', `/setup/v1/services/allocations/${JSON.parse(r.text).id}`);
      }
    }
    for (const raw of RAW_BODIES) expectHandled(await send(method, fill(template).replace('HOLD', '1'), undefined, raw), `${method} ${template} body ${raw}`);
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
    ['/setup/v1/locations', ['offset', 'limit']],
    ['/setup/v1/services', ['locationId', 'offset', 'limit']],
    ['/setup/v1/resources', ['locationId', 'offset', 'limit']],
    ['/setup/v1/resources/BOB/blocks', ['startDate', 'endDate', 'offset', 'limit']],
    ['/setup/v1/services/SERVICE/resources', ['offset', 'limit']],
  ];

  it.each(queries)('GET %s with odd values in every parameter', async (template, params) => {
    const path = template.replace('SERVICE', id('consult')).replace('BOB', id('bob'));
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
      ['GET', '/setup/v1/locations/ID'], ['PUT', '/setup/v1/locations/ID'], ['DELETE', '/setup/v1/locations/ID'], ['PUT', '/setup/v1/services/ID'],
      ['DELETE', '/setup/v1/services/ID'], ['POST', '/setup/v1/services/ID/allocations'], ['PUT', '/setup/v1/services/allocations/ID'],
      ['DELETE', '/setup/v1/services/allocations/ID'], ['GET', '/setup/v1/resources/ID'], ['PUT', '/setup/v1/resources/ID'], ['DELETE', '/setup/v1/resources/ID'],
      ['GET', '/setup/v1/resources/ID/availability'], ['PUT', '/setup/v1/resources/ID/availability'], ['POST', '/setup/v1/resources/ID/block'],
      ['GET', '/setup/v1/resources/ID/blocks'], ['GET', '/setup/v1/resources/blocks/ID'], ['DELETE', '/setup/v1/resources/block/ID'],
      ['POST', '/setup/v1/resources/ID/services'], ['DELETE', '/setup/v1/resources/ID/services'],
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
