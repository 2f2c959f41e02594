// OnSched-surface webhooks for one appointment event or reminder: every active webhook of the
// appointment's location (or of all locations) whose triggers name it. The body is exactly
// OnSched's {appointment, trigger}; the appointment is the snapshot stored with the event in the
// transaction that caused it. OpenSlot's extras travel as headers (X-OpenSlot-Event-Id, the
// signature, the subscriber's own headers, whose values are sealed and added at each attempt).
import type { AppointmentView } from '../../services/appointments/view.js';
import { renderedAppointment } from '../../services/events/appointment-snapshot.js';
import { openHeaders, redactHeaders } from '../../services/notifications/webhook-headers.js';
import type { LocationWebhookTrigger } from '../../services/notifications/location-webhooks.js';
import type { AppointmentEventType } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import type { SecretBox } from '../../security/secrets.js';
import type { PlannedDelivery, WebhookPayload } from './webhook-payload.js';

/** The OnSched trigger each event fires; a mere change of notes or fields fires none. */
export const ONSCHED_TRIGGERS: Record<AppointmentEventType, LocationWebhookTrigger | null> = {
  scheduled: 'NEW_APPOINTMENT',
  rescheduled: 'APPOINTMENT_RESCHEDULED',
  canceled: 'APPOINTMENT_CANCELLED',
  confirmed: 'APPOINTMENT_CONFIRMED',
  changed: null,
};

/** What fired: an outbox event (with its snapshot) or a due reminder. */
export interface WebhookCause { key: string; trigger: LocationWebhookTrigger | null; snapshot: string | null }

export const eventCause = (event: { id: number; type: AppointmentEventType; snapshot: string | null }): WebhookCause =>
  ({ key: `event:${event.id}`, trigger: ONSCHED_TRIGGERS[event.type], snapshot: event.snapshot });

export async function planOnschedWebhooks(tx: Tx, secrets: SecretBox, cause: WebhookCause, appointment: AppointmentView): Promise<PlannedDelivery[]> {
  const trigger = cause.trigger;
  if (trigger === null) return [];
  const hooks = await tx.selectFrom('location_webhooks').select(['id', 'url', 'headers', 'triggers'])
    .where('company_id', '=', appointment.companyId).where('active', '=', 1)
    .where((w) => w.or([w('location_id', 'is', null), w('location_id', '=', appointment.location.id)])).orderBy('id').execute();
  const wanted = hooks.filter((h) => (JSON.parse(h.triggers) as string[]).includes(trigger));
  if (wanted.length === 0) return [];
  // Events written before snapshots existed (none since migration 007) fall back to the current state.
  const snapshot = cause.snapshot !== null ? JSON.parse(cause.snapshot) as unknown : await renderedAppointment(tx, appointment);
  const body = JSON.stringify({ appointment: snapshot, trigger });
  return wanted.map((h) => {
    const payload: WebhookPayload = {
      url: h.url, contentType: 'application/json', body, headers: redactHeaders(openHeaders(secrets, h.headers)),
      signing: { scheme: 'openslot', webhookId: h.id, eventId: `${cause.key}:${h.id}` },
    };
    return { dedupeKey: `${cause.key}:onsched:${h.id}`, channel: 'webhook' as const, purpose: trigger, target: h.url, payload };
  });
}
