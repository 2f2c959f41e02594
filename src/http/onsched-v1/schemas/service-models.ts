// v1 services, service groups and service allocations.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Int, Num, Str, view } from './v1-types.js';
import { AddressViewModel, PhoneViewModel, RepeatViewModel } from './shared-models.js';

export const ServiceHourViewModel = view('ServiceHourViewModel', {
  endTime: Int, startTime: Int,
});

export const ServiceHoursViewModel = view('ServiceHoursViewModel', {
  fri: ServiceHourViewModel, mon: ServiceHourViewModel, sat: ServiceHourViewModel, sun: ServiceHourViewModel,
  thu: ServiceHourViewModel, tue: ServiceHourViewModel, wed: ServiceHourViewModel,
});

export const ServiceViewModel = view('ServiceViewModel', {
  availability: ServiceHoursViewModel, bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int, bookingInterval: Int,
  bookingLimit: Int, calendarId: Str, calendarResourceGroupId: Str, cancellationFeeAmount: Num, cancellationFeeTaxable: Bool,
  companyId: Str, consumerPadding: Bool, dailyBookingLimitCount: Int, dailyBookingLimitMinutes: Int, defaultService: Bool,
  description: Str, duration: Int, durationInterval: Int, durationMax: Int, durationMin: Int, durationSelect: Bool, feeAmount: Num,
  feeTaxable: Bool, id: Str, imageUrl: Str, locationId: Str, maxBookingLimit: Int, maxCapacity: Int, maxGroupSize: Int,
  maxResourceBookingLimit: Int, mediaPageUrl: Str, name: Str, nonRefundable: Bool, object: Str, padding: Int, roundRobin: Int,
  serviceGroupId: Int, serviceGroupName: Str, showOnline: Bool, type: Str,
});

export const ServiceListViewModel = view('ServiceListViewModel', {
  count: Int, data: Type.Array(ServiceViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const ServiceGroupViewModel = view('ServiceGroupViewModel', {
  companyId: Str, description: Str, id: Str, imageUrl: Str, label: Str, locationId: Str, name: Str, object: Str,
});

export const ServiceGroupListViewModel = view('ServiceGroupListViewModel', {
  count: Int, data: Type.Array(ServiceGroupViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const ServiceAllocationViewModel = view('ServiceAllocationViewModel', {
  bookingCount: Int, bookingLimit: Int, endDate: Str, endTime: Int, id: Str, locationId: Str, object: Str, reason: Str,
  repeat: RepeatViewModel, repeats: Bool, resourceAddress: AddressViewModel, resourceDescription: Str, resourceId: Str,
  resourceImageUrl: Str, resourceName: Str, resourcePhone: PhoneViewModel, serviceDescription: Str, serviceDuration: Int,
  serviceId: Str, serviceImageUrl: Str, serviceName: Str, startDate: Str, startTime: Int, timezoneName: Str, timezoneOffset: Int,
});

export const ServiceAllocationListViewModel = view('ServiceAllocationListViewModel', {
  count: Int, data: Type.Array(ServiceAllocationViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});
