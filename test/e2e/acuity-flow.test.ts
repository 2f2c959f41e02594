// An Acuity integration's day through the official client, against a real server on each backend:
// account and catalog, availability (with add-ons), bookings with fields, coupon, package and label,
// admin bookings, listing, updates, cancel, reschedule, and class seats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, sessionBooking, startServer, type Call, type Company } from './acuity-client.js';

const ACUITY_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d{4}$/;
const DAY = nextWeekday(3);       // a Wednesday
const CLASS_DAY = nextWeekday(4); // the Thursday after

describe.each(backends)('Acuity client flow on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let call: Call;
  let R: Company['refs'];
  let times: string[] = [];
  const post = (body: unknown, qs?: Record<string, unknown>) => call('/appointments', { method: 'POST', body, qs });
  const timesOf = async (typeId: number, qs: Record<string, unknown> = {}) =>
    (await call('/availability/times', { qs: { date: DAY, appointmentTypeID: typeId, ...qs } })).body as Array<{ time: string; slotsAvailable: number }>;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, acuityClinic({ classDay: CLASS_DAY }));
    R = company.refs;
    call = basicClient(app, company);
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('refuses a wrong API key with 401 in the Acuity envelope', async () => {
    const r = await basicClient(app, company, 'not-the-key')('/me');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ status_code: 401, message: 'Unauthorized', error: 'unauthorized' });
  });

  it('shows the account', async () => {
    const r = await call('/me');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: company.id, name: 'Acuity Clinic', timezone: 'America/New_York', timeFormat: 'ampm', currency: 'USD' });
  });

  it('lists appointment types with calendars, add-ons, forms, money as strings and class sizes', async () => {
    const r = await call('/appointment-types');
    expect(r.status).toBe(200);
    const byId = new Map(r.body.map((t: { id: number }) => [t.id, t]));
    expect(byId.get(R.session.id)).toMatchObject({
      name: 'Session', duration: 60, price: '50.00', category: 'Therapy', type: 'service', classSize: null, active: true, private: false,
      calendarIDs: [R.alice.id], addonIDs: [R.extra.id, R.secret.id], formIDs: [R.intake.id], paddingBefore: 0, paddingAfter: 0,
    });
    expect(byId.get(R.yoga.id)).toMatchObject({ type: 'class', classSize: 2, calendarIDs: [R.bob.id] });
    expect(byId.get(R.consult.id)).toMatchObject({ calendarIDs: [R.alice.id, R.bob.id] });
  });

  it('lists calendars with their zones, add-ons, forms and labels', async () => {
    const calendars = (await call('/calendars')).body;
    expect(calendars).toContainEqual(expect.objectContaining({ id: R.alice.id, name: 'Alice', email: 'alice@example.com', timezone: 'America/New_York', location: '1 Main St' }));
    expect(calendars).toContainEqual(expect.objectContaining({ id: R.carol.id, timezone: 'Asia/Kolkata' }));
    const addons = (await call('/appointment-addons')).body;
    expect(addons).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: R.extra.id, name: 'Extra time', duration: 30, price: '15.00', private: false }),
      expect.objectContaining({ id: R.secret.id, duration: 15, price: '5.00', private: true }),
    ]));
    const [form] = (await call('/forms')).body;
    expect(form).toMatchObject({ id: R.intake.id, name: 'Intake', hidden: false, appointmentTypeIDs: [R.session.id] });
    expect(form.fields).toEqual([
      expect.objectContaining({ id: R.first.id, name: 'First visit?', type: 'yesno', required: true, options: null }),
      expect.objectContaining({ id: R.topics.id, type: 'checkboxlist', required: false, options: ['A', 'B', 'C'] }),
      expect.objectContaining({ id: R.scan.id, type: 'file' }),
    ]);
    expect((await call('/labels')).body).toEqual([{ id: R.vip.id, name: 'VIP', color: 'pink' }, { id: R.late.id, name: 'Late', color: 'red' }]);
  });

  it('offers dates of the month and hourly times of a day, fewer with a 30-minute add-on in either array style', async () => {
    const dates = await call('/availability/dates', { qs: { month: DAY.slice(0, 7), appointmentTypeID: R.session.id, timezone: 'America/New_York' } });
    expect(dates.status).toBe(200);
    expect(dates.body).toContainEqual({ date: DAY });
    for (const { date } of dates.body) expect([0, 6]).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());

    const plain = await timesOf(R.session.id, { timezone: 'America/New_York' });
    expect(plain).toHaveLength(8);
    expect(plain.every((t) => ACUITY_DATETIME.test(t.time) && t.slotsAvailable === 1)).toBe(true);
    expect(plain[0].time).toMatch(new RegExp(`^${DAY}T09:00:00-0[45]00$`));
    times = plain.map((t) => t.time);

    expect(await timesOf(R.session.id, { addonIDs: [R.extra.id] })).toHaveLength(7); // sent as addonIDs[0]=…
    const bracket = await fetch(`${app.url}/api/v1/availability/times?date=${DAY}&appointmentTypeID=${R.session.id}&addonIDs[]=${R.extra.id}`,
      { headers: { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` } });
    expect(await bracket.json()).toHaveLength(7);
    expect((await timesOf(R.consult.id))[0].slotsAvailable).toBe(2);
  });

  let booked: any;
  it('books with fields, a coupon and a label, and renders Acuity\'s appointment object', async () => {
    const r = await post(sessionBooking(R, times[1], {
      phone: '555-0100', timezone: 'America/Chicago', certificate: 'TENOFF', labels: [{ id: R.vip.id }],
      fields: [{ id: R.first.id, value: 'yes' }, { id: R.topics.id, value: 'A,C' }, { id: R.scan.id, value: 'https://files.example.com/scan.pdf' }],
      notes: 'ignored without admin',
    }), { noEmail: true });
    expect(r.status).toBe(200);
    booked = r.body;
    expect(booked).toMatchObject({
      firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '555-0100', type: 'Session', appointmentTypeID: R.session.id,
      calendar: 'Alice', calendarID: R.alice.id, duration: '60', price: '50.00', priceSold: '45.00', paid: 'no', amountPaid: '0.00',
      certificate: 'TENOFF', labels: [{ id: R.vip.id, name: 'VIP', color: 'pink' }], notes: '', canceled: false, category: 'Therapy',
      timezone: 'America/Chicago', calendarTimezone: 'America/New_York', canClientCancel: true, canClientReschedule: true, addonIDs: [], classID: null,
    });
    expect(booked.datetime).toBe(times[1]);
    expect(booked.time).toBe('9:00am'); // 10:00 New York is 9:00 in the client's Chicago
    expect(booked.endTime).toBe('10:00am');
    expect(booked.date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(booked).not.toHaveProperty('noShow');
    expect(booked.forms).toEqual([{ id: R.intake.id, name: 'Intake', values: [
      { id: expect.any(Number), fieldID: R.first.id, value: 'yes', name: 'First visit?' },
      { id: expect.any(Number), fieldID: R.topics.id, value: 'A,C', name: 'Topics' },
      { id: expect.any(Number), fieldID: R.scan.id, value: 'https://files.example.com/scan.pdf', name: 'Scan' },
    ] }]);
    // Each answer has its own id, distinct from the field it answers (as real Acuity answers have).
    const answerIds = booked.forms[0].values.map((v: { id: number }) => v.id);
    expect(new Set([...answerIds, R.first.id, R.topics.id, R.scan.id]).size).toBe(6);
    expect((await timesOf(R.session.id)).map((t) => t.time)).not.toContain(times[1]);
  });

  it('answers not_available for the same slot again', async () => {
    const r = await post(sessionBooking(R, times[1], { email: 'grace@example.com' }));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status_code: 400, error: 'not_available', message: `The time "${times[1]}" is not an available time slot.` });
  });

  it('adds add-on duration and price; private add-ons are for admins only', async () => {
    const withExtra = await post(sessionBooking(R, times[5], { addonIDs: [R.extra.id] }));
    expect(withExtra.status).toBe(200);
    expect(withExtra.body).toMatchObject({ duration: '90', price: '65.00', priceSold: '65.00', addonIDs: [R.extra.id] });
    const secretAsClient = await post(sessionBooking(R, times[7], { addonIDs: [R.secret.id] }));
    expect(secretAsClient.status).toBe(400);
    expect(secretAsClient.body.error).toBe('invalid_addons');
    const secretAsAdmin = await post(sessionBooking(R, times[7], { addonIDs: [R.secret.id], calendarID: R.alice.id }), { admin: true });
    expect(secretAsAdmin.status).toBe(200);
    expect(secretAsAdmin.body).toMatchObject({ duration: '75', price: '55.00' });
  });

  it('redeems a counts package until it runs out', async () => {
    const first = await post(sessionBooking(R, times[3], { certificate: 'twopack' }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ certificate: 'TWOPACK', price: '50.00', priceSold: '0.00', paid: 'yes' });
    const check = await call('/certificates/check', { qs: { certificate: 'TWOPACK', appointmentTypeID: R.session.id } });
    expect(check.body).toMatchObject({ certificate: 'TWOPACK', type: 'counts', remainingCounts: 1 });
    expect((await post(sessionBooking(R, times[4], { certificate: 'TWOPACK' }))).status).toBe(200);
    const third = await post(sessionBooking(R, times[0], { certificate: 'TWOPACK' }));
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject({ error: 'certificate_uses', message: `The certificate "TWOPACK" has no remaining uses for appointment type "${R.session.id}".` });
    expect((await timesOf(R.session.id)).map((t) => t.time)).toContain(times[0]); // the failed booking wrote nothing
  });

  it('books as an admin: overbooks on the calendar given, keeps notes, needs no email', async () => {
    const r = await post({ datetime: times[1], appointmentTypeID: R.session.id, calendarID: R.alice.id, firstName: 'Bob', lastName: 'McTest', notes: 'My notes.' }, { admin: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ notes: 'My notes.', calendarID: R.alice.id, email: '', datetime: times[1] });
    // Without a calendar an admin booking takes a free one; the session's only calendar is busy then.
    const none = await post({ datetime: times[1], appointmentTypeID: R.session.id, firstName: 'Bob', lastName: 'McTest' }, { admin: true });
    expect(none.body).toEqual({ status_code: 400, error: 'no_available_calendar', message: 'We could not find an available calendar.' });
    const free = await post({ datetime: times[2], appointmentTypeID: R.session.id, firstName: 'Bob', lastName: 'McTest' }, { admin: true });
    expect(free.status).toBe(200);
    expect(free.body.calendarID).toBe(R.alice.id);
  });

  it('gets one appointment and lists with filters, newest first by default', async () => {
    const got = await call(`/appointments/${booked.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(booked);
    const day = await call('/appointments', { qs: { minDate: DAY, maxDate: DAY, calendarID: R.alice.id } });
    expect(day.body.map((a: { datetime: string }) => a.datetime)).toEqual([...day.body.map((a: { datetime: string }) => a.datetime)].sort().reverse());
    expect(day.body).toHaveLength(7);
    const asc = await call('/appointments', { qs: { minDate: DAY, maxDate: DAY, direction: 'ASC', max: 2, excludeForms: true } });
    expect(asc.body).toHaveLength(2);
    expect(asc.body[0].datetime <= asc.body[1].datetime).toBe(true);
    expect(asc.body[0]).not.toHaveProperty('forms');
    const byField = await call('/appointments', { qs: { [`field:${R.topics.id}`]: 'A,C' } });
    expect(byField.body.map((a: { id: number }) => a.id)).toEqual([booked.id]);
    const byEmail = await call('/appointments', { qs: { email: 'ADA@example.com', appointmentTypeID: R.session.id } });
    expect(byEmail.body.length).toBeGreaterThanOrEqual(5);
    expect((await call('/appointments', { qs: { firstName: 'Nobody' } })).body).toEqual([]);
    expect((await call(`/appointments/${booked.id}/payments`)).body).toEqual([]);
  });

  it('updates client details, answers and labels; notes and certificate only as an admin', async () => {
    const r = await call(`/appointments/${booked.id}`, { method: 'PUT', body: {
      firstName: 'Augusta', phone: '555-0199', fields: [{ id: R.topics.id, value: 'B' }], labels: [{ id: R.late.id }], notes: 'not allowed',
    } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: booked.id, firstName: 'Augusta', lastName: 'Lovelace', phone: '555-0199', notes: '', labels: [{ id: R.late.id, name: 'Late', color: 'red' }] });
    expect(r.body.forms[0].values.map((v: { value: string }) => v.value)).toEqual(['yes', 'B', 'https://files.example.com/scan.pdf']);
    const admin = await call(`/appointments/${booked.id}`, { method: 'PUT', qs: { admin: true }, body: { notes: 'Admin notes', certificate: 'FIVEOFF' } });
    expect(admin.body).toMatchObject({ notes: 'Admin notes', certificate: 'FIVEOFF', price: '50.00', priceSold: '45.00' });
    const cleared = await call(`/appointments/${booked.id}`, { method: 'PUT', body: { firstName: '' } });
    expect(cleared.body).toMatchObject({ status_code: 400, error: 'required_first_name' });
    const moved = await call(`/appointments/${booked.id}`, { method: 'PUT', body: { email: 'augusta@example.com' } });
    expect(moved.body).toMatchObject({ email: 'augusta@example.com', firstName: 'Augusta' });
  });

  it('reschedules in place (same id), freeing the old time and taking the new one', async () => {
    const r = await call(`/appointments/${booked.id}/reschedule`, { method: 'PUT', body: { datetime: times[0] } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: booked.id, datetime: times[0], calendarID: R.alice.id });
    const open = (await timesOf(R.session.id)).map((t) => t.time);
    expect(open).not.toContain(times[0]);
    const taken = await call(`/appointments/${booked.id}/reschedule`, { method: 'PUT', body: { datetime: times[2] } });
    expect(taken.body).toMatchObject({ status_code: 400, error: 'not_available' });
  });

  it('cancels with a note, shows noShow only then, frees the time, and cannot cancel twice', async () => {
    const r = await call(`/appointments/${booked.id}/cancel`, { method: 'PUT', body: { cancelNote: 'changed plans', noShow: true } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: booked.id, canceled: true, noShow: false, canClientCancel: false, canClientReschedule: false });
    expect((await timesOf(R.session.id)).map((t) => t.time)).toContain(times[0]);
    const again = await call(`/appointments/${booked.id}/cancel`, { method: 'PUT' });
    expect(again.body).toMatchObject({ status_code: 400, error: 'appointment_canceled' });
    expect((await call('/appointments', { qs: { canceled: true } })).body.map((a: { id: number }) => a.id)).toEqual([booked.id]);
    const noShow = await post(sessionBooking(R, times[0], { email: 'nobody@example.com' }));
    const admin = await call(`/appointments/${noShow.body.id}/cancel`, { method: 'PUT', qs: { admin: true }, body: { noShow: true } });
    expect(admin.body).toMatchObject({ canceled: true, noShow: true });
  });

  it('seats a class until it is full; the last seat cannot be taken twice', async () => {
    const list = async (qs: Record<string, unknown> = {}) =>
      (await call('/availability/classes', { qs: { month: CLASS_DAY.slice(0, 7), appointmentTypeID: R.yoga.id, ...qs } })).body;
    const [session] = await list();
    expect(session).toMatchObject({ id: R.morning.id, appointmentTypeID: R.yoga.id, calendarID: R.bob.id, name: 'Yoga', calendar: 'Bob', duration: 60, slots: 2, slotsAvailable: 2, isSeries: false });
    expect(session.time).toMatch(new RegExp(`^${CLASS_DAY}T10:00:00-0[45]00$`));
    const seat = (i: number) => post({ datetime: session.time, appointmentTypeID: R.yoga.id, firstName: `Yogi${i}`, lastName: 'Student', email: `yogi${i}@example.com` });
    const first = await seat(1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ classID: R.morning.id, calendarID: R.bob.id, canClientReschedule: false });
    expect((await list())[0].slotsAvailable).toBe(1);
    const [a, b] = await Promise.all([seat(2), seat(3)]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a.body.error, b.body.error]).toContain('not_available');
    expect(await list()).toEqual([]);
    expect((await list({ includeUnavailable: true }))[0]).toMatchObject({ slots: 2, slotsAvailable: 0 });
    const times = await call('/availability/times', { qs: { date: CLASS_DAY, appointmentTypeID: R.yoga.id } });
    expect(times.body).toEqual([]);
    const move = await call(`/appointments/${first.body.id}/reschedule`, { method: 'PUT', body: { datetime: session.time } });
    expect(move.body).toMatchObject({ status_code: 400, error: 'reschedule_series', message: 'Class series may not be rescheduled.' });
  });
});
