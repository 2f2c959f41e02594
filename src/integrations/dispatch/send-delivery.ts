// One attempt at one delivery: an email through the mailer, or a signed webhook POST. Signatures are
// made here, at each attempt, with the secret as it is now (the stored row never holds a secret),
// and timestamped with the real clock, which is what receivers compare against. OnSched-style extra
// headers are likewise opened here from the webhook, never read from the stored row.
import type { SecretBox } from '../../security/secrets.js';
import type { Store } from '../../store/database.js';
import type { NotificationDeliveryRow } from '../../store/schema-notify.js';
import type { EmailMessage } from '../email/compose.js';
import type { Mailer } from '../email/mailer.js';
import type { SendOutcome } from '../send-outcome.js';
import { postWebhook } from '../webhooks/post-webhook.js';
import { ACUITY_SIGNATURE_HEADER, OPENSLOT_EVENT_ID_HEADER, OPENSLOT_SIGNATURE_HEADER, acuitySignature, openslotSignature } from '../webhooks/signatures.js';
import type { WebhookPayload } from '../webhooks/webhook-payload.js';
import { openHeaders } from '../../services/notifications/webhook-headers.js';

export interface SendContext {
  store: Store;
  secrets: SecretBox;
  mailer: Mailer;
  sendTimeoutMs: number;
  /** fetch under the operator's outbound address policy. */
  http: typeof fetch;
  /** Aborted when the process stops, so shutdown does not wait for a slow receiver. */
  stop: AbortSignal;
}

export async function sendDelivery(d: NotificationDeliveryRow, ctx: SendContext): Promise<SendOutcome> {
  try {
    if (d.channel === 'email') return await ctx.mailer.send(JSON.parse(d.payload) as EmailMessage);
    const p = JSON.parse(d.payload) as WebhookPayload;
    const signed = await sign(p, d.company_id, ctx);
    if (!signed) return { ok: false, error: 'the webhook no longer exists', permanent: true };
    const headers = { ...signed.extra, 'content-type': p.contentType, 'user-agent': 'OpenSlot-Webhooks/1.0', ...signed.signature };
    return await postWebhook({ url: p.url, headers, body: p.body }, ctx.http, ctx.sendTimeoutMs, ctx.stop);
  } catch (error) {
    return { ok: false, error: (error as Error).message, permanent: false };
  }
}

/** The signature header and the subscriber's extra headers (as they are now), or null if the webhook is gone. */
async function sign(p: WebhookPayload, companyId: number, ctx: SendContext): Promise<{ signature: Record<string, string>; extra: Record<string, string> } | null> {
  if (p.signing.scheme === 'acuity') {
    const company = await ctx.store.db.selectFrom('companies').select('api_key_enc').where('id', '=', companyId).executeTakeFirst();
    return company ? { signature: { [ACUITY_SIGNATURE_HEADER]: acuitySignature(p.body, ctx.secrets.open(company.api_key_enc)) }, extra: {} } : null;
  }
  const hook = await ctx.store.db.selectFrom('location_webhooks').select(['secret_enc', 'headers']).where('id', '=', p.signing.webhookId).executeTakeFirst();
  if (!hook) return null;
  return {
    signature: {
      [OPENSLOT_SIGNATURE_HEADER]: openslotSignature(p.body, ctx.secrets.open(hook.secret_enc), Math.floor(Date.now() / 1000)),
      ...(p.signing.eventId ? { [OPENSLOT_EVENT_ID_HEADER]: p.signing.eventId } : {}),
    },
    extra: openHeaders(ctx.secrets, hook.headers),
  };
}
