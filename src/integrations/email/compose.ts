// Turns one appointment change into the emails it causes: one to the customer and one to each
// resource with an email address, each in its reader's time zone, each with the invitation.
import type { AppointmentView } from '../../services/appointments/view.js';
import { buildInvitation } from './invitation.js';
import { renderEmail, type NoticeKind } from './templates.js';
import { addressOf, describePlace, describeTime, manageLinks, shortTime } from './wording.js';

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ical: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

export interface NoticeSource {
  kind: NoticeKind;
  appointment: AppointmentView;
  /** The time the notice is about (the event's, which a later move does not rewrite). */
  start: number;
  end: number;
  company: { name: string; timeFormat: 'ampm' | '24hr' };
  bookingPageUrl: string | null;
  /** The appointment's booking-page manage token, for links to OpenSlot's own page. */
  manageToken?: string | null;
  /** Absent for reminders: they repeat what the last invitation said, so they carry none. */
  invitation: { uid: string; sequence: number } | null;
  mailFrom: string;
}

export function composeNotices(src: NoticeSource, { customerOnly = false } = {}): EmailMessage[] {
  const a = src.appointment;
  const customerName = a.customer ? `${a.customer.firstName} ${a.customer.lastName}`.trim() : 'Guest';
  const withWhom = a.resources.map((r) => r.name).join(', ') || a.location.name;
  const readers: Array<{ email: string; name: string; audience: 'customer' | 'staff'; zone: string }> = [];
  if (a.customer?.email) readers.push({ email: a.customer.email, name: customerName, audience: 'customer', zone: a.customer.timezone ?? a.timezone ?? a.location.timezone });
  if (!customerOnly) {
    for (const r of a.resources) if (r.email) readers.push({ email: r.email, name: r.name, audience: 'staff', zone: r.timezone ?? a.location.timezone });
  }
  const seen = new Set<string>();
  const unique = readers.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));

  const place = describePlace(a.location);
  const links = manageLinks(src.bookingPageUrl, a.uid, src.manageToken);
  const ical = src.invitation && {
    method: src.kind === 'canceled' ? 'CANCEL' as const : 'REQUEST' as const,
    content: buildInvitation({
      method: src.kind === 'canceled' ? 'CANCEL' : 'REQUEST', uid: src.invitation.uid, sequence: src.invitation.sequence,
      start: src.start, end: src.end, summary: `${a.service.name} (${src.company.name})`,
      description: `${a.service.name} with ${withWhom}`, location: place, url: links?.reschedule ?? null,
      organizer: { name: src.company.name, email: addressOf(src.mailFrom).email },
      attendees: unique.map((r) => ({ name: r.name, email: r.email })),
    }),
  };
  return unique.map((reader) => ({
    from: src.mailFrom,
    to: reader.email,
    ...renderEmail({
      kind: src.kind, audience: reader.audience, companyName: src.company.name, serviceName: a.service.name,
      when: describeTime(src.start, reader.zone, src.company.timeFormat), whenShort: shortTime(src.start, reader.zone, src.company.timeFormat), place, withWhom, customerName,
      customerContact: [a.customer?.email, a.customer?.phone].filter(Boolean).join(', ') || null, links,
    }),
    ical,
  }));
}
