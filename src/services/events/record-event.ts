// Writes what happened to an appointment into the outbox, inside the booking change's own
// transaction: the change and its notifications commit together or not at all. Nothing is sent
// here; the dispatcher reads these rows later, so a slow receiver never slows a booking.
import type { Tx } from '../../store/transaction.js';
import type { AppointmentEventType } from '../../store/schema-notify.js';
import { loadNotificationSettings } from '../notifications/notification-settings.js';
import { invitationIdentity } from './invitation-identity.js';
import { loadAppointmentView } from '../appointments/view.js';
import { renderedAppointment, sendsEmails } from './appointment-snapshot.js';
import { emailInputs } from './email-snapshot.js';
import { scheduleReminders, withdrawReminders } from './reminder-rows.js';

export interface AppointmentEventInput {
  companyId: number;
  appointmentId: number;
  type: AppointmentEventType;
  /** Acuity's noEmail=true: no email for this change (webhooks and reminders still follow). */
  noEmail?: boolean;
  now: number;
}

export async function recordAppointmentEvent(tx: Tx, e: AppointmentEventInput): Promise<void> {
  const appointment = await tx.selectFrom('appointments').select(['start_at', 'end_at', 'rescheduled_from_id'])
    .where('id', '=', e.appointmentId).executeTakeFirstOrThrow();
  const invitation = await invitationIdentity(tx, e.appointmentId);
  // Webhooks and emails describe the appointment as this change left it (issue 11 item 8).
  const view = await loadAppointmentView(tx, e.companyId, e.appointmentId);
  const email = sendsEmails(e.type, e.noEmail) ? JSON.stringify(await emailInputs(tx, e.companyId, view)) : null;
  await tx.insertInto('notification_events').values({
    company_id: e.companyId, appointment_id: e.appointmentId, type: e.type, no_email: e.noEmail ? 1 : 0,
    ical_uid: invitation.uid, ical_sequence: invitation.sequence, start_at: appointment.start_at, end_at: appointment.end_at,
    created_at: e.now, expanded_at: null, appointment_snapshot: JSON.stringify(await renderedAppointment(tx, view)), email_snapshot: email,
  }).execute();

  // notes, fields, labels, confirmation: the time is what reminders depend on
  if (e.type === 'changed' || e.type === 'confirmed') return;
  const previous = appointment.rescheduled_from_id === null ? [] : [appointment.rescheduled_from_id];
  await withdrawReminders(tx, [e.appointmentId, ...previous], e.now);
  if (e.type === 'canceled') return;
  const settings = await loadNotificationSettings(tx, e.companyId);
  await scheduleReminders(tx, { companyId: e.companyId, appointmentId: e.appointmentId, startAt: appointment.start_at }, settings.reminderMinutesBefore, e.now);
}
