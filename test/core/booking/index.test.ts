import { describe, expect, it } from 'vitest';
import * as booking from '../../../src/core/booking/index.js';

describe('the booking core entry point', () => {
  it('exposes every rule module', () => {
    const expected = [
      'transition', 'canTransition', 'isLive', 'assertHoldLive', 'holdExpiry',
      'priceAppointment', 'parseMoney', 'formatMoney',
      'checkCertificate', 'redeem', 'isCoupon', 'CertificateError',
      'validateAnswers', 'FIELD_TYPES',
      'checkClientCancel', 'checkClientReschedule', 'canClientCancel', 'canClientReschedule',
      'durationProblem', 'durationRuleProblem',
      'withSettingsDefaults', 'DEFAULT_COMPANY_SETTINGS', 'TIME_FORMATS',
    ];
    expect(Object.keys(booking).sort()).toEqual(expected.sort());
  });
});
