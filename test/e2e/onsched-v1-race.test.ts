// No double booking through the v1 paths: 100 simultaneous POST /consumer/v1/appointments for one
// slot of one resource on each backend. Exactly one wins; every other answer is a 409 problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { createCompany, startServer, type Company } from './onsched-client.js';
import { v1Token } from './onsched-v1-client.js';

describe.each(backends)('OnSched v1 holds racing on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 600 }));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('100 simultaneous POSTs of one slot: one 200 and 99 × 409', async () => {
    const token = await v1Token(app, company);
    const headers = { authorization: `Bearer ${token}` };
    const day = nextWeekday(4);
    const body = {
      serviceId: String(company.refs.consult.id), resourceId: String(company.refs.alice.id),
      startDateTime: `${day}T16:00:00Z`, endDateTime: `${day}T16:30:00Z`,
    };
    const replies = await Promise.all(Array.from({ length: 100 }, () =>
      api(app.url, 'POST', '/consumer/v1/appointments', { body, headers })));
    const won = replies.filter((r) => r.status === 200);
    const conflicts = replies.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(99);
    for (const r of conflicts) expect(r.json).toMatchObject({ status: 409, title: 'Conflict' });
    const held = await api(app.url, 'GET', '/consumer/v1/appointments?status=IN', { headers });
    expect(held.json.total).toBe(1);
    expect(held.json.data[0].id).toBe(won[0].json.id);
  });
});
