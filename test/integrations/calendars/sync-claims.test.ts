// Several processes sharing one database never read the same calendar at once: each claims due
// calendars with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL), and a process whose lease ran out
// and was taken over cannot overwrite what the new owner recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueCalendars } from '../../../src/integrations/calendars/claim-calendars.js';
import { readCalendarConfig } from '../../../src/integrations/calendars/config.js';
import { recordSync, retryDelay } from '../../../src/integrations/calendars/record-sync.js';
import { createCalendarSync } from '../../../src/integrations/calendars/sync-loop.js';
import { SecretBox } from '../../../src/security/secrets.js';
import { createCompany } from '../../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { openStore, type Store } from '../../../src/store/database.js';
import { migrate } from '../../../src/store/migrate.js';
import { clinic } from '../../support/clinic.js';
import { backends } from '../../support/databases.js';
import { calendar, icsTime } from '../../support/ics.js';
import { startIcsServer, type IcsServer } from '../../support/ics-server.js';

const CALENDARS = 6;
const quiet = { warn: () => {}, error: () => {} };
const validators = { etag: null, lastModified: null, ctag: null };

describe.each(backends)('Calendar sync claims on $name', (backend) => {
  let feeds: IcsServer;
  let stores: Store[];
  let contexts: ServiceContext[];
  beforeAll(async () => {
    feeds = await startIcsServer();
    feeds.delayMs = 150;
    const url = await backend.create();
    // Three pools on PostgreSQL, as three server processes would have. SQLite is one process's
    // database (one connection, one writer): there the three loops share it.
    const first = openStore(url);
    stores = backend.name === 'postgres' ? [first, openStore(url), openStore(url)] : [first, first, first];
    await migrate(stores[0]);
    const secrets = new SecretBox('claims');
    contexts = stores.map((store) => ({ store, secrets, now: Date.now, random: Math.random }));
    const doc = clinic();
    doc.setup!.resources![0].externalCalendars = Array.from({ length: CALENDARS }, (_, i) => ({ type: 'ics' as const, url: `${feeds.url}/c${i}.ics` }));
    const soon = Date.now() + 10 * 86_400_000;
    for (let i = 0; i < CALENDARS; i++) feeds.feeds.set(`/c${i}.ics`, calendar([`UID:e${i}`, `DTSTART:${icsTime(soon)}`, `DTEND:${icsTime(soon + 3_600_000)}`]));
    await createCompany(contexts[0], doc);
  });
  afterAll(async () => {
    for (const store of new Set(stores ?? [])) await store.close();
    await feeds?.close();
    await backend.dropAll();
  });

  it('three loops running at once read each due calendar exactly once', async () => {
    const config = readCalendarConfig({});
    const loops = contexts.map((ctx) => createCalendarSync(ctx, config, quiet));
    const read = await Promise.all(loops.map((loop) => loop.runOnce()));
    expect(read.reduce((a, b) => a + b, 0)).toBe(CALENDARS);
    expect(feeds.requests.map((r) => r.path).sort()).toEqual(Array.from({ length: CALENDARS }, (_, i) => `/c${i}.ics`).sort());
    const rows = await stores[0].db.selectFrom('external_calendars').select(['last_error', 'lease_until', 'busy_count']).execute();
    expect(rows.every((r) => r.last_error === null && r.lease_until === null && r.busy_count === 1)).toBe(true);
    expect(await Promise.all(loops.map((loop) => loop.runOnce()))).toEqual([0, 0, 0]); // nothing is due any more
  });

  it('a claim whose lease ran out and was taken over writes nothing', async () => {
    const store = stores[0];
    await store.db.updateTable('external_calendars').set({ next_sync_at: 0 }).execute();
    const now = Date.now();
    const [stale] = await claimDueCalendars(store, 'stalled', now, 1_000, 1);
    expect(await claimDueCalendars(stores[1], 'other', now + 500, 1_000, CALENDARS)).toHaveLength(CALENDARS - 1); // the leased one is not offered
    const taken = (await claimDueCalendars(stores[2], 'taker', now + 2_000, 1_000, CALENDARS)).find((c) => c.id === stale.id)!;
    expect(taken.claimed_by).toBe('taker');
    const timing = { intervalMs: 60_000, firstRetryMs: 5_000, retryMs: 60_000 };
    expect(await recordSync(store, stale, { ok: false, error: 'late' }, now + 2_100, timing)).toBe(false);
    expect(await recordSync(store, taken, { ok: true, changed: true, busy: [], window: { start: now, end: now + 1 }, validators }, now + 2_100, timing)).toBe(true);
    const row = await store.db.selectFrom('external_calendars').selectAll().where('id', '=', stale.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_error: null, busy_count: 0, claimed_by: null, lease_until: null });
  });
});

describe('retry backoff after failed reads', () => {
  it('starts short and doubles up to the cap, never past the calendar interval', () => {
    const timing = { intervalMs: 300_000, firstRetryMs: 5_000, retryMs: 60_000 };
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, timing, 300_000))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(retryDelay(4, timing, 30_000)).toBe(30_000);
  });
});
