// Location associations over /v3 on each backend: associating a resource or a LOCATION service with
// a location moves it there (refused with a 409 while it has upcoming appointments where it is);
// nothing can be left without a location (422); availability follows the move at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { accessToken, bearer, createCompany, onsched, startServer, type AvailableTime, type Company, type OnSched, type Reply } from './onsched-client.js';

const data = (r: Reply) => (r.json?.success === true ? r.json.data : r.json);
const day = nextWeekday(3, 3); // a Wednesday

describe.each(backends)('OnSched location associations on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let v3: OnSched;
  let north: { id: string };
  const R = () => company.refs;
  const offered = async (service: string, location: string) => {
    const r = await v3.get(`/availability?startDate=${day}&endDate=${day}&ServiceId=${service}&LocationId=${location}&roundRobin=NONE`);
    return r.status === 200 ? new Set((data(r).availableTimes as AvailableTime[]).flatMap((t) => t.ResourceIds)) : r.status;
  };
  const associations = async (location: string) => data(await v3.get(`/location/${location}/associations`));

  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic());
    v3 = onsched(app, bearer(await accessToken(app, company)));
    north = data(await v3.post('/location', { name: 'North', timezone: 'America/New_York' }));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('addAssociations moves a resource to the location; availability offers it there and no longer at the old one', async () => {
    expect(await associations(north.id)).toEqual({
      LocationId: north.id, ResourceIds: [], ServiceIds: [R().consult.uid, R().session.uid, R().yoga.uid], // COMPANY services: everywhere
    });
    const added = await v3.put(`/location/${north.id}/addAssociations`, { resourceIds: [R().bob.uid] }); // either casing
    expect(added.status).toBe(200);
    expect(data(added)).toMatchObject({ LocationId: north.id, ResourceIds: [R().bob.uid] });
    expect(data(await v3.get(`/resource/${R().bob.uid}`)).LocationId).toBe(north.id);
    expect(await offered(R().consult.uid, north.id)).toEqual(new Set([R().bob.uid]));
    expect(await offered(R().consult.uid, R().main.uid)).toEqual(new Set([R().alice.uid]));
    expect((await v3.put(`/location/${north.id}/addAssociations`, { ResourceIds: [R().bob.uid] })).status).toBe(200); // again: harmless
  });

  it('a resource with an upcoming appointment where it is cannot move (409 naming it), and nothing changes', async () => {
    const start = new Date(Date.parse(`${day}T15:00:00Z`)).toISOString();
    const booked = await v3.post('/appointment', {
      ServiceId: R().consult.uid, LocationId: R().main.uid, ResourceIds: [R().alice.uid],
      Unavailability: { startTime: start, endTime: new Date(Date.parse(start) + 30 * 60_000).toISOString() },
      Customer: { firstName: 'Pat', lastName: 'Lee', email: 'pat@example.com' },
    });
    expect(booked.status).toBe(200);
    const r = await v3.put(`/location/${north.id}/addAssociations`, { ResourceIds: [R().alice.uid] });
    expect(r.status).toBe(409);
    expect(r.json.errors[0].field).toBe('ResourceIds[0]');
    expect(r.json.message).toContain(R().alice.uid);
    expect(data(await v3.get(`/resource/${R().alice.uid}`)).LocationId).toBe(R().main.uid);
    // Cancelled, it no longer holds the resource back.
    expect((await v3.put(`/appointment/${data(booked).id}/cancel`, {})).status).toBe(200);
    expect((await v3.put(`/location/${north.id}/addAssociations`, { ResourceIds: [R().alice.uid] })).status).toBe(200);
    expect(await offered(R().consult.uid, north.id)).toEqual(new Set([R().alice.uid, R().bob.uid]));
    expect((await v3.put(`/location/${R().main.uid}/addAssociations`, { ResourceIds: [R().alice.uid] })).status).toBe(200); // back home
  });

  it('a LOCATION service moves to the location it is associated with; a COMPANY service is already everywhere', async () => {
    const yogaMain = data(await v3.post('/service', { name: 'Pilates', duration: 30, scope: 'LOCATION', LocationId: R().main.uid }));
    expect((await associations(north.id)).ServiceIds).not.toContain(yogaMain.id);
    const moved = await v3.put(`/location/${north.id}/addAssociations`, { ServiceIds: [yogaMain.id, R().consult.uid] });
    expect(moved.status).toBe(200);
    expect(data(moved).ServiceIds).toEqual(expect.arrayContaining([yogaMain.id, R().consult.uid]));
    expect(data(await v3.get(`/service/${yogaMain.id}`)).LocationId).toBe(north.id);
    expect(await offered(yogaMain.id, north.id)).toEqual(new Set([R().bob.uid]));
    expect(await offered(yogaMain.id, R().main.uid)).toBe(400);
  });

  it('removeAssociations refuses (422) to leave a resource or service without a location; what is elsewhere is a no-op', async () => {
    const resource = await v3.put(`/location/${north.id}/removeAssociations`, { ResourceIds: [R().bob.uid] });
    expect(resource.status).toBe(422);
    expect(resource.json.errors[0].field).toBe('ResourceIds[0]');
    const service = await v3.put(`/location/${north.id}/removeAssociations`, { ServiceIds: [R().consult.uid] });
    expect(service.status).toBe(422);
    expect(service.json.errors[0].field).toBe('ServiceIds[0]');
    const elsewhere = await v3.put(`/location/${north.id}/removeAssociations`, { ResourceIds: [R().alice.uid] });
    expect(elsewhere.status).toBe(200);
    expect(data(elsewhere).ResourceIds).toEqual([R().bob.uid]);
  });

  it('setAssociations adds what is listed and refuses (422) to drop what is here; bad input is a 400 that changes nothing', async () => {
    const dropping = await v3.post(`/location/${north.id}/setAssociations`, { ResourceIds: [R().alice.uid] });
    expect(dropping.status).toBe(422);
    expect(dropping.json.errors[0].field).toBe('ResourceIds');
    expect(dropping.json.message).toContain(R().bob.uid);
    expect(data(await v3.get(`/resource/${R().alice.uid}`)).LocationId).toBe(R().main.uid); // nothing moved
    const set = await v3.post(`/location/${north.id}/setAssociations`, { ResourceIds: [R().bob.uid, R().alice.uid] });
    expect(set.status).toBe(200);
    expect(data(set).ResourceIds).toEqual([R().alice.uid, R().bob.uid]);
    expect((await associations(R().main.uid)).ResourceIds).toEqual([]);

    for (const [body, field, status] of [
      [{}, 'ServiceIds', 400],
      [{ ResourceIds: 'x' }, 'ResourceIds', 400],
      [{ ResourceIds: [R().alice.uid, 'not-an-id'] }, 'ResourceIds[1]', 400],
      [{ ResourceIds: [R().alice.uid, '00000000-0000-4000-8000-000000000000'] }, 'ResourceIds[1]', 404],
    ] as const) {
      const bad = await v3.put(`/location/${R().main.uid}/addAssociations`, body);
      expect(bad.status, JSON.stringify(body)).toBe(status);
      expect(bad.json.errors[0].field).toBe(field);
    }
    expect((await associations(R().main.uid)).ResourceIds).toEqual([]); // alice did not move
    expect((await v3.put('/location/00000000-0000-4000-8000-000000000000/addAssociations', { ResourceIds: [R().alice.uid] })).status).toBe(404);
  });

  it('a move drops links that could no longer be booked; a LOCATION service with an upcoming appointment does not move (409)', async () => {
    const east = data(await v3.post('/location', { name: 'East', timezone: 'America/New_York' }));
    const dana = data(await v3.post('/resource', { name: 'Dana', LocationId: east.id, weeklyAvailability: [1, 2, 3, 4, 5].map((d) => ({ dayOfWeek: d, startTime: '09:00:00', endTime: '17:00:00' })) }));
    const massage = data(await v3.post('/service', { name: 'Massage', duration: 30, scope: 'LOCATION', LocationId: east.id, ResourceIds: [dana.id] }));
    expect(data(await v3.get(`/resource/${dana.id}/services`)).map((x: { id: string }) => x.id)).toContain(massage.id);
    const start = new Date(Date.parse(`${day}T16:00:00Z`)).toISOString();
    const booked = await v3.post('/appointment', {
      ServiceId: massage.id, LocationId: east.id, Unavailability: { startTime: start, endTime: new Date(Date.parse(start) + 30 * 60_000).toISOString() },
      Customer: { firstName: 'Kim', lastName: 'Ray', email: 'kim@example.com' },
    });
    expect(booked.status).toBe(200);
    const service = await v3.put(`/location/${north.id}/addAssociations`, { ServiceIds: [R().consult.uid, massage.id] });
    expect(service.status).toBe(409);
    expect(service.json.errors[0].field).toBe('ServiceIds[1]');
    expect(data(await v3.get(`/service/${massage.id}`)).LocationId).toBe(east.id);
    expect((await v3.put(`/location/${north.id}/addAssociations`, { ResourceIds: [dana.id] })).status).toBe(409); // Dana is booked too
    expect((await v3.put(`/appointment/${data(booked).id}/cancel`, {})).status).toBe(200);

    expect((await v3.put(`/location/${north.id}/addAssociations`, { ResourceIds: [dana.id] })).status).toBe(200);
    expect(data(await v3.get(`/resource/${dana.id}/services`)).map((x: { id: string }) => x.id)).not.toContain(massage.id);
    const dropping = await v3.post(`/location/${north.id}/setAssociations`, { ServiceIds: [R().consult.uid] }); // leaves out Session, Yoga
    expect(dropping.status).toBe(422);
    expect(dropping.json.errors[0].field).toBe('ServiceIds');
  });
});
