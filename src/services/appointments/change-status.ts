// Moving an existing appointment through its states: book a hold, confirm, cancel, delete a hold.
import { assertHoldLive, checkClientCancel, transition } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { AppointmentStatus } from '../../core/types.js';
import type { AppointmentRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import { findOrCreateCustomer, type CustomerInput } from '../customers/find-or-create-customer.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { enforceBookingLimits } from '../scheduling/booking-limits.js';
import { findOwned } from '../scheduling/load-setup.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { loadAppointmentView, type AppointmentView } from './view.js';
import { release } from './write.js';
import { recordStatusChange, type Actor } from './audit.js';
import { answersFromCustomFields } from './custom-field-answers.js';

/** The appointment, treating a lapsed hold as gone. */
async function current(tx: Tx, companyId: number, key: Key, now: number) {
  const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
  assertHoldLive(row.status as AppointmentStatus, row.expires_at, now);
  return row;
}

/** Becoming BK is when a hold without a customer, or a reservation (RS), starts to count: re-check the limits. */
async function enforceLimitsOnBook(ctx: ServiceContext, tx: Tx, companyId: number, row: AppointmentRow, customerId: number | null, now: number) {
  const service = await findOwned(tx, 'services', companyId, row.service_id, 'Service');
  const location = await findOwned(tx, 'locations', companyId, row.location_id, 'Location');
  const resources = await tx.selectFrom('appointment_resources').select('resource_id').where('appointment_id', '=', row.id).execute();
  await enforceBookingLimits(ctx.store, tx, {
    service, zone: location.timezone, customerId, start: row.start_at, end: row.end_at, resourceIds: resources.map((r) => r.resource_id), now, ignoreIds: [row.id],
  });
}

export async function bookHeldAppointment(ctx: ServiceContext, companyId: number, key: Key,
  input: { customer?: CustomerInput; customFields?: Record<string, unknown>; actor?: Actor; answersInCustomFields?: boolean }, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const now = ctx.now();
    const row = await current(tx, companyId, key, now);
    const status = transition(row.status as AppointmentStatus, 'book');
    const customer = input.customer ? await findOrCreateCustomer(tx, companyId, input.customer, now) : null;
    const customerId = customer?.id ?? row.customer_id;
    if (customerId === null) throw new DomainError('customer_required', { field: 'Customer', message: 'Customer is required to book an appointment' });
    await enforceLimitsOnBook(ctx, tx, companyId, row, customerId, now);
    const customFields = { ...JSON.parse(row.custom_fields), ...(input.customFields ?? {}) };
    // OnSched: the intake form must be complete once the appointment is booked.
    const formAnswers = input.answersInCustomFields
      ? JSON.stringify(await answersFromCustomFields(tx, await findOwned(tx, 'services', companyId, row.service_id, 'Service'), customFields, true))
      : row.form_answers;
    // Conditional on the hold still being what we read: a concurrent booking may have swept it the
    // instant it expired, and then there is nothing left to book.
    const booked = await tx.updateTable('appointments').set({ status, customer_id: customerId, expires_at: null, custom_fields: JSON.stringify(customFields), form_answers: formAnswers, updated_at: now })
      .where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst();
    if (Number(booked.numUpdatedRows) !== 1) throw new DomainError('hold_expired');
    await tx.updateTable('appointment_resources').set({ expires_at: null }).where('appointment_id', '=', row.id).execute();
    await recordStatusChange(tx, { companyId, appointmentId: row.id, from: row.status, to: status, actor: input.actor, now });
    await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'scheduled', now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}

/** `answersInCustomFields` (OnSched): a reservation that becomes BK must have the intake form complete, as a book does. */
export async function confirmAppointment(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency, opts: { answersInCustomFields?: boolean } = {}): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const now = ctx.now();
    const row = await current(tx, companyId, key, now);
    const status = transition(row.status as AppointmentStatus, 'confirm');
    // Idempotent: a second confirm changes nothing and announces nothing.
    if (row.status === status && row.confirmed === 1) return loadAppointmentView(tx, companyId, row.id);
    if (row.status === 'RS') await enforceLimitsOnBook(ctx, tx, companyId, row, row.customer_id, now);
    const formAnswers = row.status === 'RS' && opts.answersInCustomFields
      ? JSON.stringify(await answersFromCustomFields(tx, await findOwned(tx, 'services', companyId, row.service_id, 'Service'), JSON.parse(row.custom_fields), true))
      : row.form_answers;
    await tx.updateTable('appointments').set({ status, confirmed: 1, form_answers: formAnswers, updated_at: now }).where('id', '=', row.id).execute();
    await recordStatusChange(tx, { companyId, appointmentId: row.id, from: row.status, to: status, now });
    // A reservation becomes a booking (announced for the first time); either way it is now confirmed.
    if (row.status === 'RS') await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'scheduled', now });
    await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'confirmed', now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}

export interface CancelOptions {
  /** Apply the company's client rules (Acuity without admin=true). */
  clientRules?: boolean;
  admin?: boolean;
  /** OnSched refuses to cancel what already happened. */
  refusePast?: boolean;
  cancelNote?: string;
  /** OnSched's cancel body: why, and custom fields merged into the appointment's. */
  reason?: string;
  customFields?: Record<string, unknown>;
  noShow?: boolean;
  /** Acuity's noEmail=true: no cancellation email. */
  noEmail?: boolean;
  idempotency?: Idempotency;
}

export async function cancelAppointment(ctx: ServiceContext, companyId: number, key: Key, opts: CancelOptions = {}): Promise<AppointmentView> {
  return runAction(ctx, companyId, opts.idempotency, async (tx) => {
    const now = ctx.now();
    const row = await current(tx, companyId, key, now);
    const status = transition(row.status as AppointmentStatus, 'cancel');
    if (opts.refusePast && row.start_at < now) throw new DomainError('appointment_in_past', { message: 'Past appointments cannot be cancelled.' });
    if (opts.clientRules) checkClientCancel(companySettings(await getCompany(tx, companyId)), row.start_at, now, { admin: opts.admin ?? false });
    const customFields = opts.customFields ? JSON.stringify({ ...JSON.parse(row.custom_fields), ...opts.customFields }) : row.custom_fields;
    await tx.updateTable('appointments').set({ status, cancel_note: opts.cancelNote ?? null, cancel_reason: opts.reason ?? null, custom_fields: customFields,
      no_show: opts.noShow ? 1 : 0, updated_at: now }).where('id', '=', row.id).execute();
    await release(tx, row.id);
    await recordStatusChange(tx, { companyId, appointmentId: row.id, from: row.status, to: status, now });
    // A reservation (RS) was never announced, so its cancellation is not either.
    if (row.status === 'BK') await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'canceled', noEmail: opts.noEmail, now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}

/** Only a hold may be deleted outright, and not once its time has passed. */
export async function deleteHold(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const now = ctx.now();
    const row = await current(tx, companyId, key, now);
    transition(row.status as AppointmentStatus, 'delete');
    if (row.start_at < now) throw new DomainError('appointment_in_past', { message: 'Past appointments cannot be deleted.' });
    const view = await loadAppointmentView(tx, companyId, row.id);
    await tx.deleteFrom('appointments').where('id', '=', row.id).execute();
    return view;
  });
}
