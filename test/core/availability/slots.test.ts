import { describe, expect, it } from 'vitest';
import { checkSlot, findSlots } from '../../../src/core/availability/index.js';
import type { ResourceCalendar, SlotRules } from '../../../src/core/types.js';
import { appointment, calendar, HOUR, LONG_AGO, ny, nyTimes, rules } from './fixtures.js';

const day = { from: ny('00:00'), to: ny('00:00', '2027-01-05') };
const starts = (resources: ResourceCalendar[], r: SlotRules = rules(), now = LONG_AGO, window = day) =>
  nyTimes(findSlots({ now, ...window, rules: r, resources }).map((s) => s.start));

describe('findSlots: candidate starts (rule 2)', () => {
  it('steps by the interval from the start of each working range, not from midnight', () => {
    const resource = calendar({ hours: { mon: [['09:10', '11:00'], ['13:05', '14:00']] } });
    expect(starts([resource], rules({ duration: 30, interval: 20 }))).toEqual(['09:10', '09:30', '09:50', '10:10', '10:30', '13:05', '13:25']);
  });

  it('does not restart the grid at the end of a booking', () => {
    const resource = calendar({ hours: { mon: [['09:00', '11:00']] }, appointments: [appointment('09:00', '09:25')] });
    expect(starts([resource])).toEqual(['09:30', '09:45', '10:00', '10:15', '10:30']);
  });

  it('keeps the grid anchored at the range start when the query window opens mid-range', () => {
    const resource = calendar({ hours: { mon: [['09:10', '11:00']] } });
    const window = { from: ny('09:20'), to: ny('10:00') };
    expect(starts([resource], rules({ interval: 20 }), LONG_AGO, window)).toEqual(['09:30', '09:50']);
  });

  it('merges the grids of overlapping ranges (which validation rejects, but stored data might hold)', () => {
    const resource = calendar({ hours: { mon: [['09:00', '10:00'], ['09:10', '10:10']] } });
    expect(starts([resource], rules({ interval: 20 }))).toEqual(['09:00', '09:10', '09:20', '09:30']);
    const twice = findSlots({ now: LONG_AGO, ...day, rules: rules({ interval: 20 }), resources: [resource, resource] });
    expect(twice.every((s) => s.resourceIds.length === 1 && s.seatsLeft === 1)).toBe(true);
  });

  it('defaults the interval to the duration', () => {
    const resource = calendar({ hours: { mon: [['09:00', '11:00']] } });
    expect(starts([resource], rules({ duration: 45, interval: 0 }))).toEqual(['09:00', '09:45']);
  });
});

describe('findSlots: fit (rule 3)', () => {
  it('needs duration plus padding after inside the working range', () => {
    const resource = calendar({ hours: { mon: [['09:00', '10:00']] } });
    expect(starts([resource], rules({ paddingAfter: 15 }))).toEqual(['09:00', '09:15']);
  });

  it('with paddingOverflow (OnSched allowPaddingOverflow) only the duration must end inside the range', () => {
    const resource = calendar({ hours: { mon: [['09:00', '10:00']] } });
    const r = rules({ paddingAfter: 15, paddingOverflow: true });
    expect(starts([resource], r)).toEqual(['09:00', '09:15', '09:30']);
    expect(checkSlot({ now: LONG_AGO, start: ny('09:30'), rules: r, resource, onGrid: false })).toBeNull();
    expect(checkSlot({ now: LONG_AGO, start: ny('09:30'), rules: rules({ paddingAfter: 15 }), resource, onGrid: false })).toBe('slot_unavailable');
  });

  it('ignores the part of padding before that falls before the working range', () => {
    const resource = calendar({ hours: { mon: [['09:00', '10:30']] }, appointments: [appointment('08:30', '09:00')] });
    expect(starts([resource], rules({ paddingBefore: 15 }))).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
  });

  it('keeps padding before and after clear of bookings inside the range', () => {
    const resource = calendar({ hours: { mon: [['09:00', '11:00']] }, appointments: [appointment('10:00', '10:15')] });
    // [s − 15, s + 30 + 15) must miss 10:00–10:15 and end by 11:00.
    expect(starts([resource], rules({ paddingBefore: 15, paddingAfter: 15 }))).toEqual(['09:00', '09:15']);
    expect(starts([resource], rules({ paddingBefore: 15, paddingAfter: 0 }))).toEqual(['09:00', '09:15', '09:30', '10:30']);
  });
});

