// No double booking over HTTP: 100 simultaneous holds of one slot through /v3 on each backend.
// Exactly one wins; every other answer is a clean 409 in OnSched's error format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { api } from '../support/server.js';
import { createCompany, startServer, type Company } from './onsched-client.js';

describe.each(backends)('OnSched holds racing on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  beforeAll(async () => {
    app = await startServer(backend);
    company = await createCompany(app, clinic({ expirationDelay: 600 }));
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  it('100 simultaneous holds of one slot: one 2xx and 99 × 409', async () => {
    const day = nextWeekday(4);
    const start = Date.parse(`${day}T16:00:00Z`); // 11:00 or 12:00 in New York
    const body = {
      ServiceId: company.refs.consult.uid, ResourceIds: [company.refs.alice.uid],
      Unavailability: { startTime: new Date(start).toISOString(), endTime: new Date(start + 1800_000).toISOString() },
    };
    const replies = await Promise.all(Array.from({ length: 100 }, () =>
      api(app.url, 'POST', '/v3/appointment/hold', { body, headers: { 'x-api-key': company.apiKey } })));
    const won = replies.filter((r) => r.status >= 200 && r.status < 300);
    const conflicts = replies.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(99);
    for (const r of conflicts) expect(r.json).toMatchObject({ statusCode: 409, name: 'ConflictError' });
    const held = await api(app.url, 'GET', `/v3/appointments?status=IN`, { headers: { 'x-api-key': company.apiKey } });
    expect(held.json.total).toBe(1);
    expect(held.json.data[0].id).toBe(won[0].json.data.id);
  });
});
