// v1 setup: resources as /setup/v1 answers them, their weekly availability and blocks.
// Written from OnSched's published v1 OpenAPI (setup); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Id, Int, Num, Str, input, view } from './v1-types.js';
import { AddressInputModel, AddressUpdateModel, AddressViewModel, ContactInputModel, ContactUpdateModel, ContactViewModel, CustomFieldInputModel, CustomFieldUpdateModel, PhoneViewModel, RepeatViewModel } from './shared-models.js';
import { ResourceHoursViewModel } from './resource-models.js';

export const ResourceOptionsInputModel = input('ResourceOptionsInputModel', {
  bioLink: Str, bookingNotification: Int, calendarAvailability: Int, displayColor: Str, effectiveDate: Str, gender: Str,
  googleCalendarId: Id, hourly: Num, ignoreBusinessHours: Bool, notificationType: Int, outlookCalendarId: Id, sortKey: Int,
});

export const SetupResourceServiceViewModel = view('SetupResourceServiceViewModel', {
  object: Str, serviceId: Int, serviceName: Str,
});

export const SetupResourceViewModel = view('SetupResourceViewModel', {
  address: AddressViewModel, availability: ResourceHoursViewModel, bioLink: Str, bookingNotification: Int,
  calendarAvailability: Int, contact: ContactViewModel, customFields: CustomFieldInputModel, deletedStatus: Bool, deletedTime: Str,
  description: Str, effectiveDate: Str, email: Str, gender: Str, googleCalendarAuthUrl: Str, googleCalendarAuthorized: Bool,
  googleCalendarId: Str, groupId: Int, hourly: Num, id: Str, ignoreBusinessHours: Bool, imageUrl: Str, locationId: Str, name: Str,
  notificationType: Int, object: Str, options: ResourceOptionsInputModel, outlookCalendarAuthUrl: Str,
  outlookCalendarAuthorized: Bool, outlookCalendarId: Str, phone: PhoneViewModel,
  services: Type.Array(SetupResourceServiceViewModel), skypeName: Str, sortKey: Int, timezoneIana: Str, timezoneId: Str,
  timezoneOffset: Int,
});

export const SetupResourceListViewModel = view('SetupResourceListViewModel', {
  count: Int, data: Type.Array(SetupResourceViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const WeekDayInputModel = input('WeekDayInputModel', {
  endTime: Int, startTime: Int,
});

export const AvailabilityInputModel = input('AvailabilityInputModel', {
  fri: WeekDayInputModel, mon: WeekDayInputModel, sat: WeekDayInputModel, sun: WeekDayInputModel, thu: WeekDayInputModel,
  tue: WeekDayInputModel, wed: WeekDayInputModel,
});

export const ResourceInputModel = input('ResourceInputModel', {
  address: AddressInputModel, availability: AvailabilityInputModel, contact: ContactInputModel,
  customFields: CustomFieldInputModel, description: Str, email: Str, groupId: Id, locationId: Id, name: Str,
  options: ResourceOptionsInputModel, serviceIds: Type.Array(Str), timezoneId: Id,
});

export const ResourceOptionsUpdateModel = input('ResourceOptionsUpdateModel', {
  bioLink: Str, bookingNotification: Int, calendarAvailability: Int, displayColor: Str, effectiveDate: Str, gender: Str,
  googleCalendarId: Id, hourly: Num, ignoreBusinessHours: Bool, notificationType: Int, outlookCalendarId: Id, sortKey: Int,
});

export const ResourceUpdateModel = input('ResourceUpdateModel', {
  address: AddressUpdateModel, availability: AvailabilityInputModel, contact: ContactUpdateModel,
  customFields: CustomFieldUpdateModel, description: Str, email: Str, groupId: Id, locationId: Id, name: Str,
  options: ResourceOptionsUpdateModel, serviceIds: Type.Array(Str), timezoneId: Id,
});

export const WeekDayViewModel2 = view('WeekDayViewModel2', {
  displayEndTime: Str, displayStartTime: Str, endTime: Int, startTime: Int,
});

export const AvailabilityViewModel2 = view('AvailabilityViewModel2', {
  fri: WeekDayViewModel2, mon: WeekDayViewModel2, sat: WeekDayViewModel2, sun: WeekDayViewModel2, thu: WeekDayViewModel2,
  tue: WeekDayViewModel2, wed: WeekDayViewModel2,
});

export const ResourceAvailabilityViewModel = view('ResourceAvailabilityViewModel', {
  businessId: Int, ignoreBusinessHours: Bool, resourceId: Int, resourceName: Str, resourceTzo: Int,
  weekdays: AvailabilityViewModel2,
});

export const ResourceBlockViewModel = view('ResourceBlockViewModel', {
  businessId: Int, endDate: Str, endTime: Int, id: Int, object: Str, reason: Str, repeat: RepeatViewModel, repeats: Bool,
  resourceId: Int, startDate: Str, startTime: Int,
});

export const ResourceBlockListViewModel = view('ResourceBlockListViewModel', {
  count: Int, data: Type.Array(ResourceBlockViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const RepeatInputModel = input('RepeatInputModel', {
  frequency: Str, interval: Int, monthDay: Int, monthType: Str, weekdays: Str,
});

export const ResourceBlockInputModel = input('ResourceBlockInputModel', {
  allDay: Bool, endDate: Str, endTime: Int, reason: Str, repeat: RepeatInputModel, repeats: Bool, startDate: Str, startTime: Int,
});

export const ResourceBlockUpdateModel = input('ResourceBlockUpdateModel', {
  allDay: Bool, endDate: Str, endTime: Int, reason: Str, repeat: RepeatInputModel, repeats: Bool, startDate: Str, startTime: Int,
});
