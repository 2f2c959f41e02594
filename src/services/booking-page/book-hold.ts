// Booking the time a customer holds on the booking page, with everything the form collected:
// who they are, their intake answers, and a coupon or package code. One transaction, like every
// booking: the hold must still be live, the answers valid and the code spendable, or nothing
// changes. It records the same 'scheduled' event as any booking, so the same emails and webhooks go out.
import { assertHoldLive, transition, type FieldAnswerInput } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { AppointmentStatus } from '../../core/types.js';
import type { ServiceContext } from '../context.js';
import { findOrCreateCustomer, type CustomerInput } from '../customers/find-or-create-customer.js';
import type { Key } from '../lookup.js';
import { runAction } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { chargeBooking, checkAnswers } from '../appointments/extras.js';
import { loadAppointmentView, type AppointmentView } from '../appointments/view.js';

export interface PageBooking {
  customer: CustomerInput & { firstName: string; lastName: string; email: string };
  answers: FieldAnswerInput[];
  certificate?: string;
  notes?: string;
  timezone?: string;
}

export async function bookHold(ctx: ServiceContext, companyId: number, holdKey: Key, input: PageBooking): Promise<AppointmentView> {
  return runAction(ctx, companyId, undefined, async (tx) => {
    const now = ctx.now();
    const row = await findOwned(tx, 'appointments', companyId, holdKey, 'Hold', 'hold');
    if (row.status !== 'IN') throw new DomainError('invalid_transition', { field: 'hold', message: 'This time is no longer held for you.' });
    assertHoldLive(row.status as AppointmentStatus, row.expires_at, now);
    const status = transition(row.status as AppointmentStatus, 'book');
    const service = await findOwned(tx, 'services', companyId, row.service_id, 'Service');
    const customer = await findOrCreateCustomer(tx, companyId, { ...input.customer, timezone: input.timezone ?? null }, now);
    const answers = await checkAnswers(tx, service, input.answers, true);
    const addonIds = JSON.parse(row.addon_ids) as number[];
    const addonPrices = addonIds.length
      ? (await tx.selectFrom('addons').select('price_cents').where('id', 'in', addonIds).execute()).map((a) => a.price_cents) : [];
    const charge = await chargeBooking(tx, companyId, service, addonPrices, input.certificate,
      { lengthMinutes: (row.end_at - row.start_at) / 60_000, now, email: customer.email });
    const booked = await tx.updateTable('appointments').set({
      status, customer_id: customer.id, expires_at: null, form_answers: JSON.stringify(answers), notes: input.notes ?? row.notes,
      price_cents: charge.priceCents, discount_cents: charge.discountCents, certificate: charge.certificate,
      timezone: input.timezone ?? row.timezone, updated_at: now,
    }).where('id', '=', row.id).where('status', '=', 'IN').executeTakeFirst();
    if (Number(booked.numUpdatedRows) !== 1) throw new DomainError('hold_expired');
    await tx.updateTable('appointment_resources').set({ expires_at: null }).where('appointment_id', '=', row.id).execute();
    await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'scheduled', now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}
