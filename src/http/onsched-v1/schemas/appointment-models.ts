// v1 appointment models: the view, the list, and what POST and the transitions take.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Id, Int, Num, Str, input, view } from './v1-types.js';
import { BookingFieldItem, CustomFieldInputModel, CustomFieldViewModel } from './shared-models.js';

export const AppointmentAuditViewModel = view('AppointmentAuditViewModel', {
  appointmentId: Str, id: Str, modificationType: Str, modifiedBy: Str, modifiedOn: Str, notesAfter: Str, notesBefore: Str,
  statusAfter: Str, statusBefore: Str,
});

export const AppointmentCustomerViewModel = view('AppointmentCustomerViewModel', {
  appointmentId: Str, customerId: Str,
});

export const AppointmentResourceViewModel = view('AppointmentResourceViewModel', {
  appointmentId: Str, resourceId: Str,
});

export const AppointmentViewModel = view('AppointmentViewModel', {
  auditTrail: Type.Array(AppointmentAuditViewModel), bookedBy: Str, businessName: Str, calendarId: Str, confirmationNumber: Str,
  confirmed: Bool, createDate: Str, customFields: Type.Record(Type.String(), CustomFieldViewModel), customerId: Str,
  customerMessage: Str, customers: Type.Array(AppointmentCustomerViewModel), date: Str, dateInternational: Str,
  downloadIcsUrl: Str, duration: Int, email: Str, emailConfirmationSent: Str, emailReminderSent: Str, endDateTime: Str,
  firstname: Str, groupSize: Int, id: Str, ipAddress: Str, lastModifiedBy: Str, lastModifiedOn: Str, lastname: Str, latitude: Str,
  location: Str, locationId: Str, longitude: Str, name: Str, notes: Str, object: Str, onlineBooking: Bool, paymentStatus: Int,
  phone: Str, phoneExt: Str, phoneType: Str, rescheduledId: Str, resourceGroupId: Str, resourceGroupName: Str, resourceId: Str,
  resourceImageUrl: Str, resourceName: Str, resources: Type.Array(AppointmentResourceViewModel), serviceAllocationId: Str,
  serviceId: Str, serviceImageUrl: Str, serviceName: Str, smsConfirmationSent: Str, smsReminderSent: Str, startDateTime: Str,
  status: Str, stripeChargeId: Str, stripeRefundId: Str, time: Int, timezone: Int, timezoneIana: Str, timezoneId: Str,
});

export const AppointmentListViewModel = view('AppointmentListViewModel', {
  count: Int, data: Type.Array(AppointmentViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const BookingFieldListItemViewModel = view('BookingFieldListItemViewModel', {
  id: Str, leadAnswerScore: Int, leadRoutingEntityId: Int, leadRoutingEntityType: Str, name: Str, object: Str, value: Str,
});

export const BookingFieldViewModel = view('BookingFieldViewModel', {
  businessId: Str, companyId: Str, fieldLabel: Str, fieldLength: Int, fieldListItems: Type.Array(BookingFieldListItemViewModel),
  fieldName: Str, fieldRequired: Bool, fieldType: Str, id: Str, leadQuestion: Bool, leadQuestionWeight: Num, object: Str,
  sortKey: Int,
});

export const AppoinmentBookingFormsViewModel = view('AppoinmentBookingFormsViewModel', {
  bookingConfirmationPage: Str, bookingForm: Str,
});

export const AppointmentInitialViewModel = view('AppointmentInitialViewModel', {
  appointmentBookingFields: Type.Array(BookingFieldViewModel), auditTrail: Type.Array(AppointmentAuditViewModel), bookedBy: Str,
  bookingForms: AppoinmentBookingFormsViewModel, businessName: Str, calendarId: Str, confirmationNumber: Str, confirmed: Bool,
  createDate: Str, customFields: Type.Record(Type.String(), CustomFieldViewModel),
  customerBookingFields: Type.Array(BookingFieldViewModel), customerId: Str, customerMessage: Str,
  customers: Type.Array(AppointmentCustomerViewModel), date: Str, dateInternational: Str, downloadIcsUrl: Str, duration: Int,
  email: Str, emailConfirmationSent: Str, emailReminderSent: Str, endDateTime: Str, firstname: Str, groupSize: Int, id: Str,
  ipAddress: Str, lastModifiedBy: Str, lastModifiedOn: Str, lastname: Str, latitude: Str, location: Str, locationId: Str,
  longitude: Str, name: Str, notes: Str, object: Str, onlineBooking: Bool, paymentStatus: Int, phone: Str, phoneExt: Str,
  phoneType: Str, rescheduledId: Str, resourceGroupId: Str, resourceGroupName: Str, resourceId: Str, resourceImageUrl: Str,
  resourceName: Str, resources: Type.Array(AppointmentResourceViewModel), serviceAllocationId: Str, serviceId: Str,
  serviceImageUrl: Str, serviceName: Str, smsConfirmationSent: Str, smsReminderSent: Str, startDateTime: Str, status: Str,
  stripeChargeId: Str, stripeRefundId: Str, time: Int, timezone: Int, timezoneIana: Str, timezoneId: Str,
});

export const AppointmentInitialModel = input('AppointmentInitialModel', {
  appointmentBookingFields: Type.Array(BookingFieldItem), bookedBy: Str, bookingWindowId: Id, calendarId: Id,
  customFields: CustomFieldInputModel, customerBookingFields: Type.Array(BookingFieldItem), customerId: Id, customerMessage: Str,
  email: Str, endDateTime: Str, groupSize: Int, location: Str, locationId: Id, name: Str, notes: Str, phone: Str, phoneType: Str,
  resourceGroupId: Id, resourceId: Id, resourceIds: Id, serviceAllocationId: Id, serviceId: Id, startDateTime: Str,
  timezoneName: Str, travelAppointmentId: Id, travelTimeMins: Int,
});

export const AppointmentBookModel = input('AppointmentBookModel', {
  appointmentBookingFields: Type.Array(BookingFieldItem), customFields: CustomFieldInputModel,
  customerBookingFields: Type.Array(BookingFieldItem), customerMessage: Str, email: Str, groupSize: Int, name: Str, notes: Str,
  phone: Str, phoneExt: Str, phoneType: Str,
});

export const AppointmentRescheduleModel = input('AppointmentRescheduleModel', {
  endDateTime: Str, resourceId: Id, serviceId: Id, startDateTime: Str, travelAppointmentId: Id, travelTimeMins: Int,
});

export const AppointmentReserveModel = input('AppointmentReserveModel', {
  appointmentBookingFields: Type.Array(BookingFieldItem), customFields: CustomFieldInputModel,
  customerBookingFields: Type.Array(BookingFieldItem), customerMessage: Str, email: Str, name: Str, notes: Str, phone: Str,
  phoneExt: Str, phoneType: Str,
});
