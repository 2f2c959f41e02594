// The appointment as OnSched-style webhooks carry it: exactly the object GET /v3/appointment/{id}
// answers with (one renderer serves both), with the uids of linked appointments looked up here.
import type { AppointmentView } from '../../services/appointments/view.js';
import type { Tx } from '../../store/transaction.js';
import { onschedAppointment } from '../../render/onsched-appointment.js';

export async function onschedAppointmentJson(tx: Tx, a: AppointmentView): Promise<Record<string, unknown>> {
  const linked = [a.rescheduledFromId, a.rescheduledToId].filter((id): id is number => id !== null);
  const uids = new Map(linked.length
    ? (await tx.selectFrom('appointments').select(['id', 'uid']).where('id', 'in', linked).execute()).map((r) => [r.id, r.uid])
    : []);
  return onschedAppointment(a, uids);
}
