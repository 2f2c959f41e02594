// The small pieces every notification email shares: the time as its reader's clock shows it, the
// place, and links to the company's booking page.
import { DateTime } from 'luxon';

/** "Wednesday, March 10, 2027 at 9:00 AM EST" (or 09:00 with the 24-hour setting). */
export function describeTime(at: number, zone: string, timeFormat: 'ampm' | '24hr'): string {
  const local = DateTime.fromMillis(at, { zone });
  const clock = timeFormat === '24hr' ? 'HH:mm' : 'h:mm a';
  return `${local.toFormat(`cccc, LLLL d, yyyy 'at' ${clock}`)} ${local.offsetNameShort ?? local.toFormat('ZZ')} (${zone})`;
}

/** "Wed, Mar 10, 9:00 AM EST": for subject lines. */
export function shortTime(at: number, zone: string, timeFormat: 'ampm' | '24hr'): string {
  const local = DateTime.fromMillis(at, { zone });
  return `${local.toFormat(`ccc, LLL d, ${timeFormat === '24hr' ? 'HH:mm' : 'h:mm a'}`)} ${local.offsetNameShort ?? local.toFormat('ZZ')}`;
}

export function describePlace(location: { name: string; address: string | null }): string {
  return location.address ? `${location.name}, ${location.address}` : location.name;
}

/**
 * Cancel and reschedule links: the booking page URL with `appointment` and `action` added to its
 * query; when that URL is OpenSlot's own booking page (/book/…), its manage pages for this
 * appointment's signed token instead.
 */
export function manageLinks(bookingPageUrl: string | null, appointmentUid: string, manageToken?: string | null): { cancel: string; reschedule: string } | null {
  if (!bookingPageUrl || !URL.canParse(bookingPageUrl)) return null;
  const page = new URL(bookingPageUrl);
  if (manageToken && page.pathname.startsWith('/book/')) {
    const base = `${page.origin}/book/manage/${manageToken}`;
    return { cancel: `${base}/cancel`, reschedule: `${base}/reschedule` };
  }
  const link = (action: string) => {
    const url = new URL(bookingPageUrl);
    url.searchParams.set('appointment', appointmentUid);
    url.searchParams.set('action', action);
    return url.toString();
  };
  return { cancel: link('cancel'), reschedule: link('reschedule') };
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The address part of "Name <address>" or a bare address. */
export function addressOf(mailbox: string): { name: string | null; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  return match ? { name: match[1].trim() || null, email: match[2].trim() } : { name: null, email: mailbox.trim() };
}
