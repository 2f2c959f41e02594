// v1 availability: days and times of a service.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Int, Str, view } from './v1-types.js';

export const AvailableDayViewModel = view('AvailableDayViewModel', {
  available: Bool, bookingCount: Int, bookingLimit: Int, closed: Bool, date: Str, object: Str, reason: Str, reasonCode: Int,
});

export const AvailableTimeViewModel = view('AvailableTimeViewModel', {
  allowableBookings: Int, allowableCapacity: Int, availableBookings: Int, availableCapacity: Int, date: Str, displayTime: Str,
  duration: Int, endDateTime: Str, resourceId: Str, startDateTime: Str, time: Int, travelAppointmentId: Str, travelTimeMins: Int,
});

export const AvailabilityViewModel = view('AvailabilityViewModel', {
  availableDays: Type.Array(AvailableDayViewModel), availableTimes: Type.Array(AvailableTimeViewModel), businessName: Str,
  calendarId: Str, calendarResourceGroupId: Str, endDate: Str, firstAvailableDate: Str, locationId: Str, object: Str,
  resourceDescription: Str, resourceId: Str, resourceIds: Str, resourceName: Str, serviceDescription: Str, serviceDuration: Int,
  serviceId: Str, serviceName: Str, startDate: Str, tzRequested: Int, url: Str,
});

export const AvailabilityDayViewModel = view('AvailabilityDayViewModel', {
  availableDays: Type.Array(AvailableDayViewModel), object: Str, resourceDescription: Str, resourceId: Str, resourceName: Str,
  serviceDescription: Str, serviceId: Str, serviceName: Str, tzRequested: Int, url: Str,
});
