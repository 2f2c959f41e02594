// The v1 layer's pure helpers: filling a view model, v1's weekly hours, military times, trailing slashes.
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { stripV1TrailingSlash } from '../../src/http/onsched-v1/plugin.js';
import { militaryMinutes } from '../../src/http/onsched-v1/request.js';
import { Str, complete, view } from '../../src/http/onsched-v1/schemas/v1-types.js';
import { hoursFromV1, v1Hours } from '../../src/http/onsched-v1/weekly-hours.js';

describe('v1 view models', () => {
  const Inner = view('Inner', { a: Str, b: Str });
  const Outer = view('Outer', { id: Str, inner: Inner, list: Type.Array(Inner), missing: Inner });

  it('renders every declared property, null where there is no value, at every depth, and drops undeclared ones', () => {
    expect(complete(Outer, { id: '1', inner: { a: 'x' }, list: [{ b: 'y', extra: 1 }], stray: true } as Record<string, unknown>)).toEqual({
      id: '1', inner: { a: 'x', b: null }, list: [{ a: null, b: 'y' }], missing: null,
    });
  });
});

describe('v1 weekly hours', () => {
  it('reads {startTime: 900, endTime: 1700} as 09:00–17:00, closes {0, 0} and keeps days left out', () => {
    const current = { tue: [['08:00', '12:00']] as [string, string][] };
    expect(hoursFromV1({ mon: { startTime: 900, endTime: 1730 }, wed: { startTime: 0, endTime: 0 }, fri: { startTime: 0, endTime: 2400 } }, current))
      .toEqual({ mon: [['09:00', '17:30']], tue: [['08:00', '12:00']], wed: [], fri: [['00:00', '24:00']] });
  });

  it('writes each day as its first start and last end, closed days as {0, 0}', () => {
    const hours = v1Hours({ mon: [['09:00', '12:00'], ['13:00', '17:00']] });
    expect(hours.mon).toEqual({ startTime: 900, endTime: 1700, isOpen: true, is24Hours: false });
    expect(hours.sun).toEqual({ startTime: 0, endTime: 0, isOpen: false, is24Hours: false });
  });

  it('refuses times that are not military and ends before starts', () => {
    expect(() => militaryMinutes(975, 'startTime')).toThrow(/military/);
    expect(() => militaryMinutes(2401, 'endTime')).toThrow(/military/);
    expect(() => hoursFromV1({ mon: { startTime: 1700, endTime: 900 } })).toThrow(/after/);
  });
});

describe('v1 trailing slashes', () => {
  it('strips them from v1 paths only, keeping the query', () => {
    expect(stripV1TrailingSlash('/consumer/v1/services/?limit=5')).toBe('/consumer/v1/services?limit=5');
    expect(stripV1TrailingSlash('/connect/token/')).toBe('/connect/token');
    expect(stripV1TrailingSlash('/v3/services/')).toBe('/v3/services/');
  });
});
