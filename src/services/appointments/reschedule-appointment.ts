// Moving an appointment to a new time, with the same availability re-check as a new booking.
// OnSched keeps history (the original becomes RE and a new BK is created); Acuity moves the
// appointment itself and keeps its id. The original's own slot never blocks its move.
import { assertHoldLive, checkClientReschedule, holdExpiry, transition } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import { ROUND_ROBIN_MODES, type AppointmentStatus, type RoundRobin } from '../../core/types.js';
import { lockResources } from '../../store/transaction.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { enforceBookingLimits } from '../scheduling/booking-limits.js';
import { findOwned, resolveLocation, resolveResources } from '../scheduling/load-setup.js';
import { serviceRoundRobin } from '../scheduling/rules.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { checkRequestedLength } from '../catalog/service-duration.js';
import { deleteExpiredHolds } from './expire-holds.js';
import { recordStatusChange } from './audit.js';
import { placeAppointment } from './placement.js';
import { loadAppointmentView, type AppointmentView } from './view.js';
import { insertAppointment, isExclusive, occupy, release } from './write.js';

/** Kept resources keep the way they were chosen, so a COMBINED booking stays on all of them. */
function keptMode(original: string | null, keys: Key[] | null | undefined, fallback: RoundRobin): RoundRobin {
  return keys === undefined && original && (ROUND_ROBIN_MODES as readonly string[]).includes(original) ? (original as RoundRobin) : fallback;
}

export interface RescheduleRequest {
  start: number;
  end?: number;
  /** OnSched: the length must be one the service allows; names the field that set it. */
  lengthField?: string;
  /** undefined: keep the original's resources; null: any of the service's resources. */
  resourceKeys?: Key[] | null;
  timezone?: string;
}

export interface RescheduleOptions {
  inPlace: boolean;
  onGrid: boolean;
  /** Apply the company's client rules (Acuity); admin lifts them and skips availability. */
  clientRules?: boolean;
  admin?: boolean;
  /** Acuity's noEmail=true: no email about the move. */
  noEmail?: boolean;
  /** OnSched's allowPaddingOverflow and ignoreExternalEvents for this move; either is also on when the appointment was made with it. */
  paddingOverflow?: boolean;
  ignoreExternal?: boolean;
  idempotency?: Idempotency;
}

export async function rescheduleAppointment(ctx: ServiceContext, companyId: number, key: Key, req: RescheduleRequest, opts: RescheduleOptions): Promise<AppointmentView> {
  return runAction(ctx, companyId, opts.idempotency, async (tx) => {
    const now = ctx.now();
    const company = await getCompany(tx, companyId);
    const settings = companySettings(company);
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    const status = row.status as AppointmentStatus;
    assertHoldLive(status, row.expires_at, now); // a lapsed hold is gone
    if (opts.clientRules) checkClientReschedule(settings, { start: row.start_at, status, isClassSeries: false }, now, { admin: opts.admin ?? false });
    transition(status, 'reschedule');
    const service = await findOwned(tx, 'services', companyId, row.service_id, 'Service');
    if (service.type === 'class') throw new DomainError('reschedule_series', { message: 'Class bookings cannot be rescheduled; cancel and book another session.' });
    const location = await resolveLocation(tx, companyId, service, row.location_id);
    const original = await tx.selectFrom('appointment_resources').select('resource_id').where('appointment_id', '=', row.id).orderBy('resource_id').execute();
    const resources = req.resourceKeys === undefined
      ? await resolveResources(tx, companyId, service, location, original.map((r) => r.resource_id))
      : await resolveResources(tx, companyId, service, location, req.resourceKeys ?? undefined);
    const length = req.end !== undefined ? (req.end - req.start) / 60_000 : (row.end_at - row.start_at) / 60_000;
    if (!(length > 0) || !Number.isInteger(length)) throw new DomainError('invalid_input', { field: 'endTime', message: 'endTime must be a whole number of minutes after startTime' });
    if (req.lengthField && req.end !== undefined) checkRequestedLength(service, length, req.lengthField);
    const ids = [...resources.map((r) => r.id), ...original.map((r) => r.resource_id)];
    const paddingOverflow = opts.paddingOverflow === true || row.padding_overflow === 1;
    const ignoreExternal = opts.ignoreExternal === true || row.ignore_external_events === 1;
    await lockResources(ctx.store, tx, ids);
    await deleteExpiredHolds(tx, now, ids);
    const placement = await placeAppointment(tx, {
      companyId, companyZone: company.timezone, settings, service, location, resources, start: req.start, length,
      mode: req.resourceKeys ? 'NONE' : keptMode(row.round_robin, req.resourceKeys, serviceRoundRobin(service)), onGrid: opts.onGrid, skipAvailability: opts.admin ?? false,
      now, random: ctx.random, ignoreAppointmentIds: [row.id], paddingOverflow, ignoreExternal,
    });
    const end = req.start + length * 60_000;
    if (!opts.admin) {
      await enforceBookingLimits(ctx.store, tx, {
        service, zone: location.timezone, customerId: row.customer_id, start: req.start, end, resourceIds: placement.resourceIds, now, ignoreIds: [row.id],
      });
    }
    const occupancy = {
      resourceIds: placement.resourceIds, expiresAt: null, busyStart: placement.busyStart,
      busyEnd: end + row.padding_after * 60_000, exclusive: !opts.admin && isExclusive(service, resources, placement.resourceIds) && placement.capacity <= 1,
    };
    await release(tx, row.id);
    if (opts.inPlace) {
      await tx.deleteFrom('appointment_resources').where('appointment_id', '=', row.id).execute();
      await occupy(tx, row.id, occupancy);
      await tx.updateTable('appointments').set({ start_at: req.start, end_at: end, timezone: req.timezone ?? row.timezone, updated_at: now,
        round_robin: placement.mode, round_robin_reason: placement.reason, padding_overflow: paddingOverflow ? 1 : 0, ignore_external_events: ignoreExternal ? 1 : 0 })
        .where('id', '=', row.id).execute();
      if (status === 'BK') await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'rescheduled', noEmail: opts.noEmail, now });
      return loadAppointmentView(tx, companyId, row.id);
    }
    // OnSched: the new record keeps IN (with a fresh hold) or RS when the original was one, else BK.
    const newStatus = status === 'IN' || status === 'RS' ? status : 'BK';
    const expiresAt = newStatus === 'IN' ? holdExpiry(now, location.expiration_delay) : null;
    const { id: _id, uid: _uid, ...copy } = row;
    const newId = await insertAppointment(tx, {
      ...copy, status: newStatus, start_at: req.start, end_at: end, expires_at: expiresAt, rescheduled_from_id: row.id, rescheduled_to_id: null,
      round_robin: placement.mode, round_robin_reason: placement.reason, timezone: req.timezone ?? row.timezone, created_at: now, updated_at: now,
      padding_overflow: paddingOverflow ? 1 : 0, ignore_external_events: ignoreExternal ? 1 : 0,
    }, { ...occupancy, expiresAt });
    await tx.updateTable('appointments').set({ status: 'RE', rescheduled_to_id: newId, updated_at: now }).where('id', '=', row.id).execute();
    await recordStatusChange(tx, { companyId, appointmentId: row.id, from: status, to: 'RE', now });
    await recordStatusChange(tx, { companyId, appointmentId: newId, from: null, to: newStatus, now });
    // Holds and reservations were never announced, so their moves are not either.
    if (newStatus === 'BK') await recordAppointmentEvent(tx, { companyId, appointmentId: newId, type: 'rescheduled', noEmail: opts.noEmail, now });
    return loadAppointmentView(tx, companyId, newId);
  });
}
