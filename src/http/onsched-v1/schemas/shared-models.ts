// v1 models several others embed: addresses, contacts, custom and booking fields.
// Written from OnSched's published v1 OpenAPI (consumer); every property a view model declares is rendered (null when empty).
import { Int, Str, input, view } from './v1-types.js';

export const AddressViewModel = view('AddressViewModel', {
  addressLine1: Str, addressLine2: Str, city: Str, country: Str, postalCode: Str, state: Str,
});

export const ContactViewModel = view('ContactViewModel', {
  businessPhone: Str, businessPhoneExt: Str, conferenceInfo: Str, homePhone: Str, mobilePhone: Str, phoneType: Str,
  skypeUsername: Str,
});

export const CustomFieldViewModel = view('CustomFieldViewModel', {
  name: Str, value: Str,
});

export const CustomFieldInputModel = input('CustomFieldInputModel', {
  field1: Str, field10: Str, field2: Str, field3: Str, field4: Str, field5: Str, field6: Str, field7: Str, field8: Str,
  field9: Str,
});

export const BookingFieldItem = input('BookingFieldItem', {
  name: Str, value: Str,
});

export const AddressInputModel = input('AddressInputModel', {
  addressLine1: Str, addressLine2: Str, city: Str, country: Str, postalCode: Str, state: Str,
});

export const ContactInputModel = input('ContactInputModel', {
  businessPhone: Str, businessPhoneExt: Str, conferenceInfo: Str, homePhone: Str, mobilePhone: Str, preferredPhoneType: Str,
  skypeUsername: Str,
});

export const AddressUpdateModel = input('AddressUpdateModel', {
  addressLine1: Str, addressLine2: Str, city: Str, country: Str, postalCode: Str, state: Str,
});

export const ContactUpdateModel = input('ContactUpdateModel', {
  businessPhone: Str, businessPhoneExt: Str, conferenceInfo: Str, homePhone: Str, mobilePhone: Str, preferredPhoneType: Str,
  skypeUsername: Str,
});

export const CustomFieldUpdateModel = input('CustomFieldUpdateModel', {
  field1: Str, field10: Str, field2: Str, field3: Str, field4: Str, field5: Str, field6: Str, field7: Str, field8: Str,
  field9: Str,
});

export const RepeatViewModel = view('RepeatViewModel', {
  frequency: Str, interval: Int, monthDay: Str, monthType: Str, weekdays: Str,
});

export const PhoneViewModel = view('PhoneViewModel', {
  businessPhone: Str, businessPhoneExt: Str, homePhone: Str, mobilePhone: Str, phoneType: Str,
});
