// Reminders are due rows written with the booking change itself, so they always match what was
// committed: a move replaces them, a cancellation withdraws them.
import type { Tx } from '../../store/transaction.js';

/** Withdraws the reminders still waiting for these appointments. */
export async function withdrawReminders(tx: Tx, appointmentIds: number[], now: number): Promise<void> {
  if (appointmentIds.length === 0) return;
  await tx.updateTable('notification_reminders').set({ status: 'canceled', done_at: now })
    .where('appointment_id', 'in', appointmentIds).where('status', '=', 'pending').execute();
}

/** One pending reminder per offset that is still ahead; a reminder already late is not sent at all. */
export async function scheduleReminders(tx: Tx, a: { companyId: number; appointmentId: number; startAt: number }, minutesBefore: number[], now: number): Promise<void> {
  const rows = minutesBefore
    .map((minutes) => ({ minutes, dueAt: a.startAt - minutes * 60_000 }))
    .filter(({ dueAt }) => dueAt > now)
    .map(({ minutes, dueAt }) => ({
      company_id: a.companyId, appointment_id: a.appointmentId, minutes_before: minutes, due_at: dueAt,
      status: 'pending' as const, created_at: now, done_at: null,
    }));
  if (rows.length) await tx.insertInto('notification_reminders').values(rows).execute();
}
