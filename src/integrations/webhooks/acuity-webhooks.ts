// Acuity webhooks for one appointment event: the account-level URLs in the company's notification
// settings (action "scheduled", …) and API-created subscriptions (action "appointment.scheduled", …).
// Both POST a form body: action, id, calendarID, appointmentTypeID. "changed" also fires on
// every schedule, reschedule and cancel, as Acuity documents.
import type { AppointmentView } from '../../services/appointments/view.js';
import type { NotificationSettings } from '../../services/notifications/settings-schema.js';
import type { AppointmentEventType } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import type { PlannedDelivery, WebhookPayload } from './webhook-payload.js';

export async function planAcuityWebhooks(tx: Tx, event: { id: number; type: Exclude<AppointmentEventType, 'confirmed'> }, appointment: AppointmentView, settings: NotificationSettings): Promise<PlannedDelivery[]> {
  const actions = event.type === 'changed' ? ['changed'] as const : [event.type, 'changed'] as const;
  const planned: PlannedDelivery[] = [];
  const plan = (key: string, purpose: string, url: string, action: string) => {
    const body = new URLSearchParams({
      action, id: String(appointment.id), calendarID: String(appointment.resources[0]?.id ?? ''), appointmentTypeID: String(appointment.service.id),
    }).toString();
    const payload: WebhookPayload = { url, contentType: 'application/x-www-form-urlencoded', body, headers: {}, signing: { scheme: 'acuity' } };
    planned.push({ dedupeKey: `event:${event.id}:${key}`, channel: 'webhook', purpose, target: url, payload });
  };

  for (const action of actions) {
    const url = settings.acuityWebhooks[action];
    if (url) plan(`acuity-account:${action}`, `acuity.${action}`, url, action);
  }
  const subscriptions = await tx.selectFrom('webhook_subscriptions').select(['id', 'event', 'target'])
    .where('company_id', '=', appointment.companyId).where('status', '=', 'active')
    .where('event', 'in', actions.map((a) => `appointment.${a}`)).orderBy('id').execute();
  for (const s of subscriptions) plan(`acuity-subscription:${s.id}`, `acuity.${s.event}`, s.target, s.event);
  return planned;
}
