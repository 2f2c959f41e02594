// Availability asks for fresher busy times by marking calendars due, but never defeats the sync
// loop's schedule: a failing calendar waits out its retry backoff however many requests arrive, and
// a healthy one is pulled forward only once its data is older than the staleness threshold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalendarConfig } from '../../../src/integrations/calendars/config.js';
import { createCalendarSync } from '../../../src/integrations/calendars/sync-loop.js';
import { SecretBox } from '../../../src/security/secrets.js';
import { refreshStaleCalendars } from '../../../src/services/calendars/external-busy.js';
import { createCompany } from '../../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { openStore, type Store } from '../../../src/store/database.js';
import { migrate } from '../../../src/store/migrate.js';
import { clinic } from '../../support/clinic.js';
import { backends } from '../../support/databases.js';
import { calendar, icsTime } from '../../support/ics.js';
import { startIcsServer, type IcsServer } from '../../support/ics-server.js';

const quiet = { warn: () => {}, error: () => {} };
const STALE = 10_000;
const RETRY = 60_000;

describe.each(backends)('Refreshing stale calendars on $name', (backend) => {
  let feeds: IcsServer;
  let store: Store;
  let clock: number;
  let wakes = 0;
  let ctx: ServiceContext;
  let resourceId: number;
  // A first retry as long as the cap, so the whole backoff is one 60 s wait.
  const config = readCalendarConfig({ OPENSLOT_CALENDAR_STALE_MS: String(STALE), OPENSLOT_CALENDAR_FIRST_RETRY_MS: String(RETRY), OPENSLOT_CALENDAR_RETRY_MS: String(RETRY) });
  const row = () => store.db.selectFrom('external_calendars').selectAll().where('resource_id', '=', resourceId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    feeds = await startIcsServer();
    const soon = Date.now() + 86_400_000;
    feeds.feeds.set('/a.ics', calendar(['UID:e', `DTSTART:${icsTime(soon)}`, `DTEND:${icsTime(soon + 3_600_000)}`]));
    store = openStore(await backend.create());
    await migrate(store);
    clock = Date.now();
    ctx = { store, secrets: new SecretBox('refresh'), now: () => clock, random: Math.random, calendarSync: { staleAfterMs: STALE, wake: () => { wakes++; } } };
    const doc = clinic();
    doc.setup!.resources![0].externalCalendars = [{ type: 'ics', url: `${feeds.url}/a.ics` }];
    await createCompany(ctx, doc);
    resourceId = (await store.db.selectFrom('external_calendars').select('resource_id').executeTakeFirstOrThrow()).resource_id;
  });
  afterAll(async () => { await store?.close(); await feeds?.close(); await backend.dropAll(); });

  it('a failing feed is not pulled forward during its retry backoff, however many requests arrive', async () => {
    feeds.mode = 'down';
    const loop = createCalendarSync(ctx, config, quiet);
    expect(await loop.runOnce()).toBe(1); // the first read, due at creation, fails
    const failed = await row();
    expect(failed.last_error).toMatch(/500/);
    expect(failed.next_sync_at).toBe(clock + RETRY);
    const attempted = clock;
    wakes = 0;
    // Requests every 5 s through the whole backoff, well past the 10 s staleness threshold.
    for (let t = 5_000; t < RETRY; t += 5_000) {
      clock = attempted + t;
      expect(await refreshStaleCalendars(ctx, [resourceId])).toBe(false);
      expect(await loop.runOnce()).toBe(0);
    }
    expect((await row()).next_sync_at).toBe(attempted + RETRY);
    expect(wakes).toBe(0);
    expect(feeds.requests).toHaveLength(1);
    // The backoff over, the loop retries on its own schedule; the feed is back.
    feeds.mode = 'up';
    clock = attempted + RETRY;
    expect(await loop.runOnce()).toBe(1);
    expect(await row()).toMatchObject({ last_error: null, last_success_at: clock, busy_count: 1 });
    expect(feeds.requests).toHaveLength(2);
  });

  it('a healthy calendar is pulled forward only once its data is older than the threshold', async () => {
    const loop = createCalendarSync(ctx, config, quiet);
    const readAt = (await row()).last_success_at!;
    wakes = 0;
    clock = readAt + STALE - 1;
    expect(await refreshStaleCalendars(ctx, [resourceId])).toBe(false);
    expect(await loop.runOnce()).toBe(0);
    clock = readAt + STALE + 1;
    expect(await refreshStaleCalendars(ctx, [resourceId])).toBe(true);
    expect(wakes).toBe(1);
    expect((await row()).next_sync_at).toBe(clock);
    expect(await loop.runOnce()).toBe(1);
    expect(feeds.requests.at(-1)).toMatchObject({ conditional: true, status: 304 });
    // Just read again: the next requests leave it alone.
    clock += 1_000;
    expect(await refreshStaleCalendars(ctx, [resourceId])).toBe(false);
  });
});
