// The pure booking rules: appointment states, prices, certificates, intake forms, client rules.

export { transition, canTransition, isLive, assertHoldLive, holdExpiry } from './states.js';
export type { AppointmentAction, StatusChangingAction } from './states.js';

export { priceAppointment, parseMoney, formatMoney } from './price.js';
export type { AppointmentPrice, Discount, DiscountType, PriceInput } from './price.js';

export { checkCertificate, redeem, isCoupon, CertificateError } from './certificates.js';
export type { Certificate, CertificateContext, CertificateErrorCode, Coupon, Package, PackageBalance } from './certificates.js';

export { validateAnswers, FIELD_TYPES } from './forms.js';
export type { FieldAnswer, FieldAnswerInput, FieldType, FormField, ValidateAnswersOptions } from './forms.js';

export { durationProblem, durationRuleProblem } from './duration.js';
export type { DurationRule } from './duration.js';
export { checkClientCancel, checkClientReschedule, canClientCancel, canClientReschedule } from './rules.js';
export type { ActorOptions, AppointmentToReschedule, CancelSettings, RescheduleSettings } from './rules.js';

export { withSettingsDefaults, DEFAULT_COMPANY_SETTINGS, TIME_FORMATS } from './settings.js';
export type { CompanySettings, TimeFormat } from './settings.js';
