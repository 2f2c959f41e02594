// Turns one committed appointment event into its deliveries: the emails (unless noEmail, and never
// for a mere "changed"), Acuity webhooks and OnSched webhooks. Runs in the dispatcher's transaction
// that also marks the event expanded, so an event is expanded exactly once.
import { manageToken } from '../../services/booking-page/manage-token.js';
import { loadAppointmentView } from '../../services/appointments/view.js';
import { emailInputs, parseEmailSnapshot } from '../../services/events/email-snapshot.js';
import { loadNotificationSettings } from '../../services/notifications/notification-settings.js';
import type { SecretBox } from '../../security/secrets.js';
import type { NotificationEventRow } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import { planAcuityWebhooks } from '../webhooks/acuity-webhooks.js';
import { eventCause, planOnschedWebhooks } from '../webhooks/onsched-webhooks.js';
import type { PlannedDelivery } from '../webhooks/webhook-payload.js';
import type { RetryPolicy } from './backoff.js';
import { planEmails } from './plan-emails.js';
import { writeDeliveries } from './write-deliveries.js';

export interface ExpandOptions {
  mailFrom: string; policy: RetryPolicy; now: number;
  /** Opens webhook headers to list their names (they are stored sealed). */
  secrets: SecretBox;
  /** Jitter for the backoff after a failed expansion. */
  random: () => number;
}

export async function expandEvent(tx: Tx, event: NotificationEventRow, opts: ExpandOptions): Promise<number> {
  const appointment = await loadAppointmentView(tx, event.company_id, event.appointment_id);
  const settings = await loadNotificationSettings(tx, event.company_id);
  const planned: PlannedDelivery[] = [];
  if (!event.no_email && event.type !== 'changed' && event.type !== 'confirmed') {
    // The snapshot committed with the change; events recorded before it existed read fresh.
    const email = event.email_snapshot ? parseEmailSnapshot(event.email_snapshot) : await emailInputs(tx, event.company_id, appointment);
    const booked = email.appointment;
    planned.push(...planEmails(`event:${event.id}`, {
      kind: event.type, appointment: booked, start: event.start_at, end: event.end_at, company: email.company,
      bookingPageUrl: email.bookingPageUrl, manageToken: manageToken(opts, booked.uid, booked.end), invitation: { uid: event.ical_uid, sequence: event.ical_sequence }, mailFrom: opts.mailFrom,
    }));
  }
  if (event.type !== 'confirmed') planned.push(...await planAcuityWebhooks(tx, { id: event.id, type: event.type }, appointment, settings));
  planned.push(...await planOnschedWebhooks(tx, opts.secrets, eventCause({ id: event.id, type: event.type, snapshot: event.appointment_snapshot }), appointment));
  await writeDeliveries(tx, { companyId: event.company_id, appointmentId: event.appointment_id, eventId: event.id }, planned, opts.now, opts.policy);
  await tx.updateTable('notification_events').set({ expanded_at: opts.now }).where('id', '=', event.id).execute();
  return planned.length;
}
