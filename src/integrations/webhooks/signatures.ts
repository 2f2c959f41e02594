// How receivers can tell a webhook came from this server.
// Acuity: x-acuity-signature = base64(HMAC-SHA256(raw body, the account's API key)), as Acuity does.
// OpenSlot (OnSched surface): x-openslot-signature = "t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
// "<t>.<raw body>")>": the signed timestamp lets a receiver reject a replayed request.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ACUITY_SIGNATURE_HEADER = 'x-acuity-signature';
export const OPENSLOT_SIGNATURE_HEADER = 'x-openslot-signature';
/** Stable across retries of one delivery, so a receiver can drop duplicates. */
export const OPENSLOT_EVENT_ID_HEADER = 'x-openslot-event-id';

export const acuitySignature = (body: string, apiKey: string): string => createHmac('sha256', apiKey).update(body).digest('base64');

export function openslotSignature(body: string, secret: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** For receivers (and the tests): true when the header signs this body and is at most `toleranceSeconds` old. */
export function verifyOpenslotSignature(header: string, body: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(openslotSignature(body, secret, t).split('v1=')[1], 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
