// Bad input never gets a 500: every route of the surface, fed wrong types, odd values and
// malformed bodies, answers a 4xx in Acuity's envelope (or a 2xx where the input is harmless).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { acuityClinic, createCompany, nextWeekday, startServer, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);
const ODD_VALUES: unknown[] = [null, true, -1, 0, 1.5, 1e308, '', ' ', 'x', '1; drop table appointments', '9'.repeat(40), [], [1, 'a'], {}, { id: {} }, '2016-13-45T99:99:99'];

describe.each(backends)('Acuity robustness on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let auth: string;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, acuityClinic({ classDay: DAY }));
    auth = `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}`;
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const send = async (method: string, path: string, body?: unknown, raw?: string) => {
    const r = await fetch(`${app.url}/api/v1${path}`, {
      method, headers: { authorization: auth, ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await r.text();
    return { status: r.status, text };
  };
  const expectHandled = (r: { status: number; text: string }, what: string) => {
    expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
    if (r.status >= 400) expect(JSON.parse(r.text), what).toEqual({ status_code: r.status, message: expect.any(String), error: expect.any(String) });
  };

  const bodies: Array<[string, string, string[]]> = [
    ['POST', '/appointments', ['datetime', 'appointmentTypeID', 'calendarID', 'firstName', 'lastName', 'email', 'phone', 'timezone', 'certificate', 'fields', 'addonIDs', 'labels', 'notes', 'smsOptIn']],
    ['PUT', '/appointments/1', ['firstName', 'lastName', 'email', 'phone', 'certificate', 'notes', 'fields', 'labels']],
    ['PUT', '/appointments/1/cancel', ['cancelNote', 'noShow']],
    ['PUT', '/appointments/1/reschedule', ['datetime', 'calendarID', 'timezone']],
    ['POST', '/availability/check-times', ['datetime', 'appointmentTypeID', 'calendarID', 'addonIDs']],
    ['POST', '/blocks', ['start', 'end', 'calendarID', 'notes']],
    ['POST', '/certificates', ['productID', 'couponID', 'certificate', 'email']],
    ['POST', '/clients', ['firstName', 'lastName', 'email', 'phone', 'notes']],
    ['POST', '/webhooks', ['event', 'target']],
  ];

  it.each(bodies)('%s %s with odd values in every attribute', async (method, path, attributes) => {
    const booking = { datetime: `${DAY}T10:00:00`, appointmentTypeID: company.refs.session.id, firstName: 'A', lastName: 'B', email: 'a@example.com' };
    if (path !== '/appointments') await send('POST', '/appointments', { ...booking, fields: [{ id: company.refs.first.id, value: 'yes' }] });
    for (const attribute of attributes) {
      for (const value of ODD_VALUES) {
        expectHandled(await send(method, path, { ...booking, [attribute]: value }), `${method} ${path} ${attribute}=${JSON.stringify(value)}`);
      }
    }
    for (const raw of ['[]', '"text"', '42', 'null', '{', '{"a":1}}', '{"__proto__": {"admin": true}}']) {
      expectHandled(await send(method, path, undefined, raw), `${method} ${path} body ${raw}`);
    }
  });

  const queries: Array<[string, string[]]> = [
    ['/appointments', ['max', 'minDate', 'maxDate', 'calendarID', 'appointmentTypeID', 'canceled', 'showall', 'email', 'direction', 'field:1', 'field:abc']],
    ['/availability/dates', ['month', 'appointmentTypeID', 'calendarID', 'addonIDs', 'addonIDs[]', 'addonIDs[0]', 'timezone']],
    ['/availability/times', ['date', 'appointmentTypeID', 'calendarID', 'addonIDs[0]', 'timezone', 'ignoreAppointmentIDs[]']],
    ['/availability/classes', ['month', 'appointmentTypeID', 'calendarID', 'timezone', 'minDate', 'maxDate', 'includeUnavailable']],
    ['/blocks', ['max', 'minDate', 'maxDate', 'calendarID']],
    ['/certificates', ['productID', 'orderID', 'appointmentTypeID', 'email']],
    ['/certificates/check', ['certificate', 'appointmentTypeID', 'email']],
    ['/clients', ['search']],
    ['/orders', ['max', 'minDate', 'maxDate', 'email']],
    ['/appointment-types', ['includeDeleted']],
  ];

  it.each(queries)('GET %s with odd query values', async (path, names) => {
    const base = { month: DAY.slice(0, 7), date: DAY, appointmentTypeID: String(company.refs.session.id) };
    for (const name of names) {
      for (const value of ['', 'x', '-1', '0', '1.5', '99999999999999999999', '2016-02-30', 'Aint/No_Timezone', '%00', '[]']) {
        const qs = new URLSearchParams({ ...base, [name]: value }).toString();
        expectHandled(await send('GET', `${path}?${qs}`), `GET ${path} ${name}=${value}`);
      }
    }
  });

  it('odd ids in paths', async () => {
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999', '%20']) {
      for (const [method, path] of [['GET', `/appointments/${id}`], ['GET', `/appointments/${id}/payments`], ['PUT', `/appointments/${id}/cancel`],
        ['GET', `/blocks/${id}`], ['DELETE', `/blocks/${id}`], ['DELETE', `/certificates/${id}`], ['GET', `/orders/${id}`], ['DELETE', `/webhooks/${id}`]]) {
        expectHandled(await send(method, path), `${method} ${path}`);
      }
    }
  });
});
