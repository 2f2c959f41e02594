// Setup objects as OnSched clients read them: ids are uids, scopes and recurrences upper case.
import type { Static } from '@sinclair/typebox';
import type { BlockView } from '../../services/catalog/blocks.js';
import type { LocationView } from '../../services/catalog/locations.js';
import type { ResourceView } from '../../services/catalog/resources.js';
import type { ServiceView } from '../../services/catalog/services.js';
import type { CustomerRecord } from '../../services/customers/customers.js';
import { hoursToWire } from './hours.js';
import { iso } from './render.js';
import type { Customer, Location, Resource, Service, UnavailabilityObject } from './schemas/setup.js';

export const renderLocation = (l: LocationView): Static<typeof Location> => ({
  object: 'location', id: l.uid, name: l.name, timezone: l.timezone, primary: l.primary, expirationDelay: l.expirationDelay,
  address: l.address, weeklyAvailability: hoursToWire(l.hours), createdAt: iso(l.createdAt),
});

export const renderService = (s: ServiceView): Static<typeof Service> => ({
  object: 'service', id: s.uid, name: s.name, description: s.description, scope: s.scope === 'location' ? 'LOCATION' : 'COMPANY',
  LocationId: s.location.uid, duration: s.duration, bookingInterval: s.interval, paddingBefore: s.paddingBefore, paddingAfter: s.paddingAfter,
  bookingsPerSlot: s.capacity, roundRobin: s.roundRobin, minHoursInAdvance: s.minHoursInAdvance, maxDaysInAdvance: s.maxDaysInAdvance,
  ResourceIds: s.resources.map((r) => r.uid), ...s.limits, durationSelect: s.durationSelect, durationMin: s.durationMin, durationMax: s.durationMax,
  durationInterval: s.durationInterval, createdAt: iso(s.createdAt),
});

export const renderResource = (r: ResourceView): Static<typeof Resource> => ({
  object: 'resource', id: r.uid, name: r.name, LocationId: r.location.uid, email: r.email, phone: r.phone, description: r.description,
  timezone: r.timezone, bookingsPerSlot: r.capacity, bookingLimit: r.bookingLimit, weeklyAvailability: hoursToWire(r.hours), ServiceIds: r.services.map((s) => s.uid),
  createdAt: iso(r.createdAt),
});

export const renderCustomer = (c: CustomerRecord): Static<typeof Customer> => ({
  object: 'customer', id: c.uid, firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone,
  timezone: c.timezone, notes: c.notes, CustomFields: c.customFields, createdAt: iso(c.createdAt),
});

export const renderUnavailability = (b: BlockView): Static<typeof UnavailabilityObject> => ({
  object: 'unavailability', id: b.uid, ResourceId: b.resource?.uid ?? null, LocationId: b.location?.uid ?? null, ServiceId: b.service?.uid ?? null,
  startTime: iso(b.start), endTime: iso(b.end), reason: b.notes, recurring: b.weekly ? 'WEEKLY' : 'NONE',
  until: b.until === null ? null : iso(b.until), createdAt: iso(b.createdAt),
});
