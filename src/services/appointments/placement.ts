// Where (and whether) a new appointment fits: the booking-time re-check, run inside the booking
// transaction after the resources are locked, with the very rules availability used.
import { checkSlot, createRoundRobin, occupiedFrom } from '../../core/availability/index.js';
import type { CompanySettings } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { RoundRobin } from '../../core/types.js';
import type { LocationRow, ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { loadExternalBusy } from '../calendars/external-busy.js';
import { loadCalendars } from '../scheduling/calendars.js';
import { slotRules } from '../scheduling/rules.js';

export interface PlacementRequest {
  /** OnSched's allowPaddingOverflow: padding after may run past closing. */
  paddingOverflow?: boolean;
  /** OnSched's ignoreExternalEvents: connected calendars' busy times are left out of this check. */
  ignoreExternal?: boolean;
  companyId: number;
  companyZone: string;
  settings: CompanySettings;
  service: ServiceRow;
  location: LocationRow;
  /** Candidates in the caller's order of preference. */
  resources: ResourceRow[];
  start: number;
  /** Minutes, add-ons included. */
  length: number;
  mode: RoundRobin;
  /** false: any start inside working hours (OnSched); true: only starts on the interval grid (Acuity). */
  onGrid: boolean;
  /** Admin bookings skip availability altogether (Acuity admin=true): they may overbook on purpose. */
  skipAvailability: boolean;
  now: number;
  random: () => number;
  ignoreAppointmentIds?: number[];
}

export interface Placement {
  resourceIds: number[];
  mode: RoundRobin;
  reason: string;
  /** Where the occupation starts: the padding before, clipped to the working range as the check clipped it. */
  busyStart: number;
  /** The largest capacity among the chosen resources for this service (a pair allocation may raise it). */
  capacity: number;
}

export async function placeAppointment(tx: Tx, p: PlacementRequest): Promise<Placement> {
  if (p.resources.length === 0) throw new DomainError('no_available_resource', { message: 'The service has no resource at this location.' });
  if (p.skipAvailability) {
    const resourceIds = p.mode === 'COMBINED' ? p.resources.map((r) => r.id) : [p.resources[0].id];
    return { resourceIds, mode: p.mode === 'COMBINED' ? 'COMBINED' : 'NONE', reason: 'Admin booking: availability not checked',
      busyStart: p.start - p.service.padding_before * 60_000, capacity: 1 };
  }
  const end = p.start + p.length * 60_000;
  const { calendars, history } = await loadCalendars(tx, {
    companyId: p.companyId, companyZone: p.companyZone, location: p.location, resources: p.resources,
    window: { start: p.start, end }, now: p.now, balancing: p.mode === 'BALANCED',
    slotSpan: p.service.padding_before + p.length + p.service.padding_after, serviceCapacity: p.service.capacity, serviceId: p.service.id, ignoreAppointmentIds: p.ignoreAppointmentIds,
    // Connected calendars' stored busy times count for every booking but an admin's, on every surface.
    external: p.ignoreExternal ? new Map() : await loadExternalBusy(tx, p.resources.map((r) => r.id), { start: p.start, end }),
  });
  const rules = slotRules(p.service, p.settings, { duration: p.length, paddingOverflow: p.paddingOverflow });
  const failures = new Set<string>();
  const free = calendars.filter((resource) => {
    const failure = checkSlot({ now: p.now, start: p.start, rules, resource, onGrid: p.onGrid });
    if (failure) failures.add(failure);
    return failure === null;
  }).map((c) => c.id);
  // Notice and window do not depend on the resource: report them before "taken".
  if (failures.has('too_soon')) throw new DomainError('too_soon');
  if (failures.has('too_far')) throw new DomainError('too_far');
  if (free.length === 0) throw new DomainError('slot_unavailable');
  const choice = p.mode === 'NONE'
    ? { resourceIds: [free[0]], reason: `NONE: first free of ${p.resources.length} requested` }
    : createRoundRobin({ requested: p.resources.map((r) => r.id), history, zone: p.location.timezone, random: p.random })(p.mode, free, p.start);
  if (!choice) throw new DomainError('slot_unavailable', { message: 'Not every requested resource is free at that time.' });
  const chosen = calendars.filter((c) => choice.resourceIds.includes(c.id));
  const busyStart = Math.max(...chosen.map((c) => occupiedFrom(c, rules, p.start)));
  return { resourceIds: choice.resourceIds, mode: p.mode, reason: choice.reason, busyStart, capacity: Math.max(...chosen.map((c) => c.capacity)) };
}
