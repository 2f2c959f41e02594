// Editing what an appointment says about its client and itself, in one transaction: the client's
// names, email and phone, notes, custom fields, intake answers, labels, and (re)applying a certificate. A new email
// moves the appointment to the customer with that email (found or created), since emails identify
// customers; names and phone are the customer's and change with it.
import type { FieldAnswerInput } from '../../core/booking/index.js';
import type { ServiceContext } from '../context.js';
import { emailKey, findOrCreateCustomer } from '../customers/find-or-create-customer.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { chargeBooking, checkAnswers, checkLabels } from './extras.js';
import { loadAppointmentView, type AppointmentView } from './view.js';

export interface AppointmentEdit {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
  /** A code to apply (re-pricing the appointment), or null/"" to remove the one applied. */
  certificate?: string | null;
  answers?: FieldAnswerInput[];
  labelKeys?: Key[];
  /** OnSched's free-form CustomFields, merged into the ones already there. */
  customFields?: Record<string, unknown>;
}

export async function editAppointment(ctx: ServiceContext, companyId: number, key: Key, edit: AppointmentEdit,
  opts: { noEmail?: boolean; idempotency?: Idempotency } = {}): Promise<AppointmentView> {
  return runAction(ctx, companyId, opts.idempotency, async (tx) => {
    const now = ctx.now();
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    const service = await findOwned(tx, 'services', companyId, row.service_id, 'Service');
    const set: Record<string, unknown> = { updated_at: now };

    let customer = row.customer_id === null ? null : await findOwned(tx, 'customers', companyId, row.customer_id, 'Customer');
    if (edit.email !== undefined && emailKey(edit.email) !== emailKey(customer?.email)) {
      customer = await findOrCreateCustomer(tx, companyId, {
        email: edit.email, firstName: edit.firstName ?? customer?.first_name, lastName: edit.lastName ?? customer?.last_name,
        phone: edit.phone !== undefined ? edit.phone : customer?.phone,
      }, now);
      set.customer_id = customer.id;
    }
    if (customer) {
      const change: Record<string, unknown> = {};
      if (edit.firstName) change.first_name = edit.firstName.trim();
      if (edit.lastName) change.last_name = edit.lastName.trim();
      if (edit.phone !== undefined) change.phone = edit.phone;
      if (Object.keys(change).length) await tx.updateTable('customers').set(change).where('id', '=', customer.id).execute();
    }

    if (edit.notes !== undefined) set.notes = edit.notes;
    if (edit.customFields) set.custom_fields = JSON.stringify({ ...JSON.parse(row.custom_fields), ...edit.customFields });
    if (edit.answers) {
      // Earlier answers stay unless answered again; required fields were checked when it was booked.
      const merged = new Map((JSON.parse(row.form_answers) as Array<{ fieldId: number; value: string }>).map((a) => [a.fieldId, a.value]));
      for (const a of await checkAnswers(tx, service, edit.answers, false)) merged.set(a.fieldId, a.value);
      set.form_answers = JSON.stringify([...merged].map(([fieldId, value]) => ({ fieldId, value })));
    }
    if (edit.labelKeys) set.label_ids = JSON.stringify(await checkLabels(tx, companyId, edit.labelKeys));
    if (edit.certificate !== undefined && (edit.certificate || null)?.toLowerCase() !== row.certificate?.toLowerCase()) {
      const addonIds = JSON.parse(row.addon_ids) as number[];
      const addons = addonIds.length ? await tx.selectFrom('addons').select('price_cents').where('id', 'in', addonIds).execute() : [];
      const charge = await chargeBooking(tx, companyId, service, addons.map((a) => a.price_cents), edit.certificate || undefined,
        { lengthMinutes: (row.end_at - row.start_at) / 60_000, now, email: customer?.email ?? null });
      Object.assign(set, { price_cents: charge.priceCents, discount_cents: charge.discountCents, certificate: charge.certificate });
    }
    await tx.updateTable('appointments').set(set).where('id', '=', row.id).execute();
    await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'changed', noEmail: opts.noEmail, now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}
