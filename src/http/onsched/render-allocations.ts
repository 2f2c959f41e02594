// Allocations as OnSched clients read them: uids, "HH:MM:SS" times, instants in ISO 8601.
import type { Static } from '@sinclair/typebox';
import type { AllocationView } from '../../services/catalog/allocation-scope.js';
import { clockOut } from './hours.js';
import { iso } from './render.js';
import type { SingleAllocation, WeeklyAllocation } from './schemas/allocations.js';

export function renderWeeklyAllocation(a: AllocationView): Static<typeof WeeklyAllocation> {
  const rows = a.windows.map((w) => ({ dayOfWeek: w.dayOfWeek, startTime: clockOut(w.startTime), endTime: clockOut(w.endTime) }));
  // The first version's flat fields, when every row shares one window.
  const one = rows.every((r) => r.startTime === rows[0]?.startTime && r.endTime === rows[0]?.endTime);
  return {
    object: 'weeklyAllocation', id: a.uid, ServiceId: a.service?.uid ?? null, ResourceId: a.resource?.uid ?? null,
    weeklyAvailability: rows, bookingsPerSlot: a.bookingsPerSlot,
    daysOfWeek: [...new Set(rows.map((r) => r.dayOfWeek))].sort((x, y) => x - y),
    startTime: one ? rows[0]?.startTime ?? null : null, endTime: one ? rows[0]?.endTime ?? null : null, createdAt: iso(a.createdAt),
  };
}

export const renderSingleAllocation = (a: AllocationView): Static<typeof SingleAllocation> => ({
  object: 'singleAllocation', id: a.uid, ServiceId: a.service?.uid ?? null, ResourceId: a.resource?.uid ?? null,
  startDate: iso(a.start!), endDate: iso(a.end!), description: a.description, bookingsPerSlot: a.bookingsPerSlot, createdAt: iso(a.createdAt),
});
