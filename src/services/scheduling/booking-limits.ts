// A service's booking limits, read from the store and checked with the core's counting. Bookings
// call enforceBookingLimits inside their transaction after locking their resources; on PostgreSQL
// it also locks the service row, so two bookings of one limited service on different resources
// (or by one customer) take turns and cannot both count the same "one left". SQLite's single
// writer already serialises them.
import {
  customerLimitFailure, dailyUsage, exhaustedResources, fitsDaily, hasLimits, limitFailure,
  type BookingLimits, type CountedAppointment,
} from '../../core/booking/limits.js';
import { DomainError } from '../../core/errors.js';
import { localDayOf } from '../../core/time/wall-clock.js';
import type { Interval } from '../../core/types.js';
import type { Store } from '../../store/database.js';
import type { ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { enforceResourceLimits, resourcesFullFor } from './resource-booking-limits.js';

const DAY = 86_400_000;

export function serviceLimits(service: ServiceRow): BookingLimits {
  return {
    bookingLimit: service.booking_limit ?? 0,
    maxBookingLimit: service.max_booking_limit ?? 0,
    maxResourceBookingLimit: service.max_resource_booking_limit ?? 0,
    dailyBookingLimitCount: service.daily_booking_limit_count ?? 0,
    dailyBookingLimitMinutes: service.daily_booking_limit_minutes ?? 0,
  };
}

const LIMIT_COLUMN = {
  bookingLimit: 'booking_limit', maxBookingLimit: 'max_booking_limit', maxResourceBookingLimit: 'max_resource_booking_limit',
  dailyBookingLimitCount: 'daily_booking_limit_count', dailyBookingLimitMinutes: 'daily_booking_limit_minutes',
} as const;
export const LIMIT_NAMES = Object.keys(LIMIT_COLUMN) as Array<keyof BookingLimits>;
type LimitColumn = (typeof LIMIT_COLUMN)[keyof BookingLimits];

/** The service columns for the limits given (absent ones are left out). */
export function limitColumns(limits: Partial<BookingLimits> | undefined): Partial<Record<LimitColumn, number>> {
  const set: Partial<Record<LimitColumn, number>> = {};
  for (const name of LIMIT_NAMES) if (limits?.[name] !== undefined) set[LIMIT_COLUMN[name]] = limits[name];
  return set;
}

interface Scope {
  customerId: number | null;
  /** The local days (padded by a day each side) whose daily usage matters. */
  around: Interval | null;
  ignoreIds: number[];
}

/** The service's appointments the limits can count: the customer's, those near the days in question, or all of them for the per-resource lifetime limit. */
async function countedAppointments(tx: Tx, service: ServiceRow, limits: BookingLimits, scope: Scope): Promise<CountedAppointment[]> {
  const everything = limits.maxResourceBookingLimit > 0;
  const daily = (limits.dailyBookingLimitCount > 0 || limits.dailyBookingLimitMinutes > 0) && scope.around !== null;
  const customer = (limits.bookingLimit > 0 || limits.maxBookingLimit > 0) && scope.customerId !== null;
  if (!everything && !daily && !customer) return [];
  let query = tx.selectFrom('appointments').select(['id', 'customer_id', 'status', 'start_at', 'end_at', 'expires_at'])
    .where('service_id', '=', service.id).where('status', '!=', 'RE');
  if (!everything) {
    query = query.where((eb) => eb.or([
      ...(customer ? [eb('customer_id', '=', scope.customerId)] : []),
      ...(daily ? [eb.and([eb('start_at', '>=', scope.around!.start - DAY), eb('start_at', '<', scope.around!.end + DAY)])] : []),
    ]));
  }
  if (scope.ignoreIds.length) query = query.where('id', 'not in', scope.ignoreIds);
  const rows = await query.execute();
  const links = everything && rows.length
    ? await tx.selectFrom('appointment_resources as ar').innerJoin('appointments as a', 'a.id', 'ar.appointment_id')
      .select(['ar.appointment_id', 'ar.resource_id']).where('a.service_id', '=', service.id).execute()
    : [];
  const resourcesOf = new Map<number, number[]>();
  for (const l of links) resourcesOf.set(l.appointment_id, [...(resourcesOf.get(l.appointment_id) ?? []), l.resource_id]);
  return rows.map((r) => ({
    customerId: r.customer_id, resourceIds: resourcesOf.get(r.id) ?? [], status: r.status,
    start: r.start_at, end: r.end_at, expiresAt: r.expires_at,
  }));
}

export interface LimitCheck {
  service: ServiceRow;
  zone: string;
  customerId: number | null;
  start: number;
  end: number;
  resourceIds: number[];
  now: number;
  /** Appointments that the booking replaces (the one being rescheduled or booked). */
  ignoreIds?: number[];
}

/** Refuses (422) a booking that would exceed one of the service's limits, or a resource's bookingLimit; call it inside the booking transaction. */
export async function enforceBookingLimits(store: Store, tx: Tx, check: LimitCheck): Promise<void> {
  await enforceResourceLimits(store, tx, { ...check, companyId: check.service.company_id });
  const limits = serviceLimits(check.service);
  if (!hasLimits(limits)) return;
  if (store.dialect === 'postgres') await tx.selectFrom('services').select('id').where('id', '=', check.service.id).forUpdate().execute();
  const existing = await countedAppointments(tx, check.service, limits, {
    customerId: check.customerId, around: { start: check.start, end: check.end }, ignoreIds: check.ignoreIds ?? [],
  });
  const failure = limitFailure(limits, existing, check, check.now, check.zone);
  if (failure) throw new DomainError('booking_limit_reached', { field: failure.field, message: failure.message });
}

export interface SlotLimiter {
  /** Resources that reached maxResourceBookingLimit, or whose bookingLimit the customer reached: they are not offered. */
  exhausted: Set<number>;
  /** May a slot of this length start at `start`? (Daily limits; per-customer limits close everything.) */
  allows: (start: number, end: number) => boolean;
}

const OPEN: SlotLimiter = { exhausted: new Set(), allows: () => true };

/** What availability must leave out under the service's limits, for a window and (when known) a customer. */
export async function slotLimiter(tx: Tx, service: ServiceRow, zone: string, window: Interval, customerId: number | null, now: number): Promise<SlotLimiter> {
  const customerFull = await resourcesFullFor(tx, service.company_id, customerId, now);
  const limits = serviceLimits(service);
  if (!hasLimits(limits)) return customerFull.size ? { ...OPEN, exhausted: customerFull } : OPEN;
  const existing = await countedAppointments(tx, service, limits, { customerId, around: window, ignoreIds: [] });
  if (customerLimitFailure(limits, existing, customerId, now)) return { exhausted: new Set(), allows: () => false };
  const usage = dailyUsage(existing, now, zone);
  return {
    exhausted: new Set([...exhaustedResources(limits, existing, now), ...customerFull]),
    allows: (start, end) => fitsDaily(limits, usage.get(localDayOf(start, zone)), Math.round((end - start) / 60_000)) === null,
  };
}
