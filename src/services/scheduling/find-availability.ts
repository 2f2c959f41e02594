// "When can this be booked?": free slots of a service at a location over a window, with the
// resources each slot would go to under the round-robin mode.
import { createRoundRobin, findClassSlots, findSlots } from '../../core/availability/index.js';
import { DomainError } from '../../core/errors.js';
import type { Interval, RoundRobin } from '../../core/types.js';
import type { LocationRow, ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { loadExternalBusy, refreshStaleCalendars } from '../calendars/external-busy.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { loadCalendars, type Calendars } from './calendars.js';
import { slotLimiter } from './booking-limits.js';
import { findOwned, loadAddons, resolveLocation, resolveResources } from './load-setup.js';
import { serviceRoundRobin, slotRules } from './rules.js';
import { checkRequestedLength } from '../catalog/service-duration.js';

export interface AvailabilityQuery {
  serviceKey: Key;
  locationKey?: Key;
  resourceKeys?: Key[];
  from: number;
  to: number;
  roundRobin?: RoundRobin;
  duration?: number;
  interval?: number;
  addonKeys?: Key[];
  /** Admin callers may see private add-ons. */
  admin?: boolean;
  ignoreAppointmentKeys?: Key[];
  /** Busy times of connected external calendars count (default); OnSched's syncExternal=false leaves them out. */
  externalCalendars?: boolean;
  /** OnSched: without roundRobin the service's own mode applies, even when resources are named. */
  serviceModeByDefault?: boolean;
  /** OnSched: a requested duration must be one the service allows; names the parameter. */
  durationField?: string;
  /** OnSched's allowPaddingOverflow: padding after a slot may run past the end of working hours. */
  paddingOverflow?: boolean;
  /** The customer the times are for (OnSched's CustomerId): per-customer booking limits apply. */
  customerId?: Key;
}

export interface AvailableSlot {
  start: number;
  end: number;
  resources: Array<Pick<ResourceRow, 'id' | 'uid' | 'name'>>;
  seatsLeft: number;
  /** For class services: the session this slot is. */
  classSessionId?: number;
}

export interface Availability {
  service: ServiceRow;
  location: LocationRow;
  /** The zone days are keyed in unless the caller asks for another. */
  zone: string;
  slots: AvailableSlot[];
}

const MAX_WINDOW_DAYS = 100;

export async function findAvailability(ctx: ServiceContext, companyId: number, q: AvailabilityQuery): Promise<Availability> {
  if (!(q.to > q.from)) throw new DomainError('invalid_input', { field: 'endDate', message: 'endDate must be after startDate' });
  if (q.to - q.from > MAX_WINDOW_DAYS * 86_400_000) {
    throw new DomainError('invalid_input', { field: 'endDate', message: `The window may span at most ${MAX_WINDOW_DAYS} days` });
  }
  const tx = ctx.store.db;
  const company = await getCompany(tx, companyId);
  const service = await findOwned(tx, 'services', companyId, q.serviceKey, 'Service', 'ServiceId');
  const location = await resolveLocation(tx, companyId, service, q.locationKey);
  const settings = companySettings(company);
  const now = ctx.now();
  const window: Interval = { start: q.from, end: q.to };
  const customer = q.customerId === undefined ? null : await findOwned(tx, 'customers', companyId, q.customerId, 'Customer', 'CustomerId');
  const limiter = await slotLimiter(tx, service, location.timezone, window, customer?.id ?? null, now);
  const resources = (await resolveResources(tx, companyId, service, location, q.resourceKeys)).filter((r) => !limiter.exhausted.has(r.id));
  const byId = new Map(resources.map((r) => [r.id, r]));
  const view = (id: number) => { const r = byId.get(id)!; return { id: r.id, uid: r.uid, name: r.name }; };

  if (service.type === 'class') {
    const sessions = await classSessions(tx, service, resources, window, now);
    const slots = findClassSlots(sessions, now, slotRules(service, settings), q.from, q.to)
      .filter((s) => s.seatsLeft > 0 && limiter.allows(s.start, s.end))
      .map((s) => ({ start: s.start, end: s.end, resources: [view(s.resourceId)], seatsLeft: s.seatsLeft, classSessionId: s.id }));
    return { service, location, zone: location.timezone, slots };
  }

  if (q.durationField && q.duration !== undefined) checkRequestedLength(service, q.duration, q.durationField);
  const addons = await loadAddons(tx, companyId, service, q.addonKeys, q.admin ?? false);
  const rules = slotRules(service, settings, { duration: q.duration, interval: q.interval, paddingOverflow: q.paddingOverflow, addonMinutes: addons.reduce((m, a) => m + a.duration, 0) });
  const ignore = await appointmentIds(tx, companyId, q.ignoreAppointmentKeys);
  const external = q.externalCalendars === false ? undefined : await loadExternalBusy(tx, resources.map((r) => r.id), window);
  if (external) refreshStaleCalendars(ctx, resources.map((r) => r.id));
  const mode = q.roundRobin ?? (q.resourceKeys?.length && !q.serviceModeByDefault ? 'NONE' : serviceRoundRobin(service));
  const loaded: Calendars = await loadCalendars(tx, {
    companyId, companyZone: company.timezone, location, resources, window, now, serviceCapacity: service.capacity, serviceId: service.id,
    ignoreAppointmentIds: ignore, external, balancing: mode === 'BALANCED',
    slotSpan: rules.paddingBefore + rules.duration + rules.paddingAfter,
  });
  const choose = createRoundRobin({ requested: resources.map((r) => r.id), history: loaded.history, zone: location.timezone, random: ctx.random });
  const slots: AvailableSlot[] = [];
  for (const slot of findSlots({ now, from: q.from, to: q.to, rules, resources: loaded.calendars })) {
    if (!limiter.allows(slot.start, slot.end)) continue;
    const choice = choose(mode, slot.resourceIds, slot.start);
    if (choice) slots.push({ start: slot.start, end: slot.end, resources: choice.resourceIds.map(view), seatsLeft: slot.seatsLeft });
  }
  return { service, location, zone: location.timezone, slots };
}

async function appointmentIds(tx: Tx, companyId: number, keys?: Key[]): Promise<number[]> {
  const ids: number[] = [];
  for (const key of keys ?? []) ids.push((await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'ignoreAppointmentIDs')).id);
  return ids;
}

/** Class sessions in the window with the seats live bookings already take. */
export async function classSessions(tx: Tx, service: ServiceRow, resources: ResourceRow[], window: Interval, now: number) {
  if (resources.length === 0) return [];
  const rows = await tx.selectFrom('class_sessions as s')
    .select(['s.id', 's.resource_id', 's.start_at', 's.end_at', 's.seats'])
    .select((eb) => eb.selectFrom('appointments as a').select(eb.fn.countAll<number>().as('n'))
      .whereRef('a.class_session_id', '=', 's.id')
      .where((w) => w.or([w('a.status', 'in', ['BK', 'RS']), w.and([w('a.status', '=', 'IN'), w('a.expires_at', '>', now)])]))
      .as('taken'))
    .where('s.service_id', '=', service.id).where('s.resource_id', 'in', resources.map((r) => r.id))
    .where('s.start_at', '>=', window.start).where('s.start_at', '<', window.end)
    .orderBy('s.start_at').orderBy('s.id').execute();
  return rows.map((r) => ({ id: r.id, resourceId: r.resource_id, start: r.start_at, end: r.end_at, seats: r.seats, taken: Number(r.taken ?? 0) }));
}
