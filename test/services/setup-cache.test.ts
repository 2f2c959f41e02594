// The per-company setup cache is invisible: whoever writes the setup rows (a service, another
// process on the same database, plain SQL), the next scheduling read sees the change, and a change
// that rolls back never shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCompany } from '../../src/services/companies/get-company.js';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { findOwned } from '../../src/services/scheduling/load-setup.js';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/database.js';
import { inTransaction } from '../../src/store/transaction.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at, fixture, type Fixture } from './harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z'); // Wednesday 09:00 New York
const HOUR = 3_600_000;

describe.each(backends)('setup cache on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => { f = await fixture(backend, clinic(), NOW); });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });
  const R = () => f.company.refs;
  const consult = async () => findAvailability(f.ctx, f.company.id, { serviceKey: R().consult.id, from: NINE, to: NINE + 8 * HOUR, roundRobin: 'NONE' });
  const resourcesAt = async (start: number) => (await consult()).slots.find((s) => s.start === start)?.resources.map((r) => r.id);

  it('a resource deleted with plain SQL stops being offered at once', async () => {
    expect(await resourcesAt(NINE)).toEqual([R().alice.id, R().bob.id]);
    await f.ctx.store.db.updateTable('resources').set({ deleted: 1 }).where('id', '=', R().bob.id).execute();
    expect(await resourcesAt(NINE)).toEqual([R().alice.id]);
    await f.ctx.store.db.updateTable('resources').set({ deleted: 0 }).where('id', '=', R().bob.id).execute();
    expect(await resourcesAt(NINE)).toEqual([R().alice.id, R().bob.id]);
  });

  it('a service link removed and a duration changed are seen by the next read', async () => {
    await f.ctx.store.db.deleteFrom('service_resources').where('service_id', '=', R().consult.id).where('resource_id', '=', R().alice.id).execute();
    expect(await resourcesAt(NINE)).toEqual([R().bob.id]);
    await f.ctx.store.db.insertInto('service_resources').values({ service_id: R().consult.id, resource_id: R().alice.id }).execute();
    await f.ctx.store.db.updateTable('services').set({ duration: 45 }).where('id', '=', R().consult.id).execute();
    const slot = (await consult()).slots[0];
    expect(slot.end - slot.start).toBe(45 * 60_000);
    await f.ctx.store.db.updateTable('services').set({ duration: 30 }).where('id', '=', R().consult.id).execute();
    expect((await findOwned(f.ctx.store.db, 'services', f.company.id, R().consult.uid, 'Service')).duration).toBe(30);
  });

  it('a change written through another connection to the same database (another process) is seen', async () => {
    const other: Store = openStore(backend.name === 'sqlite' ? `sqlite:${f.ctx.store.dataDir}/openslot.db` : await currentUrl(f.ctx.store));
    try {
      expect((await getCompany(f.ctx.store.db, f.company.id)).timezone).toBe('America/New_York');
      await other.db.updateTable('companies').set({ timezone: 'Europe/Paris' }).where('id', '=', f.company.id).execute();
      expect((await getCompany(f.ctx.store.db, f.company.id)).timezone).toBe('Europe/Paris');
      await other.db.updateTable('companies').set({ timezone: 'America/New_York' }).where('id', '=', f.company.id).execute();
    } finally { await other.close(); }
  });

  it('a change read inside a transaction that rolls back never shows afterwards', async () => {
    await expect(inTransaction(f.ctx.store, async (tx) => {
      await tx.updateTable('services').set({ name: 'Renamed' }).where('id', '=', R().consult.id).execute();
      expect((await findOwned(tx, 'services', f.company.id, R().consult.id, 'Service')).name).toBe('Renamed');
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect((await findOwned(f.ctx.store.db, 'services', f.company.id, R().consult.id, 'Service')).name).toBe('Consultation');
  });

  it('cached rows are frozen, so no caller can change what the next request reads', async () => {
    const service = await findOwned(f.ctx.store.db, 'services', f.company.id, R().consult.id, 'Service');
    expect(() => { (service as { duration: number }).duration = 5; }).toThrow(TypeError);
  });
});

/** The PostgreSQL database the store is connected to, as a URL another pool can open. */
async function currentUrl(store: Store): Promise<string> {
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(store.db);
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${rows[0].db}`;
  return url.toString();
}
