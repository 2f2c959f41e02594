// "Could this exact time be booked now?" without booking it: the booking-time re-check, read-only.
// The answer says which rule fails, in the domain's codes, so a surface can explain it.
import { findClassSlots } from '../../core/availability/index.js';
import { isDomainError, type DomainErrorCode } from '../../core/errors.js';
import { placeAppointment } from '../appointments/placement.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { classSessions } from './find-availability.js';
import { findOwned, loadAddons, resolveLocation, resolveResources } from './load-setup.js';
import { serviceRoundRobin, slotRules } from './rules.js';

export interface TimeCheck { serviceKey: Key; resourceKeys?: Key[]; start: number; addonKeys?: Key[]; admin?: boolean }

export type TimeCheckResult =
  | { valid: true; resourceIds: number[]; classSessionId?: number }
  | { valid: false; code: DomainErrorCode };

const UNBOOKABLE = new Set<DomainErrorCode>(['slot_unavailable', 'too_soon', 'too_far', 'no_available_resource', 'class_full']);

export async function checkTime(ctx: ServiceContext, companyId: number, q: TimeCheck): Promise<TimeCheckResult> {
  const tx = ctx.store.db;
  const now = ctx.now();
  const company = await getCompany(tx, companyId);
  const settings = companySettings(company);
  const service = await findOwned(tx, 'services', companyId, q.serviceKey, 'Service', 'ServiceId');
  const location = await resolveLocation(tx, companyId, service, service.scope === 'location' ? service.location_id ?? undefined : undefined);
  const resources = await resolveResources(tx, companyId, service, location, q.resourceKeys);
  if (service.type === 'class') {
    const sessions = await classSessions(tx, service, resources, { start: q.start, end: q.start + 1 }, now);
    if (sessions.length === 0) return { valid: false, code: 'slot_unavailable' };
    const rules = slotRules(service, settings);
    const open = findClassSlots(sessions, now, rules, q.start, q.start + 1);
    if (open.length === 0) return { valid: false, code: q.start < now + rules.minHoursInAdvance * 3_600_000 ? 'too_soon' : 'too_far' };
    const seat = open.find((s) => s.seatsLeft > 0);
    return seat ? { valid: true, resourceIds: [seat.resourceId], classSessionId: seat.id } : { valid: false, code: 'class_full' };
  }
  const addons = await loadAddons(tx, companyId, service, q.addonKeys, q.admin ?? false);
  try {
    const placement = await placeAppointment(tx, {
      companyId, companyZone: company.timezone, settings, service, location, resources, start: q.start,
      length: service.duration + addons.reduce((m, a) => m + a.duration, 0),
      mode: q.resourceKeys?.length ? 'NONE' : serviceRoundRobin(service), onGrid: true, skipAvailability: false, now, random: ctx.random,
    });
    return { valid: true, resourceIds: placement.resourceIds };
  } catch (error) {
    if (isDomainError(error) && UNBOOKABLE.has(error.code)) return { valid: false, code: error.code };
    throw error;
  }
}
