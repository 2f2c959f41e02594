// Single allocations (OnSched's singleAllocation): one UTC range (it may span days) in which a
// resource, a service or a pair is available, on top of the weekly allocations of that scope.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import {
  allocationViews, checkRanges, checkSeats, findAllocation, inScope, listAllocationRows, resolveScope, updatedScope,
  type AllocationFilter, type AllocationView, type Scope, type ScopeInput,
} from './allocation-scope.js';
import { invalid } from './checks.js';
import type { Page, PageRequest } from './list-page.js';

export interface SingleRange { start?: number; end?: number; description?: string | null; bookingsPerSlot?: number | null }
export interface SingleAllocationInput extends ScopeInput, SingleRange {}

function required(r: SingleRange, at = ''): { start: number; end: number } {
  if (r.start === undefined) throw invalid(`${at}startDate`, `${at}startDate is required`);
  if (r.end === undefined) throw invalid(`${at}endDate`, `${at}endDate is required`);
  return { start: r.start, end: r.end };
}

async function insertSingle(tx: Tx, ctx: ServiceContext, companyId: number, scope: Scope, r: SingleRange & { start: number; end: number }): Promise<number> {
  const row = await tx.insertInto('allocations').values({
    uid: randomUUID(), company_id: companyId, kind: 'single', resource_id: scope.resourceId, service_id: scope.serviceId,
    windows: '[]', start_at: r.start, end_at: r.end, description: r.description ?? null, bookings_per_slot: checkSeats(r.bookingsPerSlot), created_at: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

const view = async (tx: Tx, companyId: number, key: Key) => (await allocationViews(tx, [await findAllocation(tx, companyId, 'single', key)]))[0];

export async function createSingleAllocation(ctx: ServiceContext, companyId: number, input: SingleAllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const range = required(input);
    checkRanges([range]);
    const scope = await resolveScope(tx, companyId, input);
    return view(tx, companyId, await insertSingle(tx, ctx, companyId, scope, { ...input, ...range }));
  });
}

/** setSingleAllocations: every single allocation of exactly this scope is replaced by these. */
export async function setSingleAllocations(ctx: ServiceContext, companyId: number, scopeInput: ScopeInput, ranges: SingleRange[], idempotency?: Idempotency): Promise<AllocationView[]> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const checked = ranges.map((r, i) => ({ ...r, ...required(r, `singleAllocations[${i}].`) }));
    checkRanges(checked, 'singleAllocations');
    const scope = await resolveScope(tx, companyId, scopeInput);
    await tx.deleteFrom('allocations').where('company_id', '=', companyId).where('kind', '=', 'single').where(inScope(scope)).execute();
    const views: AllocationView[] = [];
    for (const r of [...checked].sort((a, b) => a.start - b.start)) views.push(await view(tx, companyId, await insertSingle(tx, ctx, companyId, scope, r)));
    return views;
  });
}

export async function getSingleAllocation(ctx: ServiceContext, companyId: number, key: Key): Promise<AllocationView> {
  return view(ctx.store.db, companyId, key);
}

export async function listSingleAllocations(ctx: ServiceContext, companyId: number, filter: AllocationFilter, page: PageRequest): Promise<Page<AllocationView>> {
  return listAllocationRows(ctx.store.db, companyId, 'single', filter, page);
}

/** PUT: the fields sent replace the stored ones; the range must still run forwards. */
export async function updateSingleAllocation(ctx: ServiceContext, companyId: number, key: Key, input: SingleAllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findAllocation(tx, companyId, 'single', key);
    const range = { start: input.start ?? row.start_at!, end: input.end ?? row.end_at! };
    checkRanges([range]);
    const scope = await updatedScope(tx, companyId, row, input);
    await tx.updateTable('allocations').set({
      resource_id: scope.resourceId, service_id: scope.serviceId, start_at: range.start, end_at: range.end,
      description: input.description !== undefined ? input.description : row.description,
      bookings_per_slot: input.bookingsPerSlot !== undefined ? checkSeats(input.bookingsPerSlot) : row.bookings_per_slot,
    }).where('id', '=', row.id).execute();
    return view(tx, companyId, row.id);
  });
}

export async function deleteSingleAllocation(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const found = await view(tx, companyId, key);
    await tx.deleteFrom('allocations').where('id', '=', found.id).execute();
    return found;
  });
}
