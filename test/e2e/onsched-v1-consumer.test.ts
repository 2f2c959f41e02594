// Every /consumer/v1 route answers the view model OnSched's v1 OpenAPI declares for it (checked with
// the schemas written in this repository: every property present, null where there is no value),
// with v1 clients' habits: trailing slashes, ids as strings (or v3 uids), locationId omitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { AppointmentInitialViewModel, AppointmentListViewModel, AppointmentViewModel } from '../../src/http/onsched-v1/schemas/appointment-models.js';
import { AvailabilityDayViewModel, AvailabilityViewModel } from '../../src/http/onsched-v1/schemas/availability-models.js';
import { CustomerListViewModel, CustomerViewModel } from '../../src/http/onsched-v1/schemas/customer-models.js';
import { LocationListViewModel, LocationViewModel } from '../../src/http/onsched-v1/schemas/location-models.js';
import { ResourceGroupListViewModel } from '../../src/http/onsched-v1/schemas/resource-group-models.js';
import { ResourceListViewModel, ResourceServiceListViewModel, ResourceViewModel } from '../../src/http/onsched-v1/schemas/resource-models.js';
import { ServiceAllocationListViewModel, ServiceGroupListViewModel, ServiceViewModel } from '../../src/http/onsched-v1/schemas/service-models.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, startServer, type Company } from './onsched-client.js';
import { expectModel, expectProblem, v1, v1Token, type V1 } from './onsched-v1-client.js';

const day = nextWeekday(2);

