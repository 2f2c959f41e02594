// Recurring blocks that touch a booking: the resource's own, its location's (the one booked at), and
// the service's, expanded into concrete intervals for a window.
import { expandRecurrence } from '../../core/time/recurrence.js';
import type { Interval } from '../../core/types.js';
import type { Tx } from '../../store/transaction.js';
import { ruleOf } from '../catalog/recurring-blocks.js';

/** Busy ranges by resource id; the null key holds the ranges that apply to every resource. */
export async function loadRecurringBusy(
  tx: Tx, scope: { companyId: number; location: { id: number }; resources: Array<{ id: number }>; serviceId?: number }, window: Interval,
): Promise<Map<number | null, Interval[]>> {
  const ids = scope.resources.map((r) => r.id);
  const rows = await tx.selectFrom('recurring_blocks').selectAll().where('company_id', '=', scope.companyId)
    .where((eb) => eb.or([
      eb('resource_id', 'in', ids), eb('location_id', '=', scope.location.id),
      ...(scope.serviceId === undefined ? [] : [eb('service_id', '=', scope.serviceId)]),
    ])).execute();
  const busy = new Map<number | null, Interval[]>();
  for (const row of rows) {
    const ranges = expandRecurrence(ruleOf(row), window);
    if (ranges.length) busy.set(row.resource_id, [...(busy.get(row.resource_id) ?? []), ...ranges]);
  }
  return busy;
}
