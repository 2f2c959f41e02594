import { describe, expect, it } from 'vitest';
import { chooseResources, createRoundRobin, type BookingHistory, type RoundRobinContext } from '../../../src/core/availability/index.js';

const utc = (iso: string) => Date.parse(iso);
// Monday 2027-01-04 00:00 in New York is 05:00Z; the week runs to Monday 2027-01-11 05:00Z.
const slotStart = utc('2027-01-06T15:00Z');
const booked = (resourceId: number, start: string, createdAt = '2026-12-01T00:00Z'): BookingHistory => ({
  resourceId,
  start: utc(start),
  createdAt: utc(createdAt),
});
const context = (overrides: Partial<RoundRobinContext> = {}): RoundRobinContext => ({
  requested: [],
  history: [],
  zone: 'America/New_York',
  random: () => 0,
  ...overrides,
});

describe('NONE', () => {
  it('offers every free resource, ascending', () => {
    expect(chooseResources('NONE', [3, 1, 2], slotStart, context())).toEqual({ resourceIds: [1, 2, 3], reason: 'NONE: all 3 free resources' });
  });

  it('gives null when nothing is free, in every mode', () => {
    for (const mode of ['NONE', 'RANDOM', 'BALANCED', 'COMBINED'] as const) {
      expect(chooseResources(mode, [], slotStart, context({ requested: [1] }))).toBeNull();
    }
  });
});

describe('RANDOM', () => {
  it('picks one free resource with the injected random source', () => {
    expect(chooseResources('RANDOM', [5, 9, 7], slotStart, context({ random: () => 0 }))?.resourceIds).toEqual([5]);
    expect(chooseResources('RANDOM', [5, 9, 7], slotStart, context({ random: () => 0.5 }))?.resourceIds).toEqual([7]);
    expect(chooseResources('RANDOM', [5, 9, 7], slotStart, context({ random: () => 0.9999 }))).toEqual({ resourceIds: [9], reason: 'RANDOM: picked 1 of 3 free' });
  });
});

describe('BALANCED', () => {
  it('chooses the free resource with the fewest bookings in the local week of the slot', () => {
    const history = [
      booked(1, '2027-01-05T15:00Z'),
      booked(1, '2027-01-07T15:00Z'),
      booked(2, '2027-01-08T15:00Z'),
      booked(3, '2027-01-04T15:00Z'),
      booked(3, '2027-01-05T15:00Z'),
      booked(3, '2027-01-06T16:00Z'),
      booked(2, '2027-01-13T15:00Z'), // next week: does not count
      booked(2, '2027-01-04T04:59Z'), // Sunday 23:59 local, the week before: does not count
    ];
    expect(chooseResources('BALANCED', [1, 2, 3], slotStart, context({ history }))).toEqual({
      resourceIds: [2],
      reason: 'BALANCED: 1 booking this week, fewest among 3 free',
    });
  });

  it('counts Monday 00:00 local as the start of the week', () => {
    const history = [booked(1, '2027-01-04T05:00Z'), booked(2, '2027-01-04T04:00Z')];
    expect(chooseResources('BALANCED', [1, 2], slotStart, context({ history }))?.resourceIds).toEqual([2]);
  });

  it('breaks ties by least recently booked, never-booked first, then lowest id', () => {
    const history = [booked(1, '2026-12-01T15:00Z', '2026-11-20T00:00Z'), booked(2, '2026-12-02T15:00Z', '2026-11-10T00:00Z')];
    expect(chooseResources('BALANCED', [1, 2], slotStart, context({ history }))).toEqual({
      resourceIds: [2],
      reason: 'BALANCED: 0 bookings this week, fewest among 2 free; least recently booked of 2 tied',
    });
    expect(chooseResources('BALANCED', [1, 2, 4], slotStart, context({ history }))).toEqual({
      resourceIds: [4],
      reason: 'BALANCED: 0 bookings this week, fewest among 3 free; never booked, of 3 tied',
    });
    expect(chooseResources('BALANCED', [6, 4], slotStart, context({ history }))?.resourceIds).toEqual([4]);
  });

  it('only considers the free resources', () => {
    const history = [booked(2, '2027-01-05T15:00Z'), booked(2, '2027-01-05T16:00Z'), booked(3, '2027-01-05T15:00Z')];
    expect(chooseResources('BALANCED', [2, 3], slotStart, context({ history }))?.resourceIds).toEqual([3]);
  });

  it('counts per week when one chooser scores slots in different weeks', () => {
    const history = [booked(1, '2027-01-05T15:00Z'), booked(2, '2027-01-12T15:00Z'), booked(2, '2027-01-13T15:00Z')];
    const choose = createRoundRobin(context({ history }));
    expect(choose('BALANCED', [1, 2], slotStart)?.resourceIds).toEqual([2]);
    expect(choose('BALANCED', [1, 2], utc('2027-01-14T15:00Z'))?.resourceIds).toEqual([1]);
    expect(choose('BALANCED', [1, 2], slotStart)?.resourceIds).toEqual([2]);
  });
});

describe('COMBINED', () => {
  it('books all requested resources when every one is free', () => {
    expect(chooseResources('COMBINED', [1, 2, 3], slotStart, context({ requested: [3, 1] }))).toEqual({
      resourceIds: [1, 3],
      reason: 'COMBINED: all 2 requested resources free',
    });
  });

  it('gives null when any requested resource is busy, or none was requested', () => {
    expect(chooseResources('COMBINED', [1, 2], slotStart, context({ requested: [1, 3] }))).toBeNull();
    expect(chooseResources('COMBINED', [1, 2], slotStart, context({ requested: [] }))).toBeNull();
  });
});
