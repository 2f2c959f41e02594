// Locations, services, resources and allocations as v1's view models.
import { DateTime } from 'luxon';
import type { RoundRobin } from '../../core/types.js';
import type { LocationView } from '../../services/catalog/locations.js';
import type { ResourceView } from '../../services/catalog/resources.js';
import type { ServiceView } from '../../services/catalog/services.js';
import type { AllocationView } from '../../services/catalog/weekly-allocations.js';
import { LocationViewModel } from './schemas/location-models.js';
import { ResourceServiceViewModel, ResourceViewModel } from './schemas/resource-models.js';
import { ServiceAllocationViewModel, ServiceViewModel } from './schemas/service-models.js';
import { complete } from './schemas/v1-types.js';
import { v1Hours } from './weekly-hours.js';

const offsetNow = (zone: string) => DateTime.now().setZone(zone).offset;
const ROUND_ROBIN: Record<RoundRobin, number> = { NONE: 0, RANDOM: 1, BALANCED: 2, COMBINED: 0 };

export const renderLocation = (l: LocationView, companyId: number) => complete(LocationViewModel, {
  id: String(l.id), object: 'location', name: l.name, companyId: String(companyId), primaryBusiness: l.primary,
  timezoneIana: l.timezone, timezoneId: l.timezone, timezoneOffset: offsetNow(l.timezone),
  address: l.address === null ? null : { addressLine1: l.address }, businessHours: v1Hours(l.hours), businessHolidays: [], services: [],
});

export const renderService = (s: ServiceView, companyId: number) => complete(ServiceViewModel, {
  id: String(s.id), object: 'service', name: s.name, description: s.description, companyId: String(companyId),
  locationId: s.scope === 'location' ? String(s.location.id) : null, type: s.type === 'class' ? 'class' : 'service',
  duration: s.duration, bookingInterval: s.interval, padding: s.paddingAfter, maxCapacity: s.capacity, maxGroupSize: s.capacity,
  roundRobin: ROUND_ROBIN[s.roundRobin], bookInAdvance: s.minHoursInAdvance, bookAheadValue: s.maxDaysInAdvance, bookAheadUnit: s.maxDaysInAdvance === null ? null : 1,
  durationSelect: false, consumerPadding: false, defaultService: false, showOnline: true,
});

export function renderResource(r: ResourceView, serviceNames: Map<number, string>) {
  const zone = r.timezone;
  return complete(ResourceViewModel, {
    id: String(r.id), object: 'resource', name: r.name, email: r.email, description: r.description, locationId: String(r.location.id),
    timezoneIana: zone, timezoneId: zone, timezoneOffset: zone ? offsetNow(zone) : null, availability: v1Hours(r.hours),
    contact: r.phone ? { businessPhone: r.phone } : null, deletedStatus: false, ignoreBusinessHours: true,
    services: r.services.map((s) => resourceService(r, s.id, serviceNames.get(s.id) ?? null)),
  });
}

export const resourceService = (r: { id: number; name: string }, serviceId: number, serviceName: string | null) =>
  complete(ResourceServiceViewModel, { object: 'resourceService', resourceId: r.id, resourceName: r.name, serviceId, serviceName });

const militaryOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 100 + Number(hhmm.slice(3, 5));

export function renderAllocation(a: AllocationView, names: { service: ServiceView | null; resource: ResourceView | null }) {
  const first = a.windows[0];
  return complete(ServiceAllocationViewModel, {
    id: String(a.id), object: 'serviceAllocation', serviceId: a.service ? String(a.service.id) : null, serviceName: names.service?.name ?? null,
    serviceDescription: names.service?.description ?? null, serviceDuration: names.service?.duration ?? null,
    resourceId: a.resource ? String(a.resource.id) : null, resourceName: names.resource?.name ?? null, resourceDescription: names.resource?.description ?? null,
    locationId: names.resource ? String(names.resource.location.id) : null, timezoneName: names.resource?.timezone ?? null,
    startTime: first ? militaryOf(first.startTime) : null, endTime: first ? militaryOf(first.endTime) : null, repeats: true, bookingCount: 0, bookingLimit: 0,
    startDate: DateTime.fromMillis(a.createdAt, { zone: 'UTC' }).toISODate(),
    repeat: { frequency: 'W', interval: 1, weekdays: [...new Set(a.windows.map((w) => w.dayOfWeek))].sort().join('') },
  });
}
