// Blocks through the services layer: written, listed by window and resource, read, deleted, and
// seen by availability the moment they exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlock, deleteBlock, getBlock, listBlocks } from '../../src/services/catalog/blocks.js';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { isDomainError } from '../../src/core/errors.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at, fixture, type Fixture } from './harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z'); // Wednesday 09:00 New York
const HOUR = 3_600_000;

describe.each(backends)('blocks on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => { f = await fixture(backend, clinic(), NOW); });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });
  const R = () => f.company.refs;
  const sessionStarts = async () => (await findAvailability(f.ctx, f.company.id, {
    serviceKey: R().session.id, from: NINE, to: NINE + 8 * HOUR,
  })).slots.map((s) => s.start);

  it('a block on a resource removes its slots, and deleting it gives them back', async () => {
    expect(await sessionStarts()).toContain(NINE + HOUR);
    const block = await createBlock(f.ctx, f.company.id, { resourceKey: R().alice.id, start: NINE + HOUR, end: NINE + 2 * HOUR, notes: 'Lunch' });
    expect(block).toMatchObject({ resource: { id: R().alice.id, name: 'Alice' }, start: NINE + HOUR, end: NINE + 2 * HOUR, notes: 'Lunch', weekly: false });
    expect(await sessionStarts()).not.toContain(NINE + HOUR);
    expect(await getBlock(f.ctx, f.company.id, block.uid)).toEqual(block);
    expect(await deleteBlock(f.ctx, f.company.id, block.id)).toEqual(block);
    expect(await sessionStarts()).toContain(NINE + HOUR);
    await expect(getBlock(f.ctx, f.company.id, block.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists by window and resource', async () => {
    const a = await createBlock(f.ctx, f.company.id, { resourceKey: R().alice.id, start: NINE, end: NINE + HOUR });
    const b = await createBlock(f.ctx, f.company.id, { resourceKey: R().bob.uid, start: NINE + 24 * HOUR, end: NINE + 25 * HOUR });
    const weekly = await createBlock(f.ctx, f.company.id, { start: NINE - 7 * 24 * HOUR, end: NINE - 7 * 24 * HOUR + HOUR, weekly: true });
    const ids = async (filter: Parameters<typeof listBlocks>[2]) => (await listBlocks(f.ctx, f.company.id, filter)).items.map((x) => x.id);
    expect(await ids({ from: NINE, to: NINE + 2 * HOUR })).toEqual([weekly.id, a.id]);
    expect(await ids({ resourceKeys: [R().bob.id] })).toEqual([b.id]);
    expect(await ids({ from: NINE + 2 * HOUR, to: NINE + 30 * HOUR })).toEqual([weekly.id, b.id]);
  });

  it('rejects an end before the start and an unknown resource, writing nothing', async () => {
    const before = (await listBlocks(f.ctx, f.company.id)).total;
    const err = await createBlock(f.ctx, f.company.id, { resourceKey: R().alice.id, start: NINE, end: NINE }).catch((e) => e);
    expect(isDomainError(err) && err.code === 'invalid_input' && err.field === 'end').toBe(true);
    await expect(createBlock(f.ctx, f.company.id, { resourceKey: 987654, start: NINE, end: NINE + HOUR })).rejects.toMatchObject({ code: 'not_found', field: 'resourceId' });
    expect((await listBlocks(f.ctx, f.company.id)).total).toBe(before);
  });
});
