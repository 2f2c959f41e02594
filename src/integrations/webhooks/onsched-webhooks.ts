// OnSched-surface webhooks for one appointment event: every active webhook of the appointment's
// location (or of all locations) whose triggers name the event. JSON body: the event and the appointment.
// The webhook's extra headers are sealed; the delivery row records only their names, and the sender
// adds the values at each attempt (send-delivery.ts).
import type { AppointmentView } from '../../services/appointments/view.js';
import type { AppointmentEventType } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import type { SecretBox } from '../../security/secrets.js';
import { openHeaders, redactHeaders } from '../../services/notifications/webhook-headers.js';
import { onschedAppointmentJson } from './onsched-appointment.js';
import type { PlannedDelivery, WebhookPayload } from './webhook-payload.js';

/** The OnSched trigger each event fires. */
export const ONSCHED_TRIGGERS: Record<AppointmentEventType, string> = {
  scheduled: 'appointment.booked',
  rescheduled: 'appointment.rescheduled',
  canceled: 'appointment.cancelled',
  changed: 'appointment.updated',
};

export async function planOnschedWebhooks(tx: Tx, secrets: SecretBox, event: { id: number; type: AppointmentEventType; createdAt: number }, appointment: AppointmentView): Promise<PlannedDelivery[]> {
  const trigger = ONSCHED_TRIGGERS[event.type];
  const hooks = await tx.selectFrom('location_webhooks').select(['id', 'url', 'headers', 'triggers'])
    .where('company_id', '=', appointment.companyId).where('active', '=', 1)
    .where((w) => w.or([w('location_id', 'is', null), w('location_id', '=', appointment.location.id)])).orderBy('id').execute();
  const wanted = hooks.filter((h) => (JSON.parse(h.triggers) as string[]).includes(trigger));
  if (wanted.length === 0) return [];
  const body = JSON.stringify({
    id: String(event.id), event: trigger, createdAt: new Date(event.createdAt).toISOString(),
    appointment: await onschedAppointmentJson(tx, appointment),
  });
  return wanted.map((h) => {
    const payload: WebhookPayload = { url: h.url, contentType: 'application/json', body, headers: redactHeaders(openHeaders(secrets, h.headers)), signing: { scheme: 'openslot', webhookId: h.id } };
    return { dedupeKey: `event:${event.id}:onsched:${h.id}`, channel: 'webhook' as const, purpose: trigger, target: h.url, payload };
  });
}
