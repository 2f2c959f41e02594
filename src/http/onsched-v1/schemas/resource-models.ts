// v1 resources and the services a resource offers.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Int, Num, Str, view } from './v1-types.js';
import { AddressViewModel, ContactViewModel, CustomFieldInputModel } from './shared-models.js';

export const ResourceHourViewModel = view('ResourceHourViewModel', {
  endTime: Int, startTime: Int,
});

export const ResourceHoursViewModel = view('ResourceHoursViewModel', {
  fri: ResourceHourViewModel, mon: ResourceHourViewModel, sat: ResourceHourViewModel, sun: ResourceHourViewModel,
  thu: ResourceHourViewModel, tue: ResourceHourViewModel, wed: ResourceHourViewModel,
});

export const ResourceServiceViewModel = view('ResourceServiceViewModel', {
  object: Str, resourceId: Int, resourceName: Str, serviceId: Int, serviceName: Str,
});

export const ResourceViewModel = view('ResourceViewModel', {
  address: AddressViewModel, availability: ResourceHoursViewModel, bioLink: Str, bookingNotification: Int,
  calendarAvailability: Int, contact: ContactViewModel, customFields: CustomFieldInputModel, deletedStatus: Bool, deletedTime: Str,
  description: Str, effectiveDate: Str, email: Str, gender: Str, googleCalendarId: Str, groupId: Str, hourly: Num, id: Str,
  ignoreBusinessHours: Bool, imageUrl: Str, locationId: Str, name: Str, notificationType: Int, object: Str, outlookCalendarId: Str,
  services: Type.Array(ResourceServiceViewModel), skypeName: Str, sortKey: Int, timezoneIana: Str, timezoneId: Str,
  timezoneOffset: Int,
});

export const ResourceListViewModel = view('ResourceListViewModel', {
  count: Int, data: Type.Array(ResourceViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const ResourceServiceListViewModel = view('ResourceServiceListViewModel', {
  count: Int, data: Type.Array(ResourceServiceViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});
