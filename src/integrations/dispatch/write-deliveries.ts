// Writes planned deliveries. The dedupe key makes this idempotent: an event expanded twice (it
// cannot be, but a bug or a manual replay might) still yields one delivery per recipient.
import type { PlannedDelivery } from '../webhooks/webhook-payload.js';
import type { Tx } from '../../store/transaction.js';
import type { RetryPolicy } from './backoff.js';

export interface DeliveryOrigin { companyId: number; appointmentId: number; eventId?: number; reminderId?: number }

export async function writeDeliveries(tx: Tx, origin: DeliveryOrigin, planned: PlannedDelivery[], now: number, policy: RetryPolicy): Promise<void> {
  if (planned.length === 0) return;
  await tx.insertInto('notification_deliveries').values(planned.map((p) => ({
    company_id: origin.companyId, event_id: origin.eventId ?? null, reminder_id: origin.reminderId ?? null,
    appointment_id: origin.appointmentId, dedupe_key: p.dedupeKey, channel: p.channel, purpose: p.purpose, target: p.target,
    payload: JSON.stringify(p.payload), status: 'pending' as const, next_attempt_at: now, give_up_at: now + policy.giveUpAfterMs,
    claimed_by: null, lease_until: null, last_error: null, last_response_status: null, created_at: now, finished_at: null,
  }))).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
}
