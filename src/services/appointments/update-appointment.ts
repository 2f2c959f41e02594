// Changing what an appointment says (notes, custom fields, intake answers, labels), not when or where.
import type { FieldAnswerInput } from '../../core/booking/index.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { recordAppointmentEvent } from '../events/record-event.js';
import { checkAnswers, checkLabels } from './extras.js';
import { loadAppointmentView, type AppointmentView } from './view.js';

export interface AppointmentChanges {
  notes?: string | null;
  customFields?: Record<string, unknown>;
  answers?: FieldAnswerInput[];
  labelKeys?: Key[];
  customer?: { firstName?: string; lastName?: string; email?: string | null; phone?: string | null };
}

export async function updateAppointment(ctx: ServiceContext, companyId: number, key: Key, changes: AppointmentChanges, idempotency?: Idempotency): Promise<AppointmentView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const now = ctx.now();
    const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
    const set: Record<string, unknown> = { updated_at: now };
    if (changes.notes !== undefined) set.notes = changes.notes;
    if (changes.customFields) set.custom_fields = JSON.stringify({ ...JSON.parse(row.custom_fields), ...changes.customFields });
    if (changes.answers) {
      const service = await findOwned(tx, 'services', companyId, row.service_id, 'Service');
      // Earlier answers stay unless answered again; required fields were checked when it was booked.
      const merged = new Map((JSON.parse(row.form_answers) as Array<{ fieldId: number; value: string }>).map((a) => [a.fieldId, a.value]));
      for (const a of await checkAnswers(tx, service, changes.answers, false)) merged.set(a.fieldId, a.value);
      set.form_answers = JSON.stringify([...merged].map(([fieldId, value]) => ({ fieldId, value })));
    }
    if (changes.labelKeys) set.label_ids = JSON.stringify(await checkLabels(tx, companyId, changes.labelKeys));
    await tx.updateTable('appointments').set(set).where('id', '=', row.id).execute();
    const c = changes.customer;
    if (c && row.customer_id !== null) {
      const customerSet: Record<string, unknown> = {};
      if (c.firstName) customerSet.first_name = c.firstName;
      if (c.lastName) customerSet.last_name = c.lastName;
      if (c.phone !== undefined) customerSet.phone = c.phone;
      if (Object.keys(customerSet).length) await tx.updateTable('customers').set(customerSet).where('id', '=', row.customer_id).execute();
    }
    await recordAppointmentEvent(tx, { companyId, appointmentId: row.id, type: 'changed', now });
    return loadAppointmentView(tx, companyId, row.id);
  });
}
