import type { CompanySettings } from '../../core/booking/index.js';
import type { RoundRobin, SlotRules } from '../../core/types.js';
import type { ServiceRow } from '../../store/schema.js';

export interface RuleOverrides {
  /** Minutes that replace the service's duration (add-ons still add to it). */
  duration?: number;
  interval?: number;
  addonMinutes?: number;
  paddingOverflow?: boolean;
}

/** The slot rules for a service: its own notice and window where set, else the company's. */
export function slotRules(service: ServiceRow, settings: CompanySettings, overrides: RuleOverrides = {}): SlotRules {
  return {
    duration: (overrides.duration ?? service.duration) + (overrides.addonMinutes ?? 0),
    interval: overrides.interval ?? service.interval,
    paddingBefore: service.padding_before,
    paddingAfter: service.padding_after,
    minHoursInAdvance: service.min_hours_in_advance ?? settings.minHoursInAdvance,
    maxDaysInAdvance: service.max_days_in_advance ?? settings.maxDaysInAdvance,
    ...(overrides.paddingOverflow ? { paddingOverflow: true } : {}),
  };
}

export const serviceRoundRobin = (service: ServiceRow): RoundRobin => service.round_robin as RoundRobin;
