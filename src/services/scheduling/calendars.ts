// Builds the core's view of each resource for a time window: working hours in the right zone, the
// live appointments (already widened by their own padding), blocks, and the history round robin weighs.
import type { BookingHistory } from '../../core/availability/index.js';
import type { Block, Interval, ResourceCalendar } from '../../core/types.js';
import type { Tx } from '../../store/transaction.js';
import type { LocationRow, ResourceRow } from '../../store/schema.js';
import { loadAllocatedHours } from './allocation-hours.js';
import { loadRecurringBusy } from './recurring-busy.js';

const DAY = 86_400_000;

export interface CalendarScope {
  companyId: number;
  companyZone: string;
  location: LocationRow;
  resources: ResourceRow[];
  /** The window slots are wanted for. */
  window: Interval;
  /** BALANCED counts bookings per local week, so it needs the weeks around the window loaded too. */
  balancing?: boolean;
  /** Minutes a slot reaches around its start (padding before, duration, padding after). */
  slotSpan: number;
  now: number;
  /** Capacity for the service at hand: a group service's own, else each resource's. */
  serviceCapacity: number;
  /** The service at hand: allocations for it (or the resource's own) replace the resource's weekly hours. */
  serviceId?: number;
  /** Appointments to leave out, e.g. the one being rescheduled. */
  ignoreAppointmentIds?: number[];
  /** Extra busy ranges per resource (external calendars). */
  external?: Map<number, Interval[]>;
}

export interface Calendars {
  calendars: ResourceCalendar[];
  history: BookingHistory[];
}

export const resourceZone = (r: ResourceRow, location: LocationRow, companyZone: string): string =>
  r.timezone ?? location.timezone ?? companyZone;

export async function loadCalendars(tx: Tx, scope: CalendarScope): Promise<Calendars> {
  const ids = scope.resources.map((r) => r.id);
  if (ids.length === 0) return { calendars: [], history: [] };
  // Beyond the window itself: what a slot's padding and length reach (a day more for safety);
  // BALANCED needs whole weeks.
  const reach = Math.max(scope.slotSpan * 60_000 + DAY, scope.balancing ? 7 * DAY : 0);
  const lo = scope.window.start - reach;
  const hi = scope.window.end + reach;
  const busy = await loadBusy(tx, scope, ids, lo, hi);
  const blocks = await tx.selectFrom('blocks').select(['resource_id', 'location_id', 'start_at', 'end_at', 'weekly', 'until'])
    .where('company_id', '=', scope.companyId)
    .where((eb) => eb.or([
      eb('resource_id', 'in', ids),
      eb.and([eb('resource_id', 'is', null), eb('service_id', 'is', null), eb.or([eb('location_id', 'is', null), eb('location_id', '=', scope.location.id)])]),
      // A block on the service makes every one of its resources busy for it.
      ...(scope.serviceId === undefined ? [] : [eb('service_id', '=', scope.serviceId)]),
    ]))
    .where('start_at', '<', hi)
    .where((eb) => eb.or([eb('end_at', '>', lo), eb('weekly', '=', 1)]))
    .execute();

  const allocations = await loadAllocatedHours(tx, scope.companyId, scope.serviceId, scope.resources, { start: lo, end: hi });

  const byResource = new Map<number, ResourceCalendar>();
  const calendars = scope.resources.map((r) => {
    const allocated = allocations.get(r.id);
    const calendar: ResourceCalendar = {
      id: r.id,
      zone: resourceZone(r, scope.location, scope.companyZone),
      hours: allocated?.hours ?? parsedHours(r).hours,
      overrides: allocated?.overrides ?? parsedHours(r).overrides,
      extra: allocated?.extra,
      capacity: allocated?.capacity ?? (scope.serviceCapacity > 1 ? scope.serviceCapacity : r.capacity),
      appointments: [],
      blocks: [],
      external: scope.external?.get(r.id),
    };
    byResource.set(r.id, calendar);
    return calendar;
  });
  for (const b of busy) {
    const calendar = byResource.get(b.resource_id);
    if (!calendar) continue;
    // Seats of a group service are shared only with bookings of that same service: anything else
    // on the resource (a one-to-one appointment, another group) takes it whole.
    if (scope.serviceCapacity > 1 && b.service_id !== scope.serviceId) calendar.blocks.push({ start: b.busy_start, end: b.busy_end });
    else calendar.appointments.push({ start: b.busy_start, end: b.busy_end, paddingBefore: 0, paddingAfter: 0 });
  }
  for (const b of blocks) {
    const block: Block = { start: b.start_at, end: b.end_at, weekly: b.weekly === 1, until: b.until };
    const targets = b.resource_id === null ? calendars : [byResource.get(b.resource_id)].filter((c) => c !== undefined);
    for (const calendar of targets) calendar.blocks.push(block);
  }
  for (const [resourceId, ranges] of await loadRecurringBusy(tx, scope, { start: lo, end: hi })) {
    const targets = resourceId === null ? calendars : [byResource.get(resourceId)].filter((c) => c !== undefined);
    for (const calendar of targets) calendar.blocks.push(...ranges);
  }
  // A class session occupies its resource whether or not anyone has booked a seat yet.
  const sessions = await tx.selectFrom('class_sessions').select(['resource_id', 'start_at', 'end_at'])
    .where('resource_id', 'in', ids).where('start_at', '<', hi).where('end_at', '>', lo).execute();
  for (const s of sessions) byResource.get(s.resource_id)?.blocks.push({ start: s.start_at, end: s.end_at });
  // Only BALANCED weighs the history; without it the appointments were not even read.
  const history = scope.balancing ? busy.map((b) => ({ resourceId: b.resource_id, start: b.start_at!, createdAt: b.created_at! })) : [];
  return { calendars, history };
}

