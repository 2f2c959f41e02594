// The iCalendar invitation carried by each confirmation, move and cancellation. One UID for the
// appointment's whole life and a SEQUENCE that grows with each change let calendar apps update the
// entry they already have instead of adding another. Times are written in UTC: exact, valid without
// a VTIMEZONE block, and every calendar app shows them in its user's own zone.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface InvitationInput {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  start: number;
  end: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
}

export function buildInvitation(input: InvitationInput): string {
  const calendar = ical({
    prodId: { company: 'OpenSlot', product: 'openslot', language: 'EN' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: new Date(input.start),
    end: new Date(input.end),
    stamp: new Date(),
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: input.attendees.map((a) => ({ ...a, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED, rsvp: false })),
  });
  return calendar.toString();
}
