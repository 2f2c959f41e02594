import { describe, expect, it } from 'vitest';
import { findClassSlots, type ClassSession } from '../../../src/core/availability/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2027-01-04T12:00:00Z');
const session = (id: number, startsIn: number, seats = 10, taken = 0): ClassSession => ({
  id,
  resourceId: 1,
  start: now + startsIn,
  end: now + startsIn + HOUR,
  seats,
  taken,
});

describe('findClassSlots', () => {
  const sessions = [session(4, 3 * DAY, 10, 10), session(1, 2 * HOUR, 10, 3), session(2, 30 * HOUR), session(3, 30 * HOUR, 5, 7), session(5, 40 * DAY)];
  const rules = { minHoursInAdvance: 3, maxDaysInAdvance: 30 };

  it('keeps sessions in the window that meet notice and booking window, by start then id', () => {
    const found = findClassSlots(sessions, now, rules, now, now + 60 * DAY);
    expect(found.map((s) => [s.id, s.seatsLeft])).toEqual([
      [2, 10],
      [3, 0], // over-taken never goes negative
      [4, 0], // full sessions stay, for the caller to show or drop
    ]);
  });

  it('wants the start in [from, to)', () => {
    expect(findClassSlots(sessions, now, rules, now + 30 * HOUR, now + 3 * DAY).map((s) => s.id)).toEqual([2, 3]);
  });
});
