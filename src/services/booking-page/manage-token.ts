// The link a customer manages a booking with (/book/manage/{token}). The token names the
// appointment and when the link stops working, signed with the server's key: it cannot be guessed
// or forged (256-bit HMAC), needs no table, and survives a reschedule (the appointment keeps its
// uid). It expires a week after the appointment's end as it stood when the link was made.
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ServiceContext } from '../context.js';

const WEEK = 7 * 86_400_000;
const TOKEN = /^([0-9a-f]{32})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/** Needs only the server's key, so the notification dispatcher can make links too. */
export function manageToken(ctx: Pick<ServiceContext, 'secrets'>, appointmentUid: string, appointmentEnd: number): string {
  const compact = appointmentUid.replace(/-/g, '');
  const expires = Math.floor((appointmentEnd + WEEK) / 1000).toString(36);
  return `${compact}.${expires}.${ctx.secrets.mac(`manage:${compact}.${expires}`)}`;
}

/** The appointment uid a token names; not_found for a forged or malformed token, `expired` past its time. */
export function openManageToken(ctx: ServiceContext, token: string): { appointmentUid: string } {
  const match = TOKEN.exec(token);
  const invalid = () => new DomainError('not_found', { field: 'token', message: 'This link is not valid. Please use the link from your confirmation email.' });
  if (!match) throw invalid();
  const [, compact, expires, tag] = match;
  const expected = Buffer.from(ctx.secrets.mac(`manage:${compact}.${expires}`));
  if (expected.length !== tag.length || !timingSafeEqual(expected, Buffer.from(tag))) throw invalid();
  if (parseInt(expires, 36) * 1000 <= ctx.now()) {
    throw new DomainError('invalid_input', { field: 'token', message: 'This link has expired.' });
  }
  const uid = `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
  return { appointmentUid: uid };
}
