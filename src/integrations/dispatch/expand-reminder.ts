// Turns one due reminder into its email to the customer. A reminder whose appointment is no longer
// booked at the time it was planned for is skipped: the change that moved or cancelled it has
// already withdrawn it, this is only the last line of defence. Unlike event emails (composed from the
// snapshot committed with their change), a reminder reads fresh: it is about the appointment, the
// customer and the company as they are when it falls due.
import { manageToken } from '../../services/booking-page/manage-token.js';
import { loadAppointmentView } from '../../services/appointments/view.js';
import { emailInputs } from '../../services/events/email-snapshot.js';
import type { NotificationReminderRow } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import type { ExpandOptions } from './expand-event.js';
import { planEmails } from './plan-emails.js';
import { planOnschedWebhooks } from '../webhooks/onsched-webhooks.js';
import { writeDeliveries } from './write-deliveries.js';

export async function expandReminder(tx: Tx, reminder: NotificationReminderRow, opts: ExpandOptions): Promise<number> {
  const appointment = await loadAppointmentView(tx, reminder.company_id, reminder.appointment_id);
  const stillDue = appointment.status === 'BK' && appointment.start - reminder.minutes_before * 60_000 === reminder.due_at;
  const now = stillDue ? await emailInputs(tx, reminder.company_id, appointment) : null;
  const planned = now ? planEmails(`reminder:${reminder.id}`, {
    kind: 'reminder', appointment, start: appointment.start, end: appointment.end, company: now.company, bookingPageUrl: now.bookingPageUrl,
    manageToken: manageToken(opts, appointment.uid, appointment.end), invitation: null, mailFrom: opts.mailFrom,
  }, { customerOnly: true }) : [];
  // OnSched's APPOINTMENT_REMINDER: the appointment as it is when the reminder falls due.
  if (stillDue) planned.push(...await planOnschedWebhooks(tx, opts.secrets, { key: `reminder:${reminder.id}`, trigger: 'APPOINTMENT_REMINDER', snapshot: null }, appointment));
  await writeDeliveries(tx, { companyId: reminder.company_id, appointmentId: reminder.appointment_id, reminderId: reminder.id }, planned, opts.now, opts.policy);
  await tx.updateTable('notification_reminders').set({ status: stillDue ? 'enqueued' : 'skipped', done_at: opts.now })
    .where('id', '=', reminder.id).execute();
  return planned.length;
}

