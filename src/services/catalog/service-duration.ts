// A service's variable-duration settings (OnSched's durationSelect, durationMin, durationMax,
// durationInterval): read from a row, merged from an input and checked as a whole.
import { durationProblem, durationRuleProblem, type DurationRule } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { ServiceRow } from '../../store/schema.js';
import { checkWholeNumber, invalid } from './checks.js';

export interface DurationInput {
  durationSelect?: boolean;
  durationMin?: number | null;
  durationMax?: number | null;
  durationInterval?: number | null;
}

export interface DurationView { durationSelect: boolean; durationMin: number | null; durationMax: number | null; durationInterval: number | null }

type DurationColumns = Pick<ServiceRow, 'duration_select' | 'duration_min' | 'duration_max' | 'duration_interval'>;

export const durationRule = (row: Pick<ServiceRow, 'duration'> & DurationColumns): DurationRule => ({
  duration: row.duration, select: row.duration_select === 1, min: row.duration_min, max: row.duration_max, interval: row.duration_interval,
});

export const durationView = (row: DurationColumns): DurationView => ({
  durationSelect: row.duration_select === 1, durationMin: row.duration_min, durationMax: row.duration_max, durationInterval: row.duration_interval,
});

/**
 * The columns after applying `input` to `current` (a new service: nothing set), checked together.
 * `prefix` places the fields in a larger document ("setup.services[2].").
 */
export function durationColumns(input: DurationInput, duration: number, current?: DurationColumns, prefix = ''): DurationColumns {
  const length = (value: number | null | undefined, field: string) => (value === null ? null : checkWholeNumber(value, prefix + field, 1, 1440));
  const pick = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const columns: DurationColumns = {
    duration_select: input.durationSelect === undefined ? current?.duration_select ?? 0 : input.durationSelect ? 1 : 0,
    duration_min: pick(length(input.durationMin, 'durationMin'), current?.duration_min ?? null),
    duration_max: pick(length(input.durationMax, 'durationMax'), current?.duration_max ?? null),
    duration_interval: pick(length(input.durationInterval, 'durationInterval'), current?.duration_interval ?? null),
  };
  const problem = durationRuleProblem(durationRule({ duration, ...columns }));
  if (problem) throw invalid(prefix + problem[0], problem[1]);
  return columns;
}

/** Refuses a requested length (minutes) the service does not allow, naming the field it came from. */
export function checkRequestedLength(service: Pick<ServiceRow, 'duration'> & DurationColumns, minutes: number, field: string): void {
  const problem = durationProblem(durationRule(service), minutes);
  if (problem) throw new DomainError('invalid_input', { field, value: minutes, message: `${field} ${minutes}: ${problem}` });
}
