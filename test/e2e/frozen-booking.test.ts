// One process frozen (SIGSTOP: a long GC pause, a stopped VM) inside a booking transaction on
// PostgreSQL holds the resource's row lock. Another process booking the same resource answers a 503
// with Retry-After once lock_timeout passes instead of hanging; PostgreSQL ends the frozen session
// after idle_in_transaction_session_timeout, so the resource is bookable again; the frozen process,
// continued, rolls back and answers 503; exactly one appointment exists.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/security/secrets.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import { openStore } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { clinic, nextWeekday } from '../support/clinic.js';
import { backends, postgresAvailable } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/openslot-process.js';
import { api } from '../support/server.js';

const SECRET = 'frozen-test-secret';
const LOCK_TIMEOUT_MS = 1_000;
const IDLE_IN_TRANSACTION_MS = 6_000;
const postgres = backends.find((b) => b.name === 'postgres');
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) { try { process.kill(s.child.pid!, 'SIGCONT'); } catch { /* gone */ } await s.kill('SIGKILL'); }
});
afterAll(() => postgres?.dropAll());

async function eventually<T>(attempt: () => Promise<T | undefined>, ms = 20_000): Promise<T | undefined> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const result = await attempt();
    if (result !== undefined) return result;
  }
  return undefined;
}

describe.skipIf(!postgresAvailable)('a process frozen inside a booking transaction on PostgreSQL', () => {
  it('does not hold the other processes hostage, and never leads to a double booking', async () => {
    const url = await postgres!.create();
    const store = openStore(url);
    await migrate(store);
    const company = await createCompany({ store, secrets: new SecretBox(SECRET), now: Date.now, random: Math.random }, clinic());
    await store.close();
    const R = company.refs;
    const env = {
      DATABASE_URL: url, OPENSLOT_SECRET_KEY: SECRET, OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off',
      OPENSLOT_PG_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS), OPENSLOT_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_IN_TRANSACTION_MS),
    };
    const [frozen, other] = await Promise.all([startServerProcess({ ...env, OPENSLOT_TEST_PAUSE_AFTER_LOCK_MS: '3000' }), startServerProcess(env)]);
    servers.push(frozen, other);

    const day = nextWeekday(3, 3);
    const start = Date.parse(`${day}T16:00:00Z`); // 11:00 or 12:00 in New York
    const acuity = { authorization: `Basic ${Buffer.from(`${company.id}:${company.apiKey}`).toString('base64')}` };
    const acuityBooking = (email: string) => ({
      appointmentTypeID: R.consult.id, calendarID: R.alice.id, datetime: new Date(start).toISOString(), firstName: 'Ada', lastName: 'Frozen', email,
    });
    const onschedHold = { ServiceId: R.consult.uid, ResourceIds: [R.alice.uid], Unavailability: { startTime: new Date(start).toISOString(), endTime: new Date(start + 1_800_000).toISOString() } };

    const frozenAnswer = api(frozen.url, 'POST', '/api/v1/appointments', { body: acuityBooking('frozen@example.com'), headers: acuity });
    expect(await eventually(async () => (/TEST PAUSE/.test(frozen.output()) ? true : undefined))).toBe(true);
    process.kill(frozen.child.pid!, 'SIGSTOP');

    const began = Date.now();
    const [onsched, acuityReply] = await Promise.all([
      api(other.url, 'POST', '/v3/appointment/hold', { body: onschedHold, headers: { 'x-api-key': company.apiKey } }),
      api(other.url, 'POST', '/api/v1/appointments', { body: acuityBooking('other@example.com'), headers: acuity }),
    ]);
    const waited = Date.now() - began;
    // A 503 (not a booking) proves the lock wait was cut short by lock_timeout, well before the
    // frozen session was ended at IDLE_IN_TRANSACTION_MS.
    expect(onsched.status, onsched.text).toBe(503);
    expect(onsched.json).toMatchObject({ statusCode: 503, name: 'ServiceUnavailableError', errors: [] });
    expect(onsched.headers.get('retry-after')).toBe('2');
    expect(acuityReply.status, acuityReply.text).toBe(503);
    expect(acuityReply.json).toEqual({ status_code: 503, error: 'service_unavailable', message: expect.stringContaining('nothing was changed') });
    expect(acuityReply.headers.get('retry-after')).toBe('2');
    console.log(`other process answered 503 after ${waited} ms (lock_timeout ${LOCK_TIMEOUT_MS} ms)`);

    // PostgreSQL ends the frozen session; the resource is bookable again while the process is still stopped.
    const booked = await eventually(async () => {
      const r = await api(other.url, 'POST', '/api/v1/appointments', { body: acuityBooking('other@example.com'), headers: acuity });
      return r.status === 200 ? r : undefined;
    });
    expect(booked?.json.id).toEqual(expect.any(Number));

    process.kill(frozen.child.pid!, 'SIGCONT');
    const late = await frozenAnswer.catch((error: Error) => { throw new Error(`${error.message}; frozen server said: ${frozen.output()}`); });
    expect(late.status, late.text).toBe(503);
    expect(late.json).toMatchObject({ status_code: 503, error: 'service_unavailable' });

    const list = await api(other.url, 'GET', `/api/v1/appointments?minDate=${day}&maxDate=${day}`, { headers: acuity });
    expect(list.json.map((a: { id: number; email: string }) => [a.id, a.email])).toEqual([[booked!.json.id, 'other@example.com']]);
  }, 90_000);
});
