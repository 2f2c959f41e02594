// The /v3 appointment object as it is inside the transaction that changed it, stored with the
// outbox event so a webhook describes the change that fired it, not whatever came later.
import { onschedAppointment } from '../../render/onsched-appointment.js';
import type { Tx } from '../../store/transaction.js';
import type { AppointmentView } from '../appointments/view.js';

/** The appointment rendered as GET /v3/appointment/{id} answers, linked appointments by uid. */
export async function renderedAppointment(tx: Tx, a: AppointmentView): Promise<Record<string, unknown>> {
  const linked = [a.rescheduledFromId, a.rescheduledToId].filter((id): id is number => id !== null);
  const uids = new Map(linked.length
    ? (await tx.selectFrom('appointments').select(['id', 'uid']).where('id', 'in', linked).execute()).map((r) => [r.id, r.uid])
    : []);
  return onschedAppointment(a, uids);
}

/** Whether the event's type and options can send emails (a mere change or confirmation never does). */
export const sendsEmails = (type: string, noEmail: boolean | undefined): boolean => !noEmail && type !== 'changed' && type !== 'confirmed';
