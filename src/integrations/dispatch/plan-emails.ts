// Emails as deliveries: each composed message becomes one delivery row keyed by its recipient.
import { composeNotices, type NoticeSource } from '../email/compose.js';
import type { PlannedDelivery } from '../webhooks/webhook-payload.js';

export function planEmails(keyPrefix: string, source: NoticeSource, options: { customerOnly?: boolean } = {}): PlannedDelivery[] {
  return composeNotices(source, options).map((message) => ({
    dedupeKey: `${keyPrefix}:email:${message.to.toLowerCase()}`,
    channel: 'email',
    purpose: `email.${source.kind}`,
    target: message.to,
    payload: message,
  }));
}
