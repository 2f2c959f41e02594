// What a webhook delivery row stores: the request exactly as it will be sent, except the signature,
// which is made at each attempt (OnSched-style signatures are timestamped, so they must be fresh).
export interface WebhookPayload {
  url: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
  /** Extra headers the subscriber asked for (OnSched webhooks). */
  headers: Record<string, string>;
  signing: { scheme: 'acuity' } | { scheme: 'openslot'; webhookId: number };
}

/** A delivery about to be written: `dedupeKey` makes writing it twice harmless. */
export interface PlannedDelivery {
  dedupeKey: string;
  channel: 'email' | 'webhook';
  purpose: string;
  target: string;
  payload: unknown;
}
