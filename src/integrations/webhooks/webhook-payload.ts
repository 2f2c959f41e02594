// What a webhook delivery row stores: the request exactly as it will be sent, except the signature,
// which is made at each attempt (OnSched-style signatures are timestamped, so they must be fresh),
// and the values of OnSched-style extra headers (credentials, kept sealed with the webhook).
export interface WebhookPayload {
  url: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
  /** Names of the extra headers the subscriber asked for (OnSched webhooks), each valued "[redacted]":
   *  the values are sealed with the webhook and added at each attempt. */
  headers: Record<string, string>;
  /** openslot: `eventId` is sent as X-OpenSlot-Event-Id, the same on every retry (for de-duplication). */
  signing: { scheme: 'acuity' } | { scheme: 'openslot'; webhookId: number; eventId?: string };
}

/** A delivery about to be written: `dedupeKey` makes writing it twice harmless. */
export interface PlannedDelivery {
  dedupeKey: string;
  channel: 'email' | 'webhook';
  purpose: string;
  target: string;
  payload: unknown;
}