describe.each(backends)('OnSched /consumer/v1 models on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let c: V1;
  const id = (ref: string) => String(company.refs[ref].id);
  const hold = async (hhmm: string, extra: Record<string, unknown> = {}, completeBooking = '') => {
    const start = (await c.get(`/consumer/v1/availability/${id('consult')}/${day}/${day}?resourceId=${id('alice')}`)).json.availableTimes
      .find((t: { time: number }) => t.time === Number(hhmm.replace(':', '')));
    return c.post(`/consumer/v1/appointments${completeBooking}`, { serviceId: id('consult'), resourceId: id('alice'), startDateTime: start.startDateTime, ...extra });
  };

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 300 }));
    c = v1(app, { authorization: `Bearer ${await v1Token(app, company)}` });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('locations: the list (primary first, primaryBusiness) and one, by id and by v3 uid', async () => {
    const list = await c.get('/consumer/v1/locations/');
    expectModel(list, LocationListViewModel);
    expect(list.json.data[0]).toMatchObject({ id: id('main'), primaryBusiness: true, timezoneIana: 'America/New_York', businessHours: expect.any(Object) });
    expectModel(await c.get(`/consumer/v1/locations/${id('main')}`), LocationViewModel);
    expect((await c.get(`/consumer/v1/locations/${company.refs.main.uid}`)).json.id).toBe(id('main'));
  });

  it('services, one service, its resources and its allocations; groups are empty lists', async () => {
    const one = await c.get(`/consumer/v1/services/${id('consult')}/`);
    expectModel(one, ServiceViewModel);
    expect(one.json).toMatchObject({ id: id('consult'), name: 'Consultation', duration: 30, feeAmount: null });
    const resources = await c.get(`/consumer/v1/services/${id('consult')}/resources`);
    expectModel(resources, ResourceListViewModel);
    expect(resources.json.data.map((r: { id: string }) => r.id).sort()).toEqual([id('alice'), id('bob')].sort());
    expectModel(await c.get(`/consumer/v1/services/${id('consult')}/allocations`), ServiceAllocationListViewModel);
    const groups = await c.get('/consumer/v1/servicegroups');
    expectModel(groups, ServiceGroupListViewModel);
    expect(groups.json).toMatchObject({ object: 'list', count: 0, total: 0, data: [] });
    expectModel(await c.get('/consumer/v1/resourcegroups'), ResourceGroupListViewModel);
    expectProblem(await c.get('/consumer/v1/servicegroups/1'), 404);
  });

  it('resources, one resource with its weekly availability, and the services it offers', async () => {
    expectModel(await c.get('/consumer/v1/resources?limit=1'), ResourceListViewModel);
    const alice = await c.get(`/consumer/v1/resources/${id('alice')}`);
    expectModel(alice, ResourceViewModel);
    expect(alice.json.availability).toMatchObject({ mon: { startTime: 900, endTime: 1700 }, sun: { startTime: 0, endTime: 0 } });
    const offered = await c.get(`/consumer/v1/resources/${id('alice')}/services`);
    expectModel(offered, ResourceServiceListViewModel);
    expect(offered.json.data).toContainEqual(expect.objectContaining({ serviceId: company.refs.consult.id, resourceId: company.refs.alice.id, serviceName: 'Consultation' }));
  });

  it('availability in the zone asked for (timezoneName, tzOffset), firstDayAvailable past a closed weekend, dayAvailability', async () => {
    const base = `/consumer/v1/availability/${id('consult')}`;
    const la = await c.get(`${base}/${day}/${day}?timezoneName=America/Los_Angeles&roundRobin=1`);
    expectModel(la, AvailabilityViewModel);
    expect(la.json.availableTimes[0]).toMatchObject({ time: 600, date: day });
    expect(la.json.tzRequested).toBe(-480);
    const offset = await c.get(`${base}/${day}/${day}?tzOffset=-300&roundRobin=1`);
    expect(offset.json.availableTimes[0]).toMatchObject({ time: 900 });
    expect(offset.json.availableTimes[0].startDateTime).toMatch(/-05:00$/);
    const saturday = nextWeekday(6);
    const plusDays = (date: string, n: number) => new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);
    const sunday = plusDays(saturday, 1);
    const monday = plusDays(saturday, 2);
    const weekend = await c.get(`${base}/${saturday}/${sunday}?firstDayAvailable=true`);
    expectModel(weekend, AvailabilityViewModel);
    expect(weekend.json.firstAvailableDate).toBe(monday);
    expect(weekend.json.availableTimes[0]).toMatchObject({ date: monday, time: 900 });
    expect(weekend.json.availableDays.map((d: { available: boolean }) => d.available)).toEqual([false, false]);
    const days = await c.get(`${base}/${saturday}/${saturday}/days?dayAvailability=3`);
    expectModel(days, AvailabilityDayViewModel);
    expect(days.json.availableDays.map((d: { date: string; available: boolean }) => [d.date, d.available])).toEqual([[saturday, false], [sunday, false], [monday, true]]);
  });

  it('POST with completeBooking=BK books with the customer at once; RS reserves; IN holds', async () => {
    const bk = await hold('09:00', { name: 'Grace Hopper', email: 'grace@example.com', appointmentBookingFields: [{ name: 'referral', value: 'friend' }],
      customerBookingFields: [{ name: 'allergies', value: 'none' }] }, '?completeBooking=BK');
    expectModel(bk, AppointmentInitialViewModel);
    expect(bk.json).toMatchObject({ status: 'BK', name: 'Grace Hopper', customFields: { referral: { name: 'referral', value: 'friend' } } });
    expect(bk.json.appointmentBookingFields).toEqual([expect.objectContaining({ fieldName: 'referral' })]);
    expect(bk.json.customerBookingFields).toEqual([expect.objectContaining({ fieldName: 'allergies' })]);
    const grace = await c.get(`/consumer/v1/customers/${bk.json.customerId}`);
    expectModel(grace, CustomerViewModel);
    expect(grace.json.customFields).toEqual({ allergies: { name: 'allergies', value: 'none' } });
    const rs = await hold('10:00', {}, '?completeBooking=RS');
    expect(rs.json.status).toBe('RS');
    expectProblem(await hold('11:00', {}, '?completeBooking=BK'), 400, 'email');
    expectProblem(await hold('11:00', {}, '?completeBooking=XX'), 400);
  });

  it('reserve (IN → RS), book the reservation, confirm with undo, no-show (NS) and the NS filter', async () => {
    const held = await hold('12:00');
    const reserved = await c.put(`/consumer/v1/appointments/${held.json.id}/reserve`, { name: 'Alan Turing', email: 'alan@example.com' });
    expectModel(reserved, AppointmentViewModel);
    expect(reserved.json).toMatchObject({ status: 'RS', email: 'alan@example.com' });
    expectProblem(await c.put(`/consumer/v1/appointments/${held.json.id}/reserve`, {}), 400);
    const confirmed = await c.put(`/consumer/v1/appointments/${held.json.id}/confirm`);
    expectModel(confirmed, AppointmentViewModel);
    expect(confirmed.json).toMatchObject({ status: 'BK', confirmed: true });
    const undone = await c.put(`/consumer/v1/appointments/${held.json.id}/confirm?undo=true`);
    expect(undone.json).toMatchObject({ status: 'BK', confirmed: false });
    const noShow = await c.put(`/consumer/v1/appointments/${held.json.id}/noshow`, {});
    expectModel(noShow, AppointmentViewModel);
    expect(noShow.json.status).toBe('NS');
    expectProblem(await c.put(`/consumer/v1/appointments/${held.json.id}/noshow`), 400);
    const ns = await c.get('/consumer/v1/appointments?status=NS');
    expectModel(ns, AppointmentListViewModel);
    expect(ns.json.data.map((a: { id: string }) => a.id)).toEqual([held.json.id]);
    expect((await c.get('/consumer/v1/appointments?status=BK')).json.data.map((a: { id: string }) => a.id)).not.toContain(held.json.id);
  });

  it('DELETE removes a hold only; the list pages with offset and limit', async () => {
    const held = await hold('13:00');
    const deleted = await c.del(`/consumer/v1/appointments/${held.json.id}`);
    expectModel(deleted, AppointmentViewModel);
    expectProblem(await c.get(`/consumer/v1/appointments/${held.json.id}`), 404);
    const booked = (await c.get('/consumer/v1/appointments?status=BK')).json.data[0];
    expectProblem(await c.del(`/consumer/v1/appointments/${booked.id}`), 400);
    const page = await c.get('/consumer/v1/appointments?offset=1&limit=1');
    expectModel(page, AppointmentListViewModel);
    expect(page.json).toMatchObject({ count: 1, hasMore: true });
    expect(page.json.total).toBeGreaterThan(2);
  });

  it('customers with custom fields: create, read, list by email and last name, update (fields merge), delete; a taken email is a 409', async () => {
    const made = await c.post('/consumer/v1/customers', { firstname: 'Mary', lastname: 'Somerville', email: 'mary@example.com', contact: { mobilePhone: '+15555550111' },
      customFields: { field1: 'mathematics', field2: null } });
    expectModel(made, CustomerViewModel);
    expect(made.json).toMatchObject({ object: 'customer', name: 'Mary Somerville', email: 'mary@example.com', contact: { mobilePhone: '+15555550111' },
      customFields: { field1: { name: 'field1', value: 'mathematics' } } });
    expectProblem(await c.post('/consumer/v1/customers', { name: 'Other Mary', email: 'MARY@example.com' }), 409);
    expectModel(await c.get(`/consumer/v1/customers/${made.json.id}`), CustomerViewModel);
    const byEmail = await c.get('/consumer/v1/customers?email=mary@example.com');
    expectModel(byEmail, CustomerListViewModel);
    expect(byEmail.json.data.map((x: { id: string }) => x.id)).toEqual([made.json.id]);
    const updated = await c.put(`/consumer/v1/customers/${made.json.id}`, { lastname: 'Fairfax', customFields: { field2: 'astronomy' } });
    expectModel(updated, CustomerViewModel);
    expect(updated.json).toMatchObject({ firstname: 'Mary', lastname: 'Fairfax' });
    expect(updated.json.customFields).toEqual({ field1: { name: 'field1', value: 'mathematics' }, field2: { name: 'field2', value: 'astronomy' } });
    expect((await c.get('/consumer/v1/customers?lastname=fairfax')).json.data[0].customFields.field2.value).toBe('astronomy');
    expectModel(await c.del(`/consumer/v1/customers/${made.json.id}`), CustomerViewModel);
    expectProblem(await c.get(`/consumer/v1/customers/${made.json.id}`), 404);
  });

  it('answers 410 Gone naming the v3 route for v1 routes OpenSlot does not serve, never 404', async () => {
    const gone = await c.get(`/consumer/v1/availability/${id('consult')}/${day}/${day}/unavailable`);
    expectProblem(gone, 410);
    expect(gone.json.detail).toContain('/v3/unavailability');
    expectProblem(await c.get('/consumer/v1/customers/plans'), 410);
    expectProblem(await c.post('/consumer/v1/customers/1/subscriptions', {}), 410);
    expectProblem(await c.get('/setup/v1/companies/regions'), 410);
    expectProblem(await c.get('/consumer/v1/no/such/thing'), 410);
  });
});
