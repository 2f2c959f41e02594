import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_SETTINGS, withSettingsDefaults, type CompanySettings } from '../../../src/core/booking/settings.js';

describe('withSettingsDefaults', () => {
  it('fills every setting with its documented default', () => {
    expect(withSettingsDefaults(undefined)).toEqual({
      minHoursInAdvance: 0,
      maxDaysInAdvance: 60,
      timeFormat: 'ampm',
      clientCanCancel: true,
      clientCanReschedule: true,
      minCancelHours: 0,
      minRescheduleHours: 0,
    });
    expect(withSettingsDefaults(null)).toEqual(DEFAULT_COMPANY_SETTINGS);
  });

  it('keeps what is given, including falsy values', () => {
    const settings = withSettingsDefaults({ maxDaysInAdvance: 0, clientCanCancel: false, timeFormat: '24hr', minCancelHours: 12 });
    expect(settings).toMatchObject({ maxDaysInAdvance: 0, clientCanCancel: false, timeFormat: '24hr', minCancelHours: 12, minHoursInAdvance: 0 });
  });

  it('treats an explicit undefined as absent', () => {
    expect(withSettingsDefaults({ maxDaysInAdvance: undefined }).maxDaysInAdvance).toBe(60);
  });

  it('returns a fresh object, never the shared defaults', () => {
    const settings = withSettingsDefaults({});
    settings.minCancelHours = 5;
    expect(DEFAULT_COMPANY_SETTINGS.minCancelHours).toBe(0);
  });

  it.each<[Partial<Record<keyof CompanySettings, unknown>>, string]>([
    [{ minHoursInAdvance: -1 }, 'settings.minHoursInAdvance'],
    [{ maxDaysInAdvance: Number.NaN }, 'settings.maxDaysInAdvance'],
    [{ minCancelHours: '2' }, 'settings.minCancelHours'],
    [{ minRescheduleHours: Number.POSITIVE_INFINITY }, 'settings.minRescheduleHours'],
    [{ clientCanCancel: 'yes' }, 'settings.clientCanCancel'],
    [{ clientCanReschedule: 1 }, 'settings.clientCanReschedule'],
    [{ timeFormat: '12h' }, 'settings.timeFormat'],
  ])('rejects %j', (partial, field) => {
    expect(() => withSettingsDefaults(partial as Partial<CompanySettings>)).toThrow(expect.objectContaining({ code: 'invalid_input', field }));
  });
});
