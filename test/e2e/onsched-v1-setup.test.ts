// /setup/v1: what a v1 integration configures — locations, services, resources, weekly availability
// in v1's military form, calendar blocks, service–resource links and service allocations — each
// answer checked against its view model, and each change seen by availability on /consumer/v1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { AppointmentListViewModel } from '../../src/http/onsched-v1/schemas/appointment-models.js';
import { AvailabilityViewModel } from '../../src/http/onsched-v1/schemas/availability-models.js';
import { CustomerListViewModel } from '../../src/http/onsched-v1/schemas/customer-models.js';
import { LocationListViewModel, LocationViewModel } from '../../src/http/onsched-v1/schemas/location-models.js';
import { ServiceAllocationListViewModel, ServiceAllocationViewModel, ServiceListViewModel, ServiceViewModel } from '../../src/http/onsched-v1/schemas/service-models.js';
import { ResourceAvailabilityViewModel, ResourceBlockListViewModel, ResourceBlockViewModel, SetupResourceListViewModel, SetupResourceViewModel } from '../../src/http/onsched-v1/schemas/setup-resource-models.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { createCompany, startServer, type Company } from './onsched-client.js';
import { expectModel, expectProblem, v1, v1Token, type V1 } from './onsched-v1-client.js';

const monday = nextWeekday(1);
const tuesday = nextWeekday(2, 3);

