// Company-wide booking settings, as the setup document's `settings` and Acuity's account carry them.
// Services may override the notice and window; that override is resolved by availability, not here.

import { DomainError } from '../errors.js';

export type TimeFormat = 'ampm' | '24hr';
export const TIME_FORMATS: readonly TimeFormat[] = ['ampm', '24hr'];

export interface CompanySettings {
  /** Earliest bookable start, in hours from now. */
  minHoursInAdvance: number;
  /** Latest bookable start, in days from now. */
  maxDaysInAdvance: number;
  /** How the Acuity surface renders times: "10:15am" or "10:15". */
  timeFormat: TimeFormat;
  clientCanCancel: boolean;
  clientCanReschedule: boolean;
  /** Clients may cancel only while the start is at least this many hours away. */
  minCancelHours: number;
  /** Clients may reschedule only while the start is at least this many hours away. */
  minRescheduleHours: number;
}

export const DEFAULT_COMPANY_SETTINGS: Readonly<CompanySettings> = Object.freeze({
  minHoursInAdvance: 0,
  maxDaysInAdvance: 60,
  timeFormat: 'ampm',
  clientCanCancel: true,
  clientCanReschedule: true,
  minCancelHours: 0,
  minRescheduleHours: 0,
});

const HOUR_AND_DAY_SETTINGS = ['minHoursInAdvance', 'maxDaysInAdvance', 'minCancelHours', 'minRescheduleHours'] as const;
const BOOLEAN_SETTINGS = ['clientCanCancel', 'clientCanReschedule'] as const;

/**
 * Fills what is missing (absent or undefined) with the defaults and rejects what is malformed, so
 * a stored company never carries a negative notice or a time format nobody can render.
 */
export function withSettingsDefaults(partial: Partial<CompanySettings> | null | undefined): CompanySettings {
  const given = Object.fromEntries(Object.entries(partial ?? {}).filter(([, value]) => value !== undefined));
  const settings: CompanySettings = { ...DEFAULT_COMPANY_SETTINGS, ...given };
  for (const key of HOUR_AND_DAY_SETTINGS) {
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidSetting(key, value, 'a non-negative number');
  }
  for (const key of BOOLEAN_SETTINGS) {
    if (typeof settings[key] !== 'boolean') throw invalidSetting(key, settings[key], 'true or false');
  }
  if (!TIME_FORMATS.includes(settings.timeFormat)) throw invalidSetting('timeFormat', settings.timeFormat, '"ampm" or "24hr"');
  return settings;
}

function invalidSetting(key: keyof CompanySettings, value: unknown, expected: string): DomainError {
  return new DomainError('invalid_input', {
    message: `The setting "${key}" must be ${expected}, got ${JSON.stringify(value)}.`,
    field: `settings.${key}`,
    value,
  });
}