/** start_at, created_at and service_id only when the appointment was read (BALANCED, group services). */
interface BusyRow { resource_id: number; busy_start: number; busy_end: number; start_at?: number; created_at?: number; service_id?: number }

/**
 * Live occupations of the resources reaching into [lo, hi). Only BALANCED round robin (the history)
 * and group services (whose booking is of which service) need the appointment itself; otherwise the
 * read is answered by migration 013's covering index alone, without touching the appointments.
 */
async function loadBusy(tx: Tx, scope: CalendarScope, ids: number[], lo: number, hi: number): Promise<BusyRow[]> {
  if (scope.balancing || scope.serviceCapacity > 1) {
    let query = tx.selectFrom('appointment_resources as ar').innerJoin('appointments as a', 'a.id', 'ar.appointment_id')
      .select(['ar.resource_id', 'ar.busy_start', 'ar.busy_end', 'a.start_at', 'a.created_at', 'a.service_id'])
      .where('ar.resource_id', 'in', ids).where('ar.live', '=', 1)
      .where((eb) => eb.or([eb('ar.expires_at', 'is', null), eb('ar.expires_at', '>', scope.now)]))
      .where('ar.busy_start', '<', hi).where('ar.busy_end', '>', lo);
    if (scope.ignoreAppointmentIds?.length) query = query.where('ar.appointment_id', 'not in', scope.ignoreAppointmentIds);
    return query.execute();
  }
  let query = tx.selectFrom('appointment_resources').select(['resource_id', 'busy_start', 'busy_end'])
    .where('resource_id', 'in', ids).where('live', '=', 1)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', scope.now)]))
    .where('busy_start', '<', hi).where('busy_end', '>', lo);
  if (scope.ignoreAppointmentIds?.length) query = query.where('appointment_id', 'not in', scope.ignoreAppointmentIds);
  return query.execute();
}

/** Weekly hours and date overrides parsed once per row object (setup-cache rows live across requests). */
const parsed = new WeakMap<ResourceRow, { hours: ResourceCalendar['hours']; overrides: ResourceCalendar['overrides'] }>();
function parsedHours(r: ResourceRow) {
  let p = parsed.get(r);
  if (!p) parsed.set(r, p = { hours: JSON.parse(r.hours), overrides: JSON.parse(r.overrides) });
  return p;
}
