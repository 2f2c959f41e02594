// Weekly allocations (OnSched's weeklyAllocation): recurring windows {dayOfWeek, startTime, endTime}
// scoped to a resource, a service, or a pair. A service- or pair-scoped one puts the service in
// allocation mode, a resource-scoped one the resource: then only allocated windows count (see
// services/scheduling/allocation-hours.ts). bookingsPerSlot applies in pair scope only.
import { randomUUID } from 'node:crypto';
import type { WeeklyWindow } from '../../core/time/allocation-windows.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import {
  allocationViews, checkSeats, checkWindows, findAllocation, inScope, listAllocationRows, resolveScope, updatedScope,
  type AllocationFilter, type AllocationView, type Scope, type ScopeInput,
} from './allocation-scope.js';
import type { Page, PageRequest } from './list-page.js';

export type { AllocationView } from './allocation-scope.js';

export interface WeeklyAllocationInput extends ScopeInput {
  /** "HH:MM" local times; the end may be "24:00". */
  windows?: WeeklyWindow[];
  bookingsPerSlot?: number | null;
  /** The windows came in the first version's flat shape (daysOfWeek, startTime, endTime): errors name those fields. */
  legacy?: boolean;
}

async function insertWeekly(tx: Tx, ctx: ServiceContext, companyId: number, scope: Scope, input: WeeklyAllocationInput): Promise<number> {
  const row = await tx.insertInto('allocations').values({
    uid: randomUUID(), company_id: companyId, kind: 'weekly', resource_id: scope.resourceId, service_id: scope.serviceId,
    windows: JSON.stringify(checkWindows(input.windows, input.legacy)), start_at: null, end_at: null, description: null,
    bookings_per_slot: checkSeats(input.bookingsPerSlot), created_at: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

const view = async (tx: Tx, companyId: number, key: Key) => (await allocationViews(tx, [await findAllocation(tx, companyId, 'weekly', key)]))[0];

export async function createAllocation(ctx: ServiceContext, companyId: number, input: WeeklyAllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const scope = await resolveScope(tx, companyId, input);
    return view(tx, companyId, await insertWeekly(tx, ctx, companyId, scope, input));
  });
}

/** setWeeklyAllocations: every weekly allocation of exactly this scope is replaced by one with these windows. */
export async function setWeeklyAllocations(ctx: ServiceContext, companyId: number, input: WeeklyAllocationInput, idempotency?: Idempotency): Promise<AllocationView[]> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const scope = await resolveScope(tx, companyId, input);
    checkWindows(input.windows, input.legacy);
    await tx.deleteFrom('allocations').where('company_id', '=', companyId).where('kind', '=', 'weekly').where(inScope(scope)).execute();
    return [await view(tx, companyId, await insertWeekly(tx, ctx, companyId, scope, input))];
  });
}

export async function getAllocation(ctx: ServiceContext, companyId: number, key: Key): Promise<AllocationView> {
  return view(ctx.store.db, companyId, key);
}

export async function listAllocations(ctx: ServiceContext, companyId: number, filter: AllocationFilter, page: PageRequest): Promise<Page<AllocationView>> {
  return listAllocationRows(ctx.store.db, companyId, 'weekly', filter, page);
}

/** An OpenSlot extension (OnSched has no PUT here): the fields sent replace the stored ones. */
export async function updateAllocation(ctx: ServiceContext, companyId: number, key: Key, input: WeeklyAllocationInput, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findAllocation(tx, companyId, 'weekly', key);
    const scope = await updatedScope(tx, companyId, row, input);
    await tx.updateTable('allocations').set({
      resource_id: scope.resourceId, service_id: scope.serviceId,
      windows: input.windows !== undefined ? JSON.stringify(checkWindows(input.windows, input.legacy)) : row.windows,
      bookings_per_slot: input.bookingsPerSlot !== undefined ? checkSeats(input.bookingsPerSlot) : row.bookings_per_slot,
    }).where('id', '=', row.id).execute();
    return view(tx, companyId, row.id);
  });
}

export async function deleteAllocation(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AllocationView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const found = await view(tx, companyId, key);
    await tx.deleteFrom('allocations').where('id', '=', found.id).execute();
    return found;
  });
}
