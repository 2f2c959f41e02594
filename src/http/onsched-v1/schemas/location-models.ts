// v1 locations.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Int, Num, Str, view } from './v1-types.js';
import { AddressViewModel } from './shared-models.js';

export const BusinessHolidayViewModel = view('BusinessHolidayViewModel', {
  businessClosed: Bool, holidayName: Str, id: Str,
});

export const BusinessHourViewModel = view('BusinessHourViewModel', {
  endTime: Int, is24Hours: Bool, isOpen: Bool, startTime: Int,
});

export const BusinessHoursViewModel = view('BusinessHoursViewModel', {
  fri: BusinessHourViewModel, mon: BusinessHourViewModel, sat: BusinessHourViewModel, sun: BusinessHourViewModel,
  thu: BusinessHourViewModel, tue: BusinessHourViewModel, wed: BusinessHourViewModel,
});

export const BusinessDefaultsViewModel = view('BusinessDefaultsViewModel', {
  autoUpdateCustomer: Bool, businessNotification: Bool, customerCity: Bool, customerState: Bool, emailInfo: Bool,
  enableUtcTimezone: Bool, object: Str,
});

export const BusinessServiceViewModel = view('BusinessServiceViewModel', {
  id: Int, object: Str, serviceId: Int, serviceName: Str,
});

export const OnlineSettingsViewModel = view('OnlineSettingsViewModel', {
  availabilityForm: Int, bookAheadUnit: Int, bookAheadValue: Int, bookInAdvance: Int, bookWithAccount: Bool,
  bookingConfirmationMessage: Str, bookingMessage: Str, bookingPolicy: Str, bookingTimerMins: Int, businessId: Str, companyId: Str,
  customerBookingsPerDay: Int, customerVerification: Bool, defaultService: Bool, defaultToCustomerTimezone: Bool,
  disableAuthorization: Bool, enableWorldTimezones: Bool, enabled: Bool, familyMembersEnabled: Bool, firstAvailable: Bool,
  formFlow: Int, hideBreadCrumbNav: Bool, hideContinueBooking: Bool, hideLocationNav: Bool, hideNavBar: Bool,
  hideServiceGroupsNav: Bool, hideServicesNav: Bool, id: Int, lateCancelAction: Int, lateCancelHours: Int,
  lateRescheduleAction: Int, lateRescheduleHours: Int, liveMode: Bool, object: Str, resourceAnyLabel: Str, resourceLabel: Str,
  resourceSelection: Bool, returnToAvailability: Bool, returnToService: Bool, serviceLabel: Str, showBusinessLogo: Bool,
  showOnSchedLogo: Bool, showServiceGroups: Bool,
});

export const TravelViewModel = view('TravelViewModel', {
  distance: Str, proximity: Str, startAddress: Str, startLat: Str, startLon: Str, units: Str,
});

export const LocationViewModel = view('LocationViewModel', {
  address: AddressViewModel, adminEmail: Str, adminName: Str, businessHolidays: Type.Array(BusinessHolidayViewModel),
  businessHours: BusinessHoursViewModel, companyId: Str, companyName: Str, defaults: BusinessDefaultsViewModel, email: Str,
  fax: Str, friendlyId: Str, id: Str, imageUrl: Str, latitude: Num, logo: Str, longitude: Num, maxCapacity: Int, maxGroupSize: Int,
  name: Str, object: Str, phone: Str, primaryBusiness: Bool, primaryCalendarId: Str, regionId: Str,
  services: Type.Array(BusinessServiceViewModel), settings: OnlineSettingsViewModel, timezoneIana: Str, timezoneId: Str,
  timezoneOffset: Int, travel: TravelViewModel, website: Str,
});

export const LocationListViewModel = view('LocationListViewModel', {
  count: Int, data: Type.Array(LocationViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});
