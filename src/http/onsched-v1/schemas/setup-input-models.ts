// v1 setup: what creating and changing locations, services and service allocations takes.
// Written from OnSched's published v1 OpenAPI (setup); every property a view model declares is rendered (null when empty).
import { Bool, Id, Int, Num, Str, input } from './v1-types.js';
import { AddressInputModel, AddressUpdateModel } from './shared-models.js';
import { AvailabilityInputModel, RepeatInputModel } from './setup-resource-models.js';

export const BusinessHourInputModel = input('BusinessHourInputModel', {
  endTime: Int, is24Hours: Bool, isOpen: Bool, startTime: Int,
});

export const BusinessHoursInputModel = input('BusinessHoursInputModel', {
  fri: BusinessHourInputModel, mon: BusinessHourInputModel, sat: BusinessHourInputModel, sun: BusinessHourInputModel,
  thu: BusinessHourInputModel, tue: BusinessHourInputModel, wed: BusinessHourInputModel,
});

export const BusinessDefaultsInputModel = input('BusinessDefaultsInputModel', {
  autoUpdateCustomer: Bool, businessNotification: Bool, customerCity: Bool, customerState: Bool, emailInfo: Bool,
  enableUtcTimezone: Bool,
});

export const OnlineSettingsInputModel = input('OnlineSettingsInputModel', {
  bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int, bookingTimerMins: Int, customerBookingsPerDay: Int,
  enableWorldTimezones: Bool,
});

export const LocationInputModel = input('LocationInputModel', {
  address: AddressInputModel, adminEmail: Str, adminName: Str, businessHours: BusinessHoursInputModel,
  defaults: BusinessDefaultsInputModel, email: Str, fax: Str, friendlyId: Id, maxCapacity: Int, maxGroupSize: Int, name: Str,
  phone: Str, regionId: Id, settings: OnlineSettingsInputModel, timezoneName: Str, website: Str,
});

export const BusinessHoursUpdateModel = input('BusinessHoursUpdateModel', {
  fri: BusinessHourInputModel, mon: BusinessHourInputModel, sat: BusinessHourInputModel, sun: BusinessHourInputModel,
  thu: BusinessHourInputModel, tue: BusinessHourInputModel, wed: BusinessHourInputModel,
});

export const BusinessDefaultsUpdateModel = input('BusinessDefaultsUpdateModel', {
  autoUpdateCustomer: Bool, businessNotification: Bool, customerCity: Bool, customerState: Bool, emailInfo: Bool,
  enableUtcTimezone: Bool,
});

export const OnlineSettingsUpdateModel = input('OnlineSettingsUpdateModel', {
  bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int, bookingTimerMins: Int, customerBookingsPerDay: Int,
  enableWorldTimezones: Bool,
});

export const LocationUpdateModel = input('LocationUpdateModel', {
  address: AddressUpdateModel, adminEmail: Str, adminName: Str, businessHours: BusinessHoursUpdateModel,
  defaults: BusinessDefaultsUpdateModel, email: Str, fax: Str, friendlyId: Id, maxCapacity: Int, maxGroupSize: Int, name: Str,
  phone: Str, regionId: Id, settings: OnlineSettingsUpdateModel, timezoneName: Str, website: Str,
});

export const ServiceFeesInputModel = input('ServiceFeesInputModel', {
  cancellationFeeAmount: Num, cancellationFeeTaxable: Bool, feeAmount: Num, feeTaxable: Bool, nonRefundable: Bool,
});

export const ServiceOptionsInputModel = input('ServiceOptionsInputModel', {
  consumerPadding: Bool, defaultService: Bool, durationInterval: Int, durationMax: Int, durationMin: Int, durationSelect: Bool,
  padding: Int,
});

export const ServiceSettingsInputModel = input('ServiceSettingsInputModel', {
  bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int,
});

export const ServiceInputModel = input('ServiceInputModel', {
  availability: AvailabilityInputModel, bookingInterval: Int, bookingLimit: Int, description: Str, duration: Int,
  fees: ServiceFeesInputModel, locationId: Id, maxCapacity: Int, maxGroupSize: Int, mediaPageUrl: Str, name: Str,
  options: ServiceOptionsInputModel, public: Bool, serviceGroupId: Id, settings: ServiceSettingsInputModel, type: Str,
});

export const ServiceFeesUpdateModel = input('ServiceFeesUpdateModel', {
  cancellationFeeAmount: Num, cancellationFeeTaxable: Bool, feeAmount: Num, feeTaxable: Bool, nonRefundable: Bool,
});

export const ServiceOptionsUpdateModel = input('ServiceOptionsUpdateModel', {
  consumerPadding: Bool, defaultService: Bool, durationInterval: Int, durationMax: Int, durationMin: Int, durationSelect: Bool,
  padding: Int,
});

export const ServiceSettingsUpdateModel = input('ServiceSettingsUpdateModel', {
  bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int,
});

export const ServiceUpdateModel = input('ServiceUpdateModel', {
  availability: AvailabilityInputModel, bookingInterval: Int, bookingLimit: Int, description: Str, duration: Int,
  fees: ServiceFeesUpdateModel, locationId: Id, maxCapacity: Int, maxGroupSize: Int, mediaPageUrl: Str, name: Str,
  options: ServiceOptionsUpdateModel, public: Bool, serviceGroupId: Id, settings: ServiceSettingsUpdateModel, type: Str,
});

export const ServiceAllocationInputModel = input('ServiceAllocationInputModel', {
  allDay: Bool, bookingLimit: Int, endDate: Str, endTime: Int, locationId: Id, reason: Str, repeat: RepeatInputModel,
  repeats: Bool, resourceId: Id, startDate: Str, startTime: Int,
});

export const ServiceAllocationUpdateModel = input('ServiceAllocationUpdateModel', {
  allDay: Bool, bookingLimit: Int, endDate: Str, endTime: Int, locationId: Id, reason: Str, repeat: RepeatInputModel,
  repeats: Bool, resourceId: Id, startDate: Str, startTime: Int,
});
