// v1 customers.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Id, Int, Str, input, view } from './v1-types.js';
import { AddressInputModel, AddressUpdateModel, AddressViewModel, ContactInputModel, ContactUpdateModel, ContactViewModel, CustomFieldInputModel, CustomFieldUpdateModel, CustomFieldViewModel } from './shared-models.js';

export const CustomerViewModel = view('CustomerViewModel', {
  address: AddressViewModel, birthdate: Str, businessName: Str, companyName: Str, contact: ContactViewModel, createdBy: Str,
  createdOn: Str, customFields: Type.Record(Type.String(), CustomFieldViewModel), deletedStatus: Bool, deletedTime: Str,
  disabled: Bool, email: Str, emailInfo: Bool, emailPromotion: Bool, firstname: Str, gender: Str, groupId: Str, id: Str,
  inviteEmailSent: Str, lastVisitDate: Str, lastname: Str, latitude: Str, locationId: Str, longitude: Str, modifiedBy: Str,
  modifiedOn: Str, name: Str, notificationType: Str, object: Str, registeredBy: Str, registrationDate: Str, resourceId: Str,
  stripeCustomerId: Str, subscriptionId: Str, verificationDate: Str, verifiedBy: Str, welcomeEmailSent: Str,
});

export const CustomerListViewModel = view('CustomerListViewModel', {
  count: Int, data: Type.Array(CustomerViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});

export const CustomerInputModel = input('CustomerInputModel', {
  address: AddressInputModel, contact: ContactInputModel, customFields: CustomFieldInputModel, email: Str, firstname: Str,
  lastname: Str, locationId: Id, name: Str, notificationType: Str, sendLeadNotification: Bool, stripeCustomerId: Id, type: Int,
});

export const CustomerUpdateModel = input('CustomerUpdateModel', {
  address: AddressUpdateModel, contact: ContactUpdateModel, customFields: CustomFieldUpdateModel, email: Str, firstname: Str,
  lastname: Str, locationId: Id, name: Str, notificationType: Str, stripeCustomerId: Id, type: Int,
});
