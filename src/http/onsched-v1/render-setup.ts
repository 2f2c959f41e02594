// What /setup/v1 answers with where it differs from /consumer/v1: resources with their phone and
// options, a resource's weekly availability, and calendar blocks.
import { DateTime } from 'luxon';
import type { BlockView } from '../../services/catalog/blocks.js';
import type { ResourceView } from '../../services/catalog/resources.js';
import { localParts } from './local-time.js';
import { ResourceAvailabilityViewModel, ResourceBlockViewModel, SetupResourceViewModel } from './schemas/setup-resource-models.js';
import { complete } from './schemas/v1-types.js';
import { v1Hours } from './weekly-hours.js';

const offsetNow = (zone: string | null) => (zone ? DateTime.now().setZone(zone).offset : null);
const display = (military: number) => DateTime.fromObject({ hour: Math.floor(military / 100) % 24, minute: military % 100 }).toFormat('h:mm a');

export function renderSetupResource(r: ResourceView, serviceNames: Map<number, string>) {
  return complete(SetupResourceViewModel, {
    id: String(r.id), object: 'resource', name: r.name, email: r.email, description: r.description, locationId: String(r.location.id),
    timezoneIana: r.timezone, timezoneId: r.timezone, timezoneOffset: offsetNow(r.timezone), availability: v1Hours(r.hours),
    contact: r.phone ? { businessPhone: r.phone } : null, phone: r.phone ? { businessPhone: r.phone } : null,
    deletedStatus: false, ignoreBusinessHours: true, googleCalendarAuthorized: false, outlookCalendarAuthorized: false,
    services: r.services.map((s) => ({ object: 'resourceService', serviceId: s.id, serviceName: serviceNames.get(s.id) ?? null })),
  });
}

export function renderResourceAvailability(r: ResourceView) {
  const hours = v1Hours(r.hours);
  const weekdays = Object.fromEntries(Object.entries(hours).map(([day, h]) => [day, {
    startTime: h.startTime, endTime: h.endTime, displayStartTime: h.isOpen ? display(h.startTime) : null, displayEndTime: h.isOpen ? display(h.endTime) : null,
  }]));
  return complete(ResourceAvailabilityViewModel, {
    resourceId: r.id, resourceName: r.name, resourceTzo: offsetNow(r.timezone), businessId: r.location.id, ignoreBusinessHours: true, weekdays,
  });
}

export function renderBlock(b: BlockView, zone: string) {
  const start = localParts(b.start, zone);
  const end = localParts(b.weekly && b.until !== null ? b.until : b.end, zone);
  return complete(ResourceBlockViewModel, {
    id: b.id, object: 'resourceBlock', resourceId: b.resource?.id ?? null, businessId: b.location?.id ?? null, reason: b.notes,
    startDate: start.dateTime, endDate: end.dateTime, startTime: start.time, endTime: localParts(b.end, zone).time,
    repeats: b.weekly, repeat: b.weekly ? { frequency: 'W', interval: 1, weekdays: String(DateTime.fromMillis(b.start, { zone }).weekday % 7) } : null,
  });
}
