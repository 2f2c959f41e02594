import { describe, expect, it } from 'vitest';
import { durationProblem, durationRuleProblem } from '../../../src/core/booking/index.js';

const fixed = { duration: 30, select: false, min: null, max: null, interval: null };
const variable = { duration: 30, select: true, min: 30, max: 90, interval: 15 };

describe('variable duration', () => {
  it('a fixed service takes only its own duration', () => {
    expect(durationProblem(fixed, 30)).toBeNull();
    expect(durationProblem(fixed, 45)).toMatch(/lasts 30 minutes/);
  });

  it('a variable one takes min..max in interval steps from min', () => {
    for (const ok of [30, 45, 60, 90]) expect(durationProblem(variable, ok)).toBeNull();
    expect(durationProblem(variable, 50)).toMatch(/multiple of 15/);
    expect(durationProblem(variable, 15)).toMatch(/from 30 to 90/);
    expect(durationProblem(variable, 105)).toMatch(/from 30 to 90/);
    expect(durationProblem({ ...variable, interval: null }, 51)).toBeNull();
  });

  it('refuses settings that cannot work', () => {
    expect(durationRuleProblem(variable)).toBeNull();
    expect(durationRuleProblem(fixed)).toBeNull();
    expect(durationRuleProblem({ ...variable, max: null })?.[0]).toBe('durationMax');
    expect(durationRuleProblem({ ...variable, min: 60, max: 45 })?.[0]).toBe('durationMax');
    expect(durationRuleProblem({ ...variable, duration: 120 })?.[0]).toBe('duration');
  });
});
