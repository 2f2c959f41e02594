// hold (IN), reserve (RS) and book (BK): one transaction that locks the candidate resources,
// re-checks the slot with availability's own rules, and writes — or writes nothing at all.
import { holdExpiry, type FieldAnswerInput } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { RoundRobin, SlotRules } from '../../core/types.js';
import { checkClassStart } from '../../core/availability/index.js';
import type { ResourceRow, ServiceRow } from '../../store/schema.js';
import { lockResources, type Tx } from '../../store/transaction.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import { findOrCreateCustomer, type CustomerInput } from '../customers/find-or-create-customer.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { enforceBookingLimits } from '../scheduling/booking-limits.js';
import { withoutFullResources } from '../scheduling/resource-booking-limits.js';
import { findOwned, loadAddons, resolveLocation, resolveResources } from '../scheduling/load-setup.js';
import { serviceRoundRobin, slotRules } from '../scheduling/rules.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { checkRequestedLength } from '../catalog/service-duration.js';
import { deleteExpiredHolds } from './expire-holds.js';
import { recordStatusChange, type Actor } from './audit.js';
import { answersFromCustomFields } from './custom-field-answers.js';
import { chargeBooking, checkAnswers, checkLabels } from './extras.js';
import { placeAppointment } from './placement.js';
import { loadAppointmentView, type AppointmentView } from './view.js';
import { insertAppointment, isExclusive } from './write.js';

export interface AppointmentRequest {
  serviceKey: Key;
  locationKey?: Key;
  resourceKeys?: Key[];
  roundRobin?: RoundRobin;
  start: number;
  /** When given, the appointment lasts end − start; else the service's duration plus add-ons. */
  end?: number;
  /** OnSched: intake-form answers come in customFields (by field id or uid), required only for BK. */
  answersInCustomFields?: boolean;
  /** OnSched: the length must be one the service allows (see service-duration.ts); names the field that set it. */
  lengthField?: string;
  customer?: CustomerInput;
  customFields?: Record<string, unknown>;
  answers?: FieldAnswerInput[];
  addonKeys?: Key[];
  certificate?: string;
  labelKeys?: Key[];
  notes?: string;
  timezone?: string;
  classSessionKey?: Key;
}

export interface BookingOptions {
  status: 'IN' | 'RS' | 'BK';
  /** Acuity's admin=true: no availability or required-field checks, private add-ons allowed. */
  admin?: boolean;
  /** Starts must sit on the service's interval grid (Acuity) or anywhere in hours (OnSched). */
  onGrid: boolean;
  /** Acuity's noEmail=true: no confirmation email for this booking. */
  noEmail?: boolean;
  /** Who books, for the audit (default "api"). */
  actor?: Actor;
  /** OnSched's allowPaddingOverflow: padding after may run past closing. */
  paddingOverflow?: boolean;
  /** OnSched's ignoreExternalEvents: connected calendars do not block this booking. */
  ignoreExternal?: boolean;
  idempotency?: Idempotency;
}

