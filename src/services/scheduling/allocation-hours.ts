// Which hours a resource works for one service once allocations exist (OnSched's allocation mode):
// - the service has service- or pair-scoped allocations: the resource's pair allocations for it,
//   else the service-wide ones, are its hours for the service (none: not bookable for it);
// - else the resource has resource-scoped allocations: those are its hours for every service;
// - else its own weekly hours.
// Weekly windows replace the weekly hours (date overrides still narrow them, so a day off stays
// off); single allocations add one-off ranges. A pair's bookingsPerSlot is the resource's capacity
// for that service.
import { allocationHours, overridesWithinAllocation } from '../../core/time/allocation-hours.js';
import { resourceRowsFor, serviceRowsFor, type ScopedWindows, type WeeklyWindow } from '../../core/time/allocation-windows.js';
import type { DateOverride, Interval, WeeklyHours } from '../../core/types.js';
import type { AllocationRow } from '../../store/schema-setup.js';
import type { Tx } from '../../store/transaction.js';

export interface AllocatedHours {
  hours: WeeklyHours;
  overrides: DateOverride[];
  extra: Interval[];
  /** A pair allocation's bookingsPerSlot, when one sets it. */
  capacity: number | null;
}

type Scoped = ScopedWindows<AllocationRow>;

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function hoursOf(rows: Scoped[], overrides: DateOverride[], window: Interval): AllocatedHours {
  const all = rows.flatMap((r) => r.windows);
  const weekly = all.filter((r) => r.kind === 'weekly').flatMap((r) => JSON.parse(r.windows) as WeeklyWindow[]);
  const hours = allocationHours(weekly.map((w) => ({ days: [DAY_KEYS[w.dayOfWeek]], startTime: w.startTime, endTime: w.endTime })));
  const extra = all.filter((r) => r.kind === 'single' && r.start_at! < window.end && r.end_at! > window.start)
    .map((r) => ({ start: r.start_at!, end: r.end_at! }));
  const seats = all.filter((r) => r.resource_id !== null && r.service_id !== null && r.bookings_per_slot !== null).map((r) => r.bookings_per_slot!);
  return { hours, overrides: overridesWithinAllocation(overrides, hours), extra, capacity: seats.length ? Math.max(...seats) : null };
}

/** Per resource: its allocated hours for the service, or absent when its own weekly hours apply. */
export async function loadAllocatedHours(
  tx: Tx, companyId: number, serviceId: number | undefined, resources: Array<{ id: number; overrides: string }>, window: Interval,
): Promise<Map<number, AllocatedHours>> {
  const ids = resources.map((r) => r.id);
  const result = new Map<number, AllocatedHours>();
  if (ids.length === 0) return result;
  const rows = await tx.selectFrom('allocations').selectAll().where('company_id', '=', companyId)
    .where((eb) => eb.or([eb('resource_id', 'in', ids), ...(serviceId === undefined ? [] : [eb('service_id', '=', serviceId)])]))
    .execute();
  if (rows.length === 0) return result;
  const scoped: Scoped[] = rows.map((r) => ({ resourceId: r.resource_id, serviceId: r.service_id, windows: [r] }));
  const serviceMode = serviceId !== undefined && rows.some((r) => r.service_id === serviceId);
  for (const r of resources) {
    const applicable = serviceMode ? serviceRowsFor(scoped, r.id, serviceId!) : resourceRowsFor(scoped, r.id);
    if (serviceMode || applicable.length) result.set(r.id, hoursOf(applicable, JSON.parse(r.overrides), window));
  }
  return result;
}
