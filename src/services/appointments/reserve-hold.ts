// The v1 steps between a hold and a booking, and the flags v1 sets on a booking: reserve a hold
// (IN → RS: kept with no expiry, no notification yet), take back a confirmation, mark a no-show.
import { assertHoldLive } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { AppointmentStatus } from '../../core/types.js';
import type { ServiceContext } from '../context.js';
import { findOrCreateCustomer, type CustomerInput } from '../customers/find-or-create-customer.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { loadAppointmentView, type AppointmentView } from './view.js';

const refuse = (status: string, action: string, allowed: string) =>
  new DomainError('invalid_transition', { field: 'status', value: status, message: `An appointment in status ${status} cannot be ${action}; only ${allowed} can.` });

/** IN → RS with whatever details the client has so far. A reserved slot never expires. */
export async function reserveHold(ctx: ServiceContext, companyId: number, key: Key,
  input: { customer?: CustomerInput; customFields?: Record<string, unknown>; notes?: string }, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const now = ctx.now();
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    assertHoldLive(row.status as AppointmentStatus, row.expires_at, now);
    if (row.status !== 'IN') throw refuse(row.status, 'reserved', 'a hold (IN)');
    const customer = input.customer ? await findOrCreateCustomer(tx, companyId, input.customer, now) : null;
    const customFields = { ...JSON.parse(row.custom_fields), ...(input.customFields ?? {}) };
    const reserved = await tx.updateTable('appointments')
      .set({ status: 'RS', expires_at: null, customer_id: customer?.id ?? row.customer_id, custom_fields: JSON.stringify(customFields), notes: input.notes ?? row.notes, updated_at: now })
      .where('id', '=', row.id).where('status', '=', 'IN').executeTakeFirst();
    // A concurrent booking may have swept the hold the instant it expired.
    if (Number(reserved.numUpdatedRows) !== 1) throw new DomainError('hold_expired');
    await tx.updateTable('appointment_resources').set({ expires_at: null }).where('appointment_id', '=', row.id).execute();
    return loadAppointmentView(tx, companyId, row.id);
  });
}

/** v1's confirm with undo=true: the confirmation is taken back; the status stays. */
export async function unconfirmAppointment(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    if (row.status !== 'BK' && row.status !== 'RS') throw refuse(row.status, 'unconfirmed', 'booked (BK) or reserved (RS) appointments');
    await tx.updateTable('appointments').set({ confirmed: 0, updated_at: ctx.now() }).where('id', '=', row.id).execute();
    return loadAppointmentView(tx, companyId, row.id);
  });
}

/** The customer did not come: a booked appointment keeps its time and is flagged (v1 shows status NS). */
export async function markNoShow(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    if (row.status !== 'BK') throw refuse(row.no_show ? 'NS' : row.status, 'marked a no-show', 'booked (BK) appointments');
    if (row.no_show === 1) throw refuse('NS', 'marked a no-show again', 'booked (BK) appointments');
    await tx.updateTable('appointments').set({ no_show: 1, updated_at: ctx.now() }).where('id', '=', row.id).execute();
    return loadAppointmentView(tx, companyId, row.id);
  });
}