export async function createAppointment(ctx: ServiceContext, companyId: number, req: AppointmentRequest, opts: BookingOptions): Promise<AppointmentView> {
  if (opts.status === 'BK' && !req.customer) throw new DomainError('customer_required', { field: 'Customer', message: 'Customer is required to book an appointment' });
  return runAction(ctx, companyId, opts.idempotency, async (tx) => {
    const now = ctx.now();
    const company = await getCompany(tx, companyId);
    const settings = companySettings(company);
    const service = await findOwned(tx, 'services', companyId, req.serviceKey, 'Service', 'ServiceId');
    const location = await resolveLocation(tx, companyId, service, req.locationKey);
    const admin = opts.admin ?? false;
    const addons = await loadAddons(tx, companyId, service, req.addonKeys, admin);
    const length = req.end !== undefined ? (req.end - req.start) / 60_000 : service.duration + addons.reduce((m, a) => m + a.duration, 0);
    if (!(length > 0) || !Number.isInteger(length)) {
      throw new DomainError('invalid_input', { field: 'Unavailability.endTime', message: 'endTime must be a whole number of minutes after startTime' });
    }
    if (req.lengthField) checkRequestedLength(service, length, req.lengthField);
    const session = service.type === 'class' ? await classSession(tx, companyId, service, req) : null;
    const resources = session ? [await findOwned(tx, 'resources', companyId, session.resource_id, 'Resource')]
      : req.resourceKeys?.length || admin ? await resolveResources(tx, companyId, service, location, req.resourceKeys)
        : await withoutFullResources(tx, companyId, req.customer, await resolveResources(tx, companyId, service, location), now);
    const ids = resources.map((r) => r.id);
    await lockResources(ctx.store, tx, ids);
    await deleteExpiredHolds(tx, now, ids);

    const placement = session
      ? await takeSeat(tx, session, now, admin ? null : slotRules(service, settings))
      : await placeAppointment(tx, {
        companyId, companyZone: company.timezone, settings, service, location, resources, start: req.start, length,
        mode: req.roundRobin ?? (req.resourceKeys?.length ? 'NONE' : serviceRoundRobin(service)),
        onGrid: opts.onGrid, skipAvailability: admin, now, random: ctx.random, paddingOverflow: opts.paddingOverflow, ignoreExternal: opts.ignoreExternal,
      });
    const customer = req.customer ? await findOrCreateCustomer(tx, companyId, { ...req.customer, timezone: req.customer.timezone ?? req.timezone }, now) : null;
    if (!admin) {
      const [start, end] = session ? [session.start_at, session.end_at] : [req.start, req.start + length * 60_000];
      await enforceBookingLimits(ctx.store, tx, { service, zone: location.timezone, customerId: customer?.id ?? null, start, end, resourceIds: placement.resourceIds, now });
    }
    // A hold is placed before the customer fills in the form; the book that follows it checks the required fields.
    const answers = req.answersInCustomFields
      ? await answersFromCustomFields(tx, service, req.customFields ?? {}, !admin && opts.status === 'BK')
      : await checkAnswers(tx, service, req.answers, !admin && opts.status !== 'IN');
    const labelIds = await checkLabels(tx, companyId, req.labelKeys);
    const charge = await chargeBooking(tx, companyId, service, addons.map((a) => a.price_cents), req.certificate,
      { lengthMinutes: length, now, email: customer?.email ?? null });
    const start = session ? session.start_at : req.start;
    const end = session ? session.end_at : req.start + length * 60_000;
    const expiresAt = opts.status === 'IN' ? holdExpiry(now, location.expiration_delay) : null;
    const id = await insertAppointment(tx, {
      company_id: companyId, location_id: location.id, service_id: service.id, customer_id: customer?.id ?? null,
      class_session_id: session?.id ?? null, status: opts.status, confirmed: 0, start_at: start, end_at: end,
      padding_before: service.padding_before, padding_after: service.padding_after, expires_at: expiresAt,
      price_cents: charge.priceCents, discount_cents: charge.discountCents, addon_ids: JSON.stringify(addons.map((a) => a.id)),
      label_ids: JSON.stringify(labelIds), custom_fields: JSON.stringify(req.customFields ?? {}), form_answers: JSON.stringify(answers),
      notes: req.notes ?? null, certificate: charge.certificate, timezone: req.timezone ?? null,
      round_robin: placement.mode, round_robin_reason: placement.reason, rescheduled_from_id: null, rescheduled_to_id: null,
      cancel_note: null, no_show: 0, created_at: now, updated_at: now,
      // Remembered, so a later reschedule of this hold, reservation or booking places it the same way.
      padding_overflow: opts.paddingOverflow ? 1 : 0, ignore_external_events: opts.ignoreExternal ? 1 : 0,
    }, {
      resourceIds: placement.resourceIds, expiresAt,
      busyStart: placement.busyStart, busyEnd: end + service.padding_after * 60_000,
      exclusive: !admin && !session && isExclusive(service, resources, placement.resourceIds) && placement.capacity <= 1,
    });
    await recordStatusChange(tx, { companyId, appointmentId: id, from: null, to: opts.status, actor: opts.actor, now });
    // Holds and reservations notify nobody; the book that follows them does.
    if (opts.status === 'BK') await recordAppointmentEvent(tx, { companyId, appointmentId: id, type: 'scheduled', noEmail: opts.noEmail, now });
    return loadAppointmentView(tx, companyId, id);
  });
}

async function classSession(tx: Tx, companyId: number, service: ServiceRow, req: AppointmentRequest) {
  if (req.classSessionKey !== undefined) {
    const session = await findOwned(tx, 'class_sessions', companyId, req.classSessionKey, 'Class', 'classID');
    if (session.service_id !== service.id) throw new DomainError('invalid_input', { field: 'classID', message: 'The class is not a session of this service' });
    return session;
  }
  const session = await tx.selectFrom('class_sessions').selectAll().where('service_id', '=', service.id).where('start_at', '=', req.start).executeTakeFirst();
  if (!session) throw new DomainError('slot_unavailable', { message: 'No class session starts at that time.' });
  return session;
}

/** A seat in a class session, counted under the lock of the session's resource; admins skip notice and window. */
async function takeSeat(tx: Tx, session: { id: number; seats: number; start_at: number; resource_id: number }, now: number, rules: SlotRules | null) {
  const { n } = await tx.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_session_id', '=', session.id)
    .where((w) => w.or([w('status', 'in', ['BK', 'RS']), w.and([w('status', '=', 'IN'), w('expires_at', '>', now)])]))
    .executeTakeFirstOrThrow();
  if (Number(n) >= session.seats) throw new DomainError('class_full');
  const notice = rules ? checkClassStart(session.start_at, now, rules) : null;
  if (notice) throw new DomainError(notice);
  return { resourceIds: [session.resource_id], mode: 'NONE' as const, reason: `Class seat ${Number(n) + 1} of ${session.seats}`, busyStart: session.start_at, capacity: session.seats };
}
