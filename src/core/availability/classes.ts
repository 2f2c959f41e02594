// Class sessions are fixed times with seats; availability is only the notice/window filter and the
// seat arithmetic. Full sessions are kept (seatsLeft 0) so a caller can show them as sold out.

import type { Millis, SlotRules } from '../types.js';
import { bookableStarts } from './slot-fit.js';

export interface ClassSession {
  id: number;
  resourceId: number;
  start: Millis;
  end: Millis;
  seats: number;
  /** Seats taken by live bookings. */
  taken: number;
}

export interface ClassSlot {
  id: number;
  resourceId: number;
  start: Millis;
  end: Millis;
  seats: number;
  seatsLeft: number;
}

/** Sessions starting in [from, to) that meet notice and window, by start then id. */
export function findClassSlots(
  sessions: readonly ClassSession[],
  now: Millis,
  rules: Pick<SlotRules, 'minHoursInAdvance' | 'maxDaysInAdvance'>,
  from: Millis,
  to: Millis,
): ClassSlot[] {
  const { earliest, latest } = bookableStarts(now, rules);
  return sessions
    .filter((s) => s.start >= from && s.start < to && s.start >= earliest && s.start <= latest)
    .map((s) => ({
      id: s.id,
      resourceId: s.resourceId,
      start: s.start,
      end: s.end,
      seats: s.seats,
      seatsLeft: Math.max(0, s.seats - s.taken),
    }))
    .sort((a, b) => a.start - b.start || a.id - b.id);
}

/** The booking-time counterpart of findClassSlots' notice and window filter for one session. */
export function checkClassStart(
  start: Millis,
  now: Millis,
  rules: Pick<SlotRules, 'minHoursInAdvance' | 'maxDaysInAdvance'>,
): null | 'too_soon' | 'too_far' {
  const { earliest, latest } = bookableStarts(now, rules);
  if (start < earliest) return 'too_soon';
  return start > latest ? 'too_far' : null;
}