describe.each(backends)('OnSched /setup/v1 on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let c: V1;
  let location: string;
  let service: string;
  let resource: string;
  const times = async (day: string) => (await c.get(`/consumer/v1/availability/${service}/${day}/${day}?resourceId=${resource}&locationId=${location}`));

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    c = v1(app, { authorization: `Bearer ${await v1Token(app, company)}` });
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('creates, lists, updates and reads a location with business hours', async () => {
    const made = await c.post('/setup/v1/locations', { name: 'Uptown', timezoneName: 'America/Chicago', address: { addressLine1: '1 Main St', city: 'Chicago' },
      businessHours: { mon: { startTime: 800, endTime: 1800, isOpen: true } } });
    expectModel(made, LocationViewModel);
    expect(made.json).toMatchObject({ name: 'Uptown', timezoneIana: 'America/Chicago', primaryBusiness: false, address: { addressLine1: '1 Main St, Chicago' },
      businessHours: { mon: { startTime: 800, endTime: 1800, isOpen: true } } });
    location = made.json.id;
    expectModel(await c.get('/setup/v1/locations'), LocationListViewModel);
    const renamed = await c.put(`/setup/v1/locations/${location}/`, { name: 'Uptown Clinic' });
    expectModel(renamed, LocationViewModel);
    expect(renamed.json).toMatchObject({ name: 'Uptown Clinic', timezoneIana: 'America/Chicago' });
    expectProblem(await c.post('/setup/v1/locations', { timezoneName: 'Mars/Olympus', name: 'X' }), 400);
  });

  it('creates a service at that location and a resource there with v1 weekly availability and the service', async () => {
    const s = await c.post('/setup/v1/services', { name: 'Checkup', duration: 60, bookingInterval: 60, locationId: location, maxCapacity: 1 });
    expectModel(s, ServiceViewModel);
    expect(s.json).toMatchObject({ name: 'Checkup', duration: 60, bookingInterval: 60, locationId: location });
    service = s.json.id;
    expectModel(await c.get(`/setup/v1/services?locationId=${location}`), ServiceListViewModel);
    const r = await c.post('/setup/v1/resources', { name: 'Dr. Chen', email: 'chen@example.com', locationId: location, timezoneId: 'America/Chicago',
      availability: { mon: { startTime: 900, endTime: 1200 } }, serviceIds: [service] });
    expectModel(r, SetupResourceViewModel);
    expect(r.json).toMatchObject({ name: 'Dr. Chen', locationId: location, availability: { mon: { startTime: 900, endTime: 1200 }, tue: { startTime: 0, endTime: 0 } },
      services: [{ serviceId: Number(service), serviceName: 'Checkup' }] });
    resource = r.json.id;
    expectModel(await c.get('/setup/v1/resources'), SetupResourceListViewModel);
    expectModel(await c.get(`/setup/v1/services/${service}/resources`), SetupResourceListViewModel);
    const offered = await times(monday);
    expectModel(offered, AvailabilityViewModel);
    expect(offered.json.availableTimes.map((t: { time: number }) => t.time)).toEqual([900, 1000, 1100]);
  });

  it('PUT …/availability changes the weekly hours in v1 form; availability follows', async () => {
    const r = await c.put(`/setup/v1/resources/${resource}/availability`, { mon: { startTime: 1300, endTime: 1500 }, tue: { startTime: 900, endTime: 1000 } });
    expectModel(r, ResourceAvailabilityViewModel);
    expect(r.json.weekdays).toMatchObject({ mon: { startTime: 1300, endTime: 1500, displayStartTime: '1:00 PM' }, tue: { startTime: 900, endTime: 1000 } });
    expectModel(await c.get(`/setup/v1/resources/${resource}/availability`), ResourceAvailabilityViewModel);
    expect((await times(monday)).json.availableTimes.map((t: { time: number }) => t.time)).toEqual([1300, 1400]);
    expect((await times(tuesday)).json.availableTimes.map((t: { time: number }) => t.time)).toEqual([900]);
    expectProblem(await c.put(`/setup/v1/resources/${resource}/availability`, { mon: { startTime: 1300, endTime: 1275 } }), 400);
  });

  it('a calendar block takes its time out of availability; deleting it gives it back', async () => {
    const b = await c.post(`/setup/v1/resources/${resource}/block`, { startDate: monday, endDate: monday, startTime: 1300, endTime: 1400, reason: 'Lunch meeting' });
    expectModel(b, ResourceBlockViewModel);
    expect(b.json).toMatchObject({ resourceId: Number(resource), startTime: 1300, endTime: 1400, reason: 'Lunch meeting', repeats: false });
    expect((await times(monday)).json.availableTimes.map((t: { time: number }) => t.time)).toEqual([1400]);
    expectModel(await c.get(`/setup/v1/resources/${resource}/blocks`), ResourceBlockListViewModel);
    expectModel(await c.get(`/setup/v1/resources/blocks/${b.json.id}`), ResourceBlockViewModel);
    expectModel(await c.del(`/setup/v1/resources/block/${b.json.id}`), ResourceBlockViewModel);
    expect((await times(monday)).json.availableTimes.map((t: { time: number }) => t.time)).toEqual([1300, 1400]);
    expectProblem(await c.put(`/setup/v1/resources/block/${b.json.id}`, {}), 410);
  });

  it('a weekly service allocation becomes the resource\'s hours for the service', async () => {
    const a = await c.post(`/setup/v1/services/${service}/allocations`, { resourceId: resource, startTime: 800, endTime: 1000, repeats: true, repeat: { frequency: 'W', weekdays: '1' } });
    expectModel(a, ServiceAllocationViewModel);
    expect(a.json).toMatchObject({ serviceId: service, resourceId: resource, startTime: 800, endTime: 1000, repeat: { weekdays: '1' } });
    expect((await times(monday)).json.availableTimes.map((t: { time: number }) => t.time)).toEqual([800, 900]);
    expectModel(await c.get(`/setup/v1/services/${service}/allocations`), ServiceAllocationListViewModel);
    expectModel(await c.get(`/consumer/v1/services/allocations/${a.json.id}`), ServiceAllocationViewModel);
    const moved = await c.put(`/setup/v1/services/allocations/${a.json.id}`, { startTime: 900, endTime: 1000 });
    expect(moved.json).toMatchObject({ startTime: 900, endTime: 1000 });
    expectModel(await c.del(`/setup/v1/services/allocations/${a.json.id}`), ServiceAllocationViewModel);
    expectProblem(await c.get(`/setup/v1/services/allocations/${a.json.id}`), 404);
    expectProblem(await c.post(`/setup/v1/services/${service}/allocations`, { resourceId: resource, startTime: 800, endTime: 1000, repeats: false }), 400, 'repeats');
  });

  it('unlinks and links services of a resource, updates and deletes the resource and the service', async () => {
    const none = await c.del(`/setup/v1/resources/${resource}/services`);
    expectModel(none, SetupResourceViewModel);
    expect(none.json.services).toEqual([]);
    const again = await c.post(`/setup/v1/resources/${resource}/services`, [service]);
    expect(again.json.services.map((s: { serviceId: number }) => String(s.serviceId))).toEqual([service]);
    const renamed = await c.put(`/setup/v1/resources/${resource}`, { name: 'Dr. Chen-Li' });
    expect(renamed.json).toMatchObject({ name: 'Dr. Chen-Li', availability: { mon: { startTime: 1300 } } });
    expectModel(await c.del(`/setup/v1/resources/${resource}`), SetupResourceViewModel);
    expectProblem(await c.get(`/setup/v1/resources/${resource}`), 404);
    const updated = await c.put(`/setup/v1/services/${service}`, { duration: 45 });
    expect(updated.json).toMatchObject({ duration: 45 });
    expectModel(await c.del(`/setup/v1/services/${service}`), ServiceViewModel);
    expectModel(await c.del(`/setup/v1/locations/${location}`), LocationViewModel);
  });

  it('reads appointments and customers under /setup/v1 too', async () => {
    expectModel(await c.get('/setup/v1/appointments'), AppointmentListViewModel);
    const customers = await c.get('/setup/v1/customers');
    expectModel(customers, CustomerListViewModel);
    expectProblem(await c.get('/setup/v1/customers/1/privacy'), 410);
  });
});
