// Extra headers of an OnSched-style webhook are credentials more often than not (Authorization, an
// API key), so they are sealed at rest with the server's SecretBox, opened only to send, and shown
// everywhere else (API responses, the delivery log) as their names with the values redacted.
import type { SecretBox } from '../../security/secrets.js';
import type { Tx } from '../../store/transaction.js';

export const REDACTED = '[redacted]';

export const sealHeaders = (secrets: SecretBox, headers: Record<string, string>): string => secrets.seal(JSON.stringify(headers));

/** The stored headers in the clear. Rows written before headers were sealed hold plain JSON. */
export function openHeaders(secrets: SecretBox, stored: string): Record<string, string> {
  return JSON.parse(stored.startsWith('{') ? stored : secrets.open(stored)) as Record<string, string>;
}

export const redactHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED]));

/** Seals headers still stored in the clear by an earlier version. Idempotent; an idle call only reads. */
export async function sealClearWebhookHeaders(db: Tx, secrets: SecretBox): Promise<number> {
  const clear = await db.selectFrom('location_webhooks').select(['id', 'headers']).where('headers', 'like', '{%').execute();
  for (const row of clear) {
    await db.updateTable('location_webhooks').set({ headers: sealHeaders(secrets, JSON.parse(row.headers)) })
      .where('id', '=', row.id).where('headers', '=', row.headers).execute();
  }
  return clear.length;
}
