// A resource's booked appointments as an iCalendar feed, for the person to subscribe to in Google
// Calendar or Outlook. Pure: the caller loads the appointments. Times are written in UTC (exact,
// valid without VTIMEZONE blocks; calendar apps show them in their user's zone), and each
// appointment keeps one UID, so a refresh updates entries instead of adding new ones.
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { FeedAppointment } from '../../services/calendars/resource-feed.js';

/** How often subscribers are asked to refresh (X-PUBLISHED-TTL); Google and Outlook mostly choose their own pace. */
const REFRESH_SECONDS = 15 * 60;

export function buildResourceFeed(resourceName: string, appointments: FeedAppointment[], now: number): string {
  const calendar = ical({
    name: `${resourceName} (OpenSlot)`,
    prodId: { company: 'OpenSlot', product: 'openslot', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
  for (const a of appointments) {
    calendar.createEvent({
      id: `${a.uid}@openslot`,
      start: new Date(a.start),
      end: new Date(a.end),
      stamp: new Date(now),
      lastModified: new Date(a.updatedAt),
      summary: a.customerName ? `${a.serviceName}: ${a.customerName}` : a.serviceName,
      description: [a.customerContact, a.notes].filter(Boolean).join('\n') || null,
      location: a.locationAddress ? `${a.locationName}, ${a.locationAddress}` : a.locationName,
      status: a.status === 'BK' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}
