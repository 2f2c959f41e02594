import { describe, expect, it } from 'vitest';
import { expandBlock } from '../../../src/core/availability/index.js';
import { HOUR } from './fixtures.js';

const utc = (iso: string) => Date.parse(iso);
const iso = (list: { start: number; end: number }[]) => list.map((r) => new Date(r.start).toISOString());

describe('expandBlock', () => {
  const monday = { start: utc('2026-03-02T17:00Z'), end: utc('2026-03-02T18:00Z') }; // 12:00–13:00 EST
  const march = { start: utc('2026-03-01T00:00Z'), end: utc('2026-03-31T00:00Z') };

  it('keeps a one-off block only where it overlaps the window', () => {
    expect(expandBlock(monday, 'America/New_York', march)).toEqual([monday]);
    expect(expandBlock(monday, 'America/New_York', { start: monday.end, end: monday.end + HOUR })).toEqual([]);
  });

  it('repeats a weekly block at the same local wall time across the DST change', () => {
    const occurrences = expandBlock({ ...monday, weekly: true }, 'America/New_York', march);
    expect(iso(occurrences)).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-09T16:00:00.000Z', // 12:00 EDT
      '2026-03-16T16:00:00.000Z',
      '2026-03-23T16:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
    ]);
    expect(occurrences.every((o) => o.end - o.start === HOUR)).toBe(true);
  });

  it('stops repeating at `until` and expands only within the window', () => {
    const until = utc('2026-03-20T00:00Z');
    expect(iso(expandBlock({ ...monday, weekly: true, until }, 'America/New_York', march))).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-16T16:00:00.000Z',
    ]);
    const years = { start: utc('2030-01-06T00:00Z'), end: utc('2030-01-14T00:00Z') };
    expect(iso(expandBlock({ ...monday, weekly: true }, 'America/New_York', years))).toEqual(['2030-01-07T17:00:00.000Z']);
  });
});
