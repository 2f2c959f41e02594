// Every error of Acuity's tables, one test each, through the official client: status 400 (or the
// general 401/404/405), the {status_code, message, error} envelope, and the offending value quoted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, sessionBooking, startServer, type Call, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);
const CLASS_DAY = nextWeekday(4);

describe('Acuity errors', () => {
  let app: RunningApp;
  let company: Company;
  let strict: Company;     // clients may neither cancel nor reschedule
  let cautious: Company;   // clients may, but not within 90 days
  let call: Call;
  let R: Company['refs'];
  let times: string[];
  let good: ReturnType<typeof sessionBooking>;

  beforeAll(async () => {
    app = await startServer(sqliteBackend);
    const doc = acuityClinic({ classDay: CLASS_DAY });
    doc.setup!.locations!.push({ ref: 'branch', name: 'Branch' });
    doc.setup!.services!.push({ ref: 'orphan', name: 'Offered where nobody works', duration: 30, scope: 'location', location: 'branch' });
    company = await createCompany(app, doc);
    strict = await createCompany(app, acuityClinic({ classDay: CLASS_DAY, settings: { clientCanCancel: false, clientCanReschedule: false } }));
    cautious = await createCompany(app, acuityClinic({ classDay: CLASS_DAY, settings: { minCancelHours: 24 * 90, minRescheduleHours: 24 * 90 } }));
    R = company.refs;
    call = basicClient(app, company);
    const r = await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id } });
    times = r.body.map((t: { time: string }) => t.time);
    good = sessionBooking(R, times[2], { fields: [{ id: R.first.id, value: 'no' }, { id: R.topics.id, value: 'A,C' }] });
  });
  afterAll(async () => { await app?.close(); await sqliteBackend.dropAll(); });

  const post = (body: unknown, qs?: Record<string, unknown>, as: Call = call) => as('/appointments', { method: 'POST', body, qs });
  const expectError = (r: { status: number; body: unknown }, status: number, error: string, message?: string) => {
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ status_code: status, error, message: message ?? expect.any(String) });
  };

  describe('POST /appointments', () => {
    const cases: Array<[string, () => Record<string, unknown>, () => string]> = [
      ['required_first_name', () => ({ ...good, firstName: undefined }), () => 'Attribute "firstName" is required.'],
      ['required_last_name', () => ({ ...good, lastName: '  ' }), () => 'Attribute "lastName" is required.'],
      ['required_email', () => ({ ...good, email: undefined }), () => 'Attribute "email" is required.'],
      ['invalid_email', () => ({ ...good, email: 'not-an-email' }), () => 'Invalid "email" attribute value.'],
      ['invalid_fields', () => ({ ...good, fields: [...good.fields, { id: 999999, value: 'x' }] }), () => 'The field "999999" does not exist on this appointment.'],
      ['required_field', () => ({ ...good, fields: [{ id: R.topics.id, value: 'A' }] }), () => `The field "${R.first.id}" is required.`],
      ['required_appointment_type_id', () => ({ ...good, appointmentTypeID: undefined }), () => 'The parameter "appointmentTypeID" is required.'],
      ['invalid_appointment_type', () => ({ ...good, appointmentTypeID: 987654321 }), () => 'The appointment type "987654321" does not exist.'],
      ['invalid_calendar', () => ({ ...good, calendarID: 987654321 }), () => 'The calendar "987654321" does not exist.'],
      ['required_datetime', () => ({ ...good, datetime: undefined }), () => 'The parameter "datetime" is required.'],
      ['invalid_timezone', () => ({ ...good, timezone: 'Aint/No_Timezone' }), () => 'Invalid timezone "Aint/No_Timezone".'],
      ['invalid_datetime', () => ({ ...good, datetime: 'asdf' }), () => 'The datetime "asdf" is invalid.'],
      ['no_available_calendar', () => ({ ...good, appointmentTypeID: R.orphan.id, fields: undefined }), () => 'We could not find an available calendar.'],
      ['not_available_min_hours_in_advance', () => ({ ...good, datetime: '2020-01-08T10:00:00-0500' }), () => 'The time "2020-01-08T10:00:00-0500" is not far enough in advance.'],
      ['not_available_max_days_in_advance', () => ({ ...good, datetime: '2031-01-08T10:00:00' }), () => 'The time "2031-01-08T10:00:00" is too far in advance.'],
      ['not_available', () => ({ ...good, datetime: `${DAY}T05:00:00-0800` }), () => `The time "${DAY}T05:00:00-0800" is not an available time slot.`],
      ['invalid_certificate', () => ({ ...good, certificate: 'NOCODENOPROBLEM' }), () => 'The certificate "NOCODENOPROBLEM" is invalid.'],
      ['expired_certificate', () => ({ ...good, certificate: 'EXPIRED' }), () => 'The certificate "EXPIRED" is expired.'],
      ['certificate_uses', () => ({ ...good, certificate: 'USEDUP' }), () => `The certificate "USEDUP" has no remaining uses for appointment type "${R.session.id}".`],
      ['invalid_certificate_type', () => ({ ...good, certificate: 'CONSULTONLY' }), () => `The certificate "CONSULTONLY" is invalid for appointment type "${R.session.id}".`],
    ];
    it.each(cases)('%s', async (code, body, message) => {
      expectError(await post(body()), 400, code, message());
      // Nothing was written: the slot is still offered.
      const open = await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id } });
      expect(open.body.map((t: { time: string }) => t.time)).toContain(times[2]);
    });

    it('the good request behind every case books', async () => {
      const r = await post({ ...good, datetime: times[3] });
      expect(r.status).toBe(200);
    });
  });

  describe('cancel and reschedule rules', () => {
    const bookFor = async (c: Company) => {
      const as = basicClient(app, c);
      const open = await as('/availability/times', { qs: { date: DAY, appointmentTypeID: c.refs.session.id } });
      const r = await post(sessionBooking(c.refs, open.body[0].time), undefined, as);
      expect(r.status).toBe(200);
      return { as, id: r.body.id as number, later: open.body[1].time as string };
    };

    it('cancel_not_allowed, lifted by admin=true', async () => {
      const { as, id } = await bookFor(strict);
      expectError(await as(`/appointments/${id}/cancel`, { method: 'PUT' }), 400, 'cancel_not_allowed', 'Clients are not allowed to cancel.');
      expect((await as(`/appointments/${id}/cancel`, { method: 'PUT', qs: { admin: true } })).body.canceled).toBe(true);
    });

    it('cancel_too_close', async () => {
      const { as, id } = await bookFor(cautious);
      expectError(await as(`/appointments/${id}/cancel`, { method: 'PUT' }), 400, 'cancel_too_close', 'Clients are not allowed to cancel this close to the time of the appointment.');
    });

    it('reschedule_not_allowed, lifted by admin=true', async () => {
      const { as, id, later } = await bookFor(strict);
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: { datetime: later } }), 400, 'reschedule_not_allowed', 'Clients are not allowed to reschedule.');
      expect((await as(`/appointments/${id}/reschedule`, { method: 'PUT', qs: { admin: true }, body: { datetime: later } })).body.datetime).toBe(later);
    });

    it('reschedule_too_close', async () => {
      const { as, id, later } = await bookFor(cautious);
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: { datetime: later } }), 400, 'reschedule_too_close',
        'Clients are not allowed to reschedule this close to the time of the appointment.');
    });

    it('reschedule_canceled, even for an admin', async () => {
      const { as, id, later } = await bookFor(company);
      await as(`/appointments/${id}/cancel`, { method: 'PUT' });
      for (const qs of [{}, { admin: true }]) {
        expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', qs, body: { datetime: later } }), 400, 'reschedule_canceled', 'Canceled appointments may not be rescheduled.');
      }
    });

    it('reschedule_series for a class seat', async () => {
      const [session] = (await call('/availability/classes', { qs: { month: CLASS_DAY.slice(0, 7) } })).body;
      const seat = await post({ datetime: session.time, appointmentTypeID: R.yoga.id, firstName: 'Yogi', lastName: 'Bear', email: 'yogi@example.com' });
      expectError(await call(`/appointments/${seat.body.id}/reschedule`, { method: 'PUT', body: { datetime: session.time } }), 400, 'reschedule_series', 'Class series may not be rescheduled.');
    });

    it('reschedule: required_datetime, invalid_datetime, invalid_calendar, not_available', async () => {
      const { as, id } = await bookFor(company);
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: {} }), 400, 'required_datetime', 'The parameter "datetime" is required.');
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: { datetime: 'soon' } }), 400, 'invalid_datetime', 'The datetime "soon" is invalid.');
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: { datetime: times[4], calendarID: 424242 } }), 400, 'invalid_calendar', 'The calendar "424242" does not exist.');
      expectError(await as(`/appointments/${id}/reschedule`, { method: 'PUT', body: { datetime: `${DAY}T23:00:00` } }), 400, 'not_available', `The time "${DAY}T23:00:00" is not an available time slot.`);
    });
  });

  describe('general errors', () => {
    it('bad_request for a body that is not a JSON object, or not JSON at all', async () => {
      expectError(await post([good]), 400, 'bad_request', 'Expected a JSON object.');
      const raw = await fetch(`${app.url}/api/v1/appointments`, {
        method: 'POST', body: '{"firstName": ', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` },
      });
      expect(raw.status).toBe(400);
      expect(await raw.json()).toEqual({ status_code: 400, error: 'bad_request', message: 'Expected a JSON object.' });
    });

    it('unauthorized without credentials, with a wrong key, or with a key of another account', async () => {
      expectError(await basicClient(app, company, 'wrong')('/appointments'), 401, 'unauthorized');
      expectError(await basicClient(app, { ...company, id: strict.id })('/me'), 401, 'unauthorized');
      const none = await fetch(`${app.url}/api/v1/me`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    });

    it('not_found for another account\'s appointment, an unknown id, and an unknown path', async () => {
      const theirs = await post(sessionBooking(strict.refs, times[5]), undefined, basicClient(app, strict));
      expect(theirs.status).toBe(200);
      expectError(await call(`/appointments/${theirs.body.id}`), 404, 'not_found');
      expectError(await call(`/appointments/${theirs.body.id}/cancel`, { method: 'PUT' }), 404, 'not_found');
      expectError(await call('/appointments/99999999'), 404, 'not_found');
      expectError(await call('/appointments/not-a-number'), 404, 'not_found');
      expectError(await call('/appointments-addons'), 404, 'not_found');
    });

    it('method_not_allowed for a known path with another method, naming the allowed ones', async () => {
      const r = await call('/appointments', { method: 'DELETE' });
      expectError(r, 405, 'method_not_allowed');
      expect(r.headers.allow).toContain('POST');
      expectError(await call(`/appointments/1/cancel`, { method: 'POST' }), 405, 'method_not_allowed');
    });

    it('availability parameters: required and invalid month, date, type and timezone', async () => {
      expectError(await call('/availability/dates', { qs: { appointmentTypeID: R.session.id } }), 400, 'required_month');
      expectError(await call('/availability/dates', { qs: { month: 'May', appointmentTypeID: R.session.id } }), 400, 'invalid_month');
      expectError(await call('/availability/times', { qs: { appointmentTypeID: R.session.id } }), 400, 'required_date');
      expectError(await call('/availability/times', { qs: { date: DAY } }), 400, 'required_appointment_type_id');
      expectError(await call('/availability/times', { qs: { date: DAY, appointmentTypeID: 987654321 } }), 400, 'invalid_appointment_type', 'The appointment type "987654321" does not exist.');
      expectError(await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id, timezone: 'Aint/No_Timezone' } }), 400, 'invalid_timezone');
      expectError(await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id, calendarID: 987654321 } }), 400, 'invalid_calendar');
    });
  });
});
