// What the HTTP benchmark sends: the seeded company's ids, the one-day query, the month query, and a
// supply of distinct free hold slots, each [start, start + duration) on one resource, none overlapping
// another or any booking, all after the month so the month's answer stays the workload's 682 starts.
import { findSlots } from '../../src/core/availability/index.js';
import type { Workload } from '../availability/workload.js';

export interface Seeded { apiKey: string; refs: Record<string, { id: number; uid: string }> }

export interface Fixture {
  headers: Record<string, string>;
  /** One resource (the first), one local day. */
  dayPath: string;
  /** All 50 resources, the workload's 30 days. */
  monthPath: string;
  holdPath: string;
  /** The next hold body; each call returns a different free slot. */
  nextHold(): string;
  /** How many hold bodies were handed out. */
  holdsIssued(): number;
}

const HOLD_FROM = Date.parse('2027-02-03T05:00:00Z');
const HOLD_TO = Date.parse('2027-11-01T04:00:00Z');

/** Free starts of every resource, greedily non-overlapping per resource, in time order. */
export function freeHoldSlots(w: Workload): Array<{ resource: number; start: number }> {
  const span = w.rules.duration * 60_000;
  const nextFree = new Map<number, number>();
  const out: Array<{ resource: number; start: number }> = [];
  for (const slot of findSlots({ now: w.now, from: HOLD_FROM, to: HOLD_TO, rules: { ...w.rules, maxDaysInAdvance: 400 }, resources: w.resources })) {
    for (const resource of slot.resourceIds) {
      if (slot.start < (nextFree.get(resource) ?? 0)) continue;
      nextFree.set(resource, slot.start + span);
      out.push({ resource, start: slot.start });
    }
  }
  return out;
}

export function buildFixture(w: Workload, seeded: Seeded): Fixture {
  const uidOf = (resource: number) => seeded.refs[w.refs[resource - 1]].uid;
  const service = seeded.refs.svc.uid;
  const slots = freeHoldSlots(w);
  let next = 0;
  const day = new URLSearchParams({ ServiceId: service, ResourceIds: uidOf(1), startDate: '2027-01-05', endDate: '2027-01-05' });
  const month = new URLSearchParams({ ServiceId: service, startDate: new Date(w.from).toISOString(), endDate: new Date(w.to).toISOString() });
  return {
    headers: { 'x-api-key': seeded.apiKey, 'content-type': 'application/json' },
    dayPath: `/v3/availability?${day}`,
    monthPath: `/v3/availability?${month}`,
    holdPath: '/v3/appointment/hold',
    nextHold: () => {
      const slot = slots[next++];
      if (!slot) throw new Error('the benchmark ran out of free hold slots');
      return JSON.stringify({ ServiceId: service, ResourceIds: [uidOf(slot.resource)], Unavailability: { startTime: new Date(slot.start).toISOString() } });
    },
    holdsIssued: () => next,
  };
}

/** Availability bodies before and after the /v3 envelope: `{success, data}` or the data itself. */
export function availableStarts(body: unknown): number[] {
  const r = body as { data?: { availableTimes: Array<{ start_time: string }> }; availableTimes?: Array<{ start_time: string }> };
  const times = (r.data ?? r).availableTimes ?? [];
  return [...new Set(times.map((t) => Date.parse(t.start_time)))].sort((a, b) => a - b);
}
