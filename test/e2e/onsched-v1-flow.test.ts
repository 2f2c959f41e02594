// A v1 OnSched integration, end to end, exactly as OnSched's v1 guides walk it: a token from
// /connect/token, the services, availability for a day, POST an appointment (a hold, IN), PUT
// …/book with name and email, GET it, reschedule it, cancel it. Every answer is checked against
// the v1 view model written in this repository from OnSched's published OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { AppointmentInitialViewModel, AppointmentListViewModel, AppointmentViewModel } from '../../src/http/onsched-v1/schemas/appointment-models.js';
import { AvailabilityDayViewModel, AvailabilityViewModel } from '../../src/http/onsched-v1/schemas/availability-models.js';
import { ServiceListViewModel } from '../../src/http/onsched-v1/schemas/service-models.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, createCompany, onsched, startServer, wallTime, type Company } from './onsched-client.js';
import { expectModel, expectProblem, v1, v1Token, type V1 } from './onsched-v1-client.js';

const NY = 'America/New_York';
const day = nextWeekday(3);
const nextDay = nextWeekday(4);

describe.each(backends)('OnSched v1 booking flow on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let client: V1;
  let serviceId: string;
  let times: Array<{ startDateTime: string; endDateTime: string; resourceId: string }>;
  let appointmentId: string;
  let rescheduledId: string;

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 300 }));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('gets a token from /connect/token, which works on v1 and v3 paths; a v3 token works on v1', async () => {
    const token = await v1Token(app, company);
    client = v1(app, { authorization: `Bearer ${token}` });
    expect((await onsched(app, { authorization: `Bearer ${token}` }).get('/locations')).status).toBe(200);
    const v3Token = await accessToken(app, company);
    expect((await v1(app, { authorization: `Bearer ${v3Token}` }).get('/consumer/v1/services')).status).toBe(200);
    expectProblem(await v1(app, {}).get('/consumer/v1/services'), 401);
    expectProblem(await v1(app, { authorization: 'Bearer nope' }).get('/consumer/v1/services'), 401);
  });

  it('lists the services as ServiceListViewModel, ids as strings of our numeric ids', async () => {
    const r = await client.get('/consumer/v1/services');
    expectModel(r, ServiceListViewModel);
    expect(r.json).toMatchObject({ object: 'list', url: '/consumer/v1/services', hasMore: false, count: 3, total: 3 });
    const consult = r.json.data.find((s: { name: string }) => s.name === 'Consultation');
    expect(consult).toMatchObject({ id: String(company.refs.consult.id), object: 'service', duration: 30, bookingInterval: 30, roundRobin: 2 });
    serviceId = consult.id;
  });

  it('answers availability for a day at the primary location (no locationId), local times with the offset', async () => {
    const r = await client.get(`/consumer/v1/availability/${serviceId}/${day}/${day}`);
    expectModel(r, AvailabilityViewModel);
    expect(r.json).toMatchObject({ object: 'availability', serviceId, serviceName: 'Consultation', serviceDuration: 30, startDate: day, endDate: day,
      locationId: String(company.refs.main.id), firstAvailableDate: day });
    expect(r.json.availableDays).toEqual([expect.objectContaining({ date: day, available: true, closed: false, bookingCount: 0 })]);
    times = r.json.availableTimes;
    expect(times).toHaveLength(16); // BALANCED: one resource per half hour, 09:00–16:30
    // Two people could still take 09:00, whichever of them the balanced pick names.
    expect(times[0]).toMatchObject({ date: day, time: 900, displayTime: '9:00 AM', duration: 30, allowableBookings: 1, availableBookings: 2 });
    expect(times[0].startDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T09:00:00-0[45]:00$/);
    expect([String(company.refs.alice.id), String(company.refs.bob.id)]).toContain(times[0].resourceId);
    const days = await client.get(`/consumer/v1/availability/${serviceId}/${day}/${nextDay}/days`);
    expectModel(days, AvailabilityDayViewModel);
    expect(days.json.availableDays.map((d: { date: string }) => d.date)).toEqual([day, nextDay]);
  });

  it('narrows availability with military startTime/endTime, roundRobin=0 lists every resource, a trailing slash is fine', async () => {
    const r = await client.get(`/consumer/v1/availability/${serviceId}/${day}/${day}/?startTime=1300&endTime=1500&roundRobin=0`);
    expectModel(r, AvailabilityViewModel);
    const starts = r.json.availableTimes.map((t: { time: number }) => t.time);
    expect(starts).toEqual([1300, 1300, 1330, 1330, 1400, 1400, 1430, 1430]);
  });

  it('POSTs an appointment as a hold (IN) at an offered time, and that resource is no longer offered then', async () => {
    const t = times[0];
    const r = await client.post('/consumer/v1/appointments', { serviceId, resourceId: t.resourceId, startDateTime: t.startDateTime, endDateTime: t.endDateTime });
    expectModel(r, AppointmentInitialViewModel);
    expect(r.json).toMatchObject({ object: 'appointment', status: 'IN', serviceId, resourceId: t.resourceId, startDateTime: t.startDateTime, duration: 30, customerId: null, name: null });
    appointmentId = r.json.id;
    expect(appointmentId).toMatch(/^\d+$/);
    const again = await client.post('/consumer/v1/appointments', { serviceId, resourceId: t.resourceId, startDateTime: t.startDateTime, endDateTime: t.endDateTime });
    expectProblem(again, 409);
  });

  it('PUT …/book with name and email books it (IN → BK) and creates the customer', async () => {
    const r = await client.put(`/consumer/v1/appointments/${appointmentId}/book`, { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+15555550100', customFields: { field1: 'first visit' } });
    expectModel(r, AppointmentViewModel);
    expect(r.json).toMatchObject({ id: appointmentId, status: 'BK', name: 'Ada Lovelace', firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com',
      customFields: { field1: { name: 'field1', value: 'first visit' } } });
    expect(r.json.customerId).toMatch(/^\d+$/);
  });

  it('GETs it back, by our id and by its v3 uid, and finds it in the list', async () => {
    const r = await client.get(`/consumer/v1/appointments/${appointmentId}`);
    expectModel(r, AppointmentViewModel);
    expect(r.json).toMatchObject({ id: appointmentId, status: 'BK', date: day, time: 900, timezoneIana: NY });
    const v3 = onsched(app, { 'x-api-key': company.apiKey });
    const uid = (await v3.get('/appointments?status=BK')).json.data[0].id;
    expect((await client.get(`/consumer/v1/appointments/${uid}`)).json.id).toBe(appointmentId);
    const list = await client.get(`/consumer/v1/appointments?startDate=${day}&endDate=${day}&status=BK`);
    expectModel(list, AppointmentListViewModel);
    expect(list.json).toMatchObject({ object: 'list', count: 1, total: 1, hasMore: false });
    expect(list.json.data[0].id).toBe(appointmentId);
  });

  it('reschedules it to 11:00: the new appointment answers, the original is RE', async () => {
    const at = times.find((t) => wallTime(t.startDateTime, NY) === '11:00')!;
    const r = await client.put(`/consumer/v1/appointments/${appointmentId}/reschedule`, { startDateTime: at.startDateTime, endDateTime: at.endDateTime });
    expectModel(r, AppointmentViewModel);
    expect(r.json).toMatchObject({ status: 'BK', time: 1100, rescheduledId: appointmentId, email: 'ada@example.com' });
    rescheduledId = r.json.id;
    expect(rescheduledId).not.toBe(appointmentId);
    expect((await client.get(`/consumer/v1/appointments/${appointmentId}`)).json.status).toBe('RE');
  });

  it('cancels the new appointment (BK → CN), and cancelling again is a 400', async () => {
    const r = await client.put(`/consumer/v1/appointments/${rescheduledId}/cancel`);
    expectModel(r, AppointmentViewModel);
    expect(r.json).toMatchObject({ id: rescheduledId, status: 'CN' });
    expectProblem(await client.put(`/consumer/v1/appointments/${rescheduledId}/cancel`), 400);
  });
});
