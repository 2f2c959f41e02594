// Each status change of an appointment (who, when, from, to), written in the transaction that
// makes it, so the history can never disagree with the appointment.
import type { AppointmentAuditRow } from '../../store/schema-v3.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';

/** Who made a change: a /v3 or Acuity API client ("api"), the booking widget ("widget"), "admin". */
export type Actor = string;

export interface StatusChange { companyId: number; appointmentId: number; from: string | null; to: string; actor?: Actor; now: number }

export async function recordStatusChange(tx: Tx, c: StatusChange): Promise<void> {
  if (c.from === c.to) return;
  await tx.insertInto('appointment_audit').values({
    company_id: c.companyId, appointment_id: c.appointmentId, from_status: c.from, to_status: c.to, actor: c.actor ?? 'api', created_at: c.now,
  }).execute();
}

/** The appointment's status changes, oldest first. */
export async function appointmentAudit(ctx: ServiceContext, companyId: number, key: Key): Promise<AppointmentAuditRow[]> {
  const db = ctx.store.db;
  const appointment = await findOwned(db, 'appointments', companyId, key, 'Appointment', 'id');
  return db.selectFrom('appointment_audit').selectAll().where('appointment_id', '=', appointment.id).orderBy('id').execute();
}
