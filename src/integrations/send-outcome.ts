// What one attempt to send a delivery came to, whatever the channel.
export type SendOutcome =
  | { ok: true; status: 'delivered' | 'logged'; detail: string; responseStatus?: number }
  /** `permanent`: retrying cannot help (e.g. an SMTP 5xx reply), so the delivery fails at once. */
  | { ok: false; error: string; permanent: boolean; responseStatus?: number };