describe('findSlots: busy (rule 4)', () => {
  it("adds each appointment's own paddings to it", () => {
    const resource = calendar({ hours: { mon: [['10:00', '12:00']] }, appointments: [appointment('10:30', '11:00', 15, 15)] });
    expect(starts([resource])).toEqual(['11:15', '11:30']);
  });

  it('with capacity c, stays free while fewer than c appointments overlap, and counts the seats', () => {
    const resource = calendar({
      capacity: 3,
      hours: { mon: [['09:00', '10:00']] },
      appointments: [appointment('09:00', '09:30'), appointment('09:00', '09:30'), appointment('09:15', '09:45')],
    });
    const slots = findSlots({ now: LONG_AGO, ...day, rules: rules(), resources: [resource] });
    expect(slots.map((s) => [nyTimes([s.start])[0], s.seatsLeft])).toEqual([['09:30', 2]]);
  });

  it('treats blocks and external busy ranges as fully busy whatever the capacity', () => {
    const resource = calendar({
      capacity: 5,
      hours: { mon: [['09:00', '11:00']] },
      blocks: [{ start: ny('09:00'), end: ny('09:30') }],
      external: [{ start: ny('10:00'), end: ny('10:20') }],
    });
    expect(starts([resource])).toEqual(['09:30', '10:30']);
  });

  it('lists every free resource in ascending id and sums their seats', () => {
    const a = calendar({ id: 7, hours: { mon: [['09:00', '10:00']] }, appointments: [appointment('09:00', '09:30')] });
    const b = calendar({ id: 3, capacity: 2, hours: { mon: [['09:00', '10:00']] } });
    const slots = findSlots({ now: LONG_AGO, ...day, rules: rules(), resources: [a, b] });
    expect(slots.map((s) => [nyTimes([s.start])[0], s.resourceIds, s.seatsLeft])).toEqual([
      ['09:00', [3], 2],
      ['09:15', [3], 2],
      ['09:30', [3, 7], 3],
    ]);
    expect(slots[0].end - slots[0].start).toBe(30 * 60_000);
  });
});

describe('findSlots: notice and window (rule 5)', () => {
  const resource = calendar({ hours: { mon: [['09:00', '12:00']] } });

  it('needs s ≥ now + minHoursInAdvance', () => {
    expect(starts([resource], rules({ minHoursInAdvance: 2 }), ny('08:50'))).toEqual(['11:00', '11:15', '11:30']);
  });

  it('needs s ≤ now + maxDaysInAdvance × 24 h, inclusive', () => {
    const now = ny('09:45', '2027-01-03');
    expect(starts([resource], rules({ maxDaysInAdvance: 1 }), now)).toEqual(['09:00', '09:15', '09:30', '09:45']);
  });
});

describe('checkSlot', () => {
  const resource = calendar({ hours: { mon: [['09:00', '11:00']] }, appointments: [appointment('10:00', '10:30')] });
  const check = (start: number, onGrid = true, now = LONG_AGO, r = rules()) => checkSlot({ now, start, rules: r, resource, onGrid });

  it('accepts every slot findSlots offers', () => {
    const r = rules({ paddingBefore: 5, paddingAfter: 10 });
    for (const slot of findSlots({ now: LONG_AGO, ...day, rules: r, resources: [resource] })) {
      expect(check(slot.start, true, LONG_AGO, r)).toBeNull();
    }
  });

  it('rejects busy, off-grid and out-of-hours starts', () => {
    expect(check(ny('10:00'))).toBe('slot_unavailable');
    expect(check(ny('09:50'))).toBe('slot_unavailable');
    expect(check(ny('09:05'))).toBe('slot_unavailable');
    expect(check(ny('10:45'))).toBe('slot_unavailable'); // would end at 11:15
    expect(check(ny('08:45'))).toBe('slot_unavailable');
  });

  it('accepts an off-grid start that fits when onGrid is false', () => {
    expect(check(ny('09:05'), false)).toBeNull();
    expect(check(ny('09:29'), false)).toBeNull();
    expect(check(ny('09:29'), false, LONG_AGO, rules({ paddingAfter: 1 }))).toBeNull();
    expect(check(ny('09:29'), false, LONG_AGO, rules({ paddingAfter: 2 }))).toBe('slot_unavailable');
    expect(check(ny('10:31'), false)).toBe('slot_unavailable'); // would end at 11:01
  });

  it('reports notice and window before availability', () => {
    expect(check(ny('10:00'), true, ny('09:30'), rules({ minHoursInAdvance: 1 }))).toBe('too_soon');
    expect(check(ny('09:00'), true, ny('08:00') - 2 * 24 * HOUR, rules({ maxDaysInAdvance: 1 }))).toBe('too_far');
  });
});
