// OnSched's bulk unavailability: POST /v3/unavailability with an array (all or nothing) and
// setUnavailabilityBlocks, which replaces every one-off block of exactly one entity.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context.js';
import { runAction, type Idempotency } from '../run-action.js';
import { insertBlock, viewsOf, type BlockInput, type BlockView } from './blocks.js';
import { invalid } from './checks.js';
import { resolveEntity, type EntityScope } from './recurring-blocks.js';

export interface OneOffBlock { start: number; end: number; notes?: string | null }

/** Creates every block in one transaction: one bad item (named `[i].field`) and none is written. */
export async function createBlocks(ctx: ServiceContext, companyId: number, inputs: BlockInput[], idempotency?: Idempotency): Promise<BlockView[]> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const views: BlockView[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        views.push(await insertBlock(tx, companyId, input, ctx.now()));
      } catch (error) {
        const e = error as { field?: string; message: string };
        if (e.field !== undefined) throw invalid(`[${i}].${e.field}`, e.message);
        throw error;
      }
    }
    return views;
  });
}

/** Replaces the one-off blocks of one location, resource or service with these (weekly blocks stay). */
export async function setUnavailabilityBlocks(ctx: ServiceContext, companyId: number, scope: EntityScope, blocks: OneOffBlock[], idempotency?: Idempotency): Promise<BlockView[]> {
  blocks.forEach((b, i) => {
    if (!(b.end > b.start)) throw invalid(`blocks[${i}].endTime`, `blocks[${i}].endTime must be after startTime`);
    if (blocks.some((o, j) => j < i && o.start < b.end && b.start < o.end)) throw invalid(`blocks[${i}]`, `blocks[${i}] overlaps another block in the set`);
  });
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const entity = await resolveEntity(tx, companyId, scope);
    let existing = tx.deleteFrom('blocks').where('company_id', '=', companyId).where('weekly', '=', 0);
    existing = entity.type === 'resource' ? existing.where('resource_id', '=', entity.id)
      : entity.type === 'service' ? existing.where('service_id', '=', entity.id)
        : existing.where('location_id', '=', entity.id).where('resource_id', 'is', null);
    await existing.execute();
    const ids: number[] = [];
    for (const b of [...blocks].sort((x, y) => x.start - y.start)) {
      const { id } = await tx.insertInto('blocks').values({
        uid: randomUUID(), company_id: companyId, resource_id: entity.type === 'resource' ? entity.id : null,
        location_id: entity.type === 'location' ? entity.id : null, service_id: entity.type === 'service' ? entity.id : null,
        start_at: b.start, end_at: b.end, weekly: 0, until: null, notes: b.notes ?? null, created_at: ctx.now(),
      }).returning('id').executeTakeFirstOrThrow();
      ids.push(Number(id));
    }
    const rows = ids.length ? await tx.selectFrom('blocks').selectAll().where('id', 'in', ids).orderBy('start_at').execute() : [];
    return viewsOf(tx, rows);
  });
}
