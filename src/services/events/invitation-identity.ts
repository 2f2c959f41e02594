// An appointment keeps one calendar invitation for its whole life: OnSched's reschedule creates a
// new appointment (the original becomes RE), so the invitation's UID comes from the first
// appointment of the chain, and SEQUENCE counts the changes already announced for it.
import type { Tx } from '../../store/transaction.js';

export async function invitationIdentity(tx: Tx, appointmentId: number): Promise<{ uid: string; sequence: number }> {
  let row = await tx.selectFrom('appointments').select(['uid', 'rescheduled_from_id']).where('id', '=', appointmentId).executeTakeFirstOrThrow();
  // Chains are short (one link per move); the guard only protects against a corrupted cycle.
  for (let hops = 0; row.rescheduled_from_id !== null && hops < 1000; hops++) {
    row = await tx.selectFrom('appointments').select(['uid', 'rescheduled_from_id']).where('id', '=', row.rescheduled_from_id).executeTakeFirstOrThrow();
  }
  const uid = `${row.uid}@openslot`;
  // Runs after the booking change's own UPDATE, which holds the appointment's row lock on
  // PostgreSQL: a concurrent change to the same appointment has committed or waits, so counts never repeat.
  const { n } = await tx.selectFrom('notification_events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ical_uid', '=', uid).executeTakeFirstOrThrow();
  return { uid, sequence: Number(n) };
}
