// A resource's feed link is created on first ask. Asks that arrive together (an admin page opened
// twice, PostgreSQL running both at once) agree on one token instead of one failing on the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/security/secrets.js';
import { resourceFeedLink } from '../../../src/services/calendars/resource-feed-token.js';
import { createCompany } from '../../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { openStore, type Store } from '../../../src/store/database.js';
import { migrate } from '../../../src/store/migrate.js';
import { clinic } from '../../support/clinic.js';
import { backends } from '../../support/databases.js';

describe.each(backends)('Resource feed tokens on $name', (backend) => {
  let store: Store;
  let ctx: ServiceContext;
  let companyId: number;
  let resourceIds: number[];
  beforeAll(async () => {
    store = openStore(await backend.create());
    await migrate(store);
    ctx = { store, secrets: new SecretBox('feeds'), now: Date.now, random: Math.random };
    await createCompany(ctx, clinic());
    const resources = await store.db.selectFrom('resources').select(['id', 'company_id']).orderBy('id').execute();
    companyId = resources[0].company_id;
    resourceIds = resources.map((r) => r.id);
  });
  afterAll(async () => { await store?.close(); await backend.dropAll(); });

  it('concurrent first asks all succeed with one token, stored once', async () => {
    for (const id of resourceIds) {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => resourceFeedLink(ctx, companyId, id)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const tokens = new Set(results.map((r) => (r as PromiseFulfilledResult<{ token: string }>).value.token));
      expect(tokens.size).toBe(1);
      const rows = await store.db.selectFrom('resource_feeds').select('resource_id').where('resource_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      expect((await resourceFeedLink(ctx, companyId, id)).token).toEqual([...tokens][0]); // shown again, unchanged
    }
  });

  it('rotating replaces the token', async () => {
    const before = await resourceFeedLink(ctx, companyId, resourceIds[0]);
    const rotated = await resourceFeedLink(ctx, companyId, resourceIds[0], { rotate: true });
    expect(rotated.token).not.toBe(before.token);
    expect((await resourceFeedLink(ctx, companyId, resourceIds[0])).token).toBe(rotated.token);
  });
});
