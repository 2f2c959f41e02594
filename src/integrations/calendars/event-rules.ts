// Which events make a resource busy. Calendars mark free time in three ways, and each is honoured:
// TRANSP:TRANSPARENT (and Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE), STATUS:CANCELLED, and an
// invitation the resource declined (its ATTENDEE line carries PARTSTAT=DECLINED). Everything else,
// tentative events included, counts as busy: offering a time the person may not have is worse than
// hiding one they do.
import type { VEvent } from 'node-ical';

type Attendee = string | { params?: Record<string, unknown>; val?: unknown };

const upper = (value: unknown): string => (typeof value === 'string' ? value : String((value as { val?: unknown })?.val ?? '')).toUpperCase();

export function blocksTime(event: VEvent, ownerEmail: string | null): boolean {
  if (upper(event.transparency) === 'TRANSPARENT') return false;
  if (upper((event as unknown as Record<string, unknown>)['MICROSOFT-CDO-BUSYSTATUS']) === 'FREE') return false;
  if (upper(event.status) === 'CANCELLED') return false;
  return !(ownerEmail && declinedBy(event, ownerEmail));
}

/** Whether the attendee with this email declined the event. */
export function declinedBy(event: VEvent, email: string): boolean {
  const attendees = (Array.isArray(event.attendee) ? event.attendee : event.attendee ? [event.attendee] : []) as Attendee[];
  const wanted = email.trim().toLowerCase();
  return attendees.some((a) => {
    if (typeof a === 'string' || !a) return false;
    const address = String(a.val ?? '').replace(/^mailto:/i, '').trim().toLowerCase();
    return address === wanted && upper(a.params?.PARTSTAT) === 'DECLINED';
  });
}
