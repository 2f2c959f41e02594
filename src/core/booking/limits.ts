// A service's booking limits (OnSched's bookingLimit, maxBookingLimit, maxResourceBookingLimit,
// dailyBookingLimitCount, dailyBookingLimitMinutes): pure counting over the service's appointments.
// 0 means unlimited. What counts:
// - bookingLimit: the customer's upcoming (not yet ended) BK and live IN appointments (RS does not count);
// - maxBookingLimit: every appointment the customer ever had for the service, except RE placeholders
//   and expired holds (lifetime);
// - maxResourceBookingLimit: the same lifetime count per resource, whoever the customer;
// - dailyBookingLimitCount / dailyBookingLimitMinutes: BK and live IN appointments starting on one
//   local calendar day (the location's zone), service-wide.
import type { Interval, Millis } from '../types.js';
import { localDayOf } from '../time/wall-clock.js';

export interface BookingLimits {
  bookingLimit: number;
  maxBookingLimit: number;
  maxResourceBookingLimit: number;
  dailyBookingLimitCount: number;
  dailyBookingLimitMinutes: number;
}

export const NO_LIMITS: BookingLimits = {
  bookingLimit: 0, maxBookingLimit: 0, maxResourceBookingLimit: 0, dailyBookingLimitCount: 0, dailyBookingLimitMinutes: 0,
};

export const hasLimits = (l: BookingLimits): boolean => Object.values(l).some((v) => v > 0);

/** An appointment of the service as the limits see it. */
export interface CountedAppointment {
  customerId: number | null;
  resourceIds: number[];
  status: string;
  start: Millis;
  end: Millis;
  expiresAt: Millis | null;
}

export interface LimitCandidate {
  customerId: number | null;
  start: Millis;
  end: Millis;
}

export interface LimitFailure {
  field: keyof BookingLimits;
  message: string;
}

const liveHold = (a: CountedAppointment, now: Millis) => a.status === 'IN' && a.expiresAt !== null && a.expiresAt > now;
/** BK or a hold that has not expired: what bookingLimit and the daily limits count. */
export const isActive = (a: CountedAppointment, now: Millis): boolean => a.status === 'BK' || liveHold(a, now);
/** Anything but an RE placeholder or an expired hold: what the lifetime limits count. */
export const countsForLifetime = (a: CountedAppointment, now: Millis): boolean => a.status !== 'RE' && (a.status !== 'IN' || liveHold(a, now));

const minutesOf = (a: Interval) => Math.round((a.end - a.start) / 60_000);

/** Per local day (in `zone`) of the start: how many active appointments and how many minutes. */
export function dailyUsage(existing: readonly CountedAppointment[], now: Millis, zone: string): Map<number, { count: number; minutes: number }> {
  const usage = new Map<number, { count: number; minutes: number }>();
  for (const a of existing) {
    if (!isActive(a, now)) continue;
    const day = localDayOf(a.start, zone);
    const used = usage.get(day) ?? { count: 0, minutes: 0 };
    used.count++;
    used.minutes += minutesOf(a);
    usage.set(day, used);
  }
  return usage;
}

/** Does one more appointment of `minutes` still fit the daily limits, given that day's usage? */
export function fitsDaily(limits: BookingLimits, used: { count: number; minutes: number } | undefined, minutes: number): LimitFailure | null {
  const count = used?.count ?? 0;
  const total = used?.minutes ?? 0;
  if (limits.dailyBookingLimitCount > 0 && count + 1 > limits.dailyBookingLimitCount) {
    return { field: 'dailyBookingLimitCount', message: `The service takes at most ${limits.dailyBookingLimitCount} bookings a day.` };
  }
  if (limits.dailyBookingLimitMinutes > 0 && total + minutes > limits.dailyBookingLimitMinutes) {
    return { field: 'dailyBookingLimitMinutes', message: `The service takes at most ${limits.dailyBookingLimitMinutes} booked minutes a day.` };
  }
  return null;
}

/** The per-customer limits: does the customer still have room for one more? */
export function customerLimitFailure(limits: BookingLimits, existing: readonly CountedAppointment[], customerId: number | null, now: Millis): LimitFailure | null {
  if (customerId === null) return null;
  const mine = existing.filter((a) => a.customerId === customerId);
  if (limits.bookingLimit > 0) {
    const active = mine.filter((a) => isActive(a, now) && a.end > now).length;
    if (active + 1 > limits.bookingLimit) {
      return { field: 'bookingLimit', message: `A customer may hold at most ${limits.bookingLimit} upcoming bookings of this service.` };
    }
  }
  if (limits.maxBookingLimit > 0 && mine.filter((a) => countsForLifetime(a, now)).length + 1 > limits.maxBookingLimit) {
    return { field: 'maxBookingLimit', message: `A customer may book this service at most ${limits.maxBookingLimit} times.` };
  }
  return null;
}

/** Resources that already took the service's lifetime maximum (maxResourceBookingLimit). */
export function exhaustedResources(limits: BookingLimits, existing: readonly CountedAppointment[], now: Millis): Set<number> {
  const full = new Set<number>();
  if (limits.maxResourceBookingLimit <= 0) return full;
  const counts = new Map<number, number>();
  for (const a of existing) {
    if (!countsForLifetime(a, now)) continue;
    for (const id of a.resourceIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const [id, n] of counts) if (n >= limits.maxResourceBookingLimit) full.add(id);
  return full;
}

/**
 * Every limit for one candidate booking on `resourceIds`: the first that refuses it, or null.
 * Daily limits are read on the candidate's local date in `zone`.
 */
export function limitFailure(limits: BookingLimits, existing: readonly CountedAppointment[], candidate: LimitCandidate & { resourceIds: number[] }, now: Millis, zone: string): LimitFailure | null {
  const customer = customerLimitFailure(limits, existing, candidate.customerId, now);
  if (customer) return customer;
  const full = exhaustedResources(limits, existing, now);
  if (candidate.resourceIds.some((id) => full.has(id))) {
    return { field: 'maxResourceBookingLimit', message: `A resource may take this service at most ${limits.maxResourceBookingLimit} times.` };
  }
  const day = localDayOf(candidate.start, zone);
  return fitsDaily(limits, dailyUsage(existing, now, zone).get(day), minutesOf(candidate));
}

/**
 * A resource's own bookingLimit (OnSched's Resource.bookingLimit): the resources, of `limits`
 * (resource id → its limit), with which the customer already has as many upcoming (not yet ended)
 * BK and live IN appointments, of any service, as the limit allows. `mine` are the customer's.
 */
export function resourcesAtCustomerLimit(limits: ReadonlyMap<number, number>, mine: readonly CountedAppointment[], now: Millis): Set<number> {
  const counts = new Map<number, number>();
  for (const a of mine) {
    if (!isActive(a, now) || a.end <= now) continue;
    for (const id of a.resourceIds) if (limits.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return new Set([...limits].filter(([id, limit]) => limit > 0 && (counts.get(id) ?? 0) >= limit).map(([id]) => id));
}
