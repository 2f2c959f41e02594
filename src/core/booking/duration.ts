// Variable duration (OnSched's durationSelect): a service may let the client choose how long an
// appointment lasts, from durationMin to durationMax in steps of durationInterval minutes.
// A service without it takes only its own duration.

export interface DurationRule {
  duration: number;
  select: boolean;
  min: number | null;
  max: number | null;
  /** Step from min; null: any whole number of minutes. */
  interval: number | null;
}

/** Why `minutes` is not a length this service can be booked for, or null when it is. */
export function durationProblem(rule: DurationRule, minutes: number): string | null {
  if (!rule.select) return minutes === rule.duration ? null : `the service lasts ${rule.duration} minutes (it does not allow a variable duration)`;
  const min = rule.min ?? rule.duration;
  const max = rule.max ?? rule.duration;
  if (minutes < min || minutes > max) return `must be from ${min} to ${max} minutes`;
  if (rule.interval && (minutes - min) % rule.interval !== 0) return `must be ${min} minutes plus a multiple of ${rule.interval}`;
  return null;
}

/** What is wrong with a service's own variable-duration settings, as [field, message], or null. */
export function durationRuleProblem(rule: DurationRule): [string, string] | null {
  if (!rule.select) return null;
  if (rule.min === null || rule.max === null) return [rule.min === null ? 'durationMin' : 'durationMax', 'durationMin and durationMax are required when durationSelect is true'];
  if (rule.min > rule.max) return ['durationMax', 'durationMax must not be less than durationMin'];
  if (rule.duration < rule.min || rule.duration > rule.max) return ['duration', 'duration (the default length) must lie from durationMin to durationMax'];
  return null;
}
