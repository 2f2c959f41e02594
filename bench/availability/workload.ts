// The shared availability workload (bench/availability-50x10k.json, copied from
// /work/shared/bench), turned into the core's vocabulary so any benchmark or test can reuse it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Millis, ResourceCalendar, SlotRules, TimeRange, Weekday } from '../../src/core/types.js';

interface WorkloadFile {
  name: string;
  timezone: string;
  now: string;
  service: { duration: number; interval: number; paddingBefore: number; paddingAfter: number; minHoursInAdvance: number };
  resources: { ref: string; hours: Partial<Record<Weekday, TimeRange[]>> }[];
  bookings: { resource: string; start: string; end: string }[];
  query: { from: string; to: string };
  expect: { slotStartsWithAnyResourceFree: string[] };
}

export interface Workload {
  name: string;
  zone: string;
  now: Millis;
  from: Millis;
  to: Millis;
  rules: SlotRules;
  /** Resource ids are the position in the file, from 1; refs are kept beside them. */
  resources: ResourceCalendar[];
  refs: string[];
  expectedStarts: Millis[];
}

export const WORKLOAD_PATH = fileURLToPath(new URL('../availability-50x10k.json', import.meta.url));

export function loadWorkload(path: string = WORKLOAD_PATH): Workload {
  const file = JSON.parse(readFileSync(path, 'utf8')) as WorkloadFile;
  const ids = new Map(file.resources.map((r, i) => [r.ref, i + 1]));
  const resources: ResourceCalendar[] = file.resources.map((r, i) => ({
    id: i + 1,
    zone: file.timezone,
    hours: r.hours,
    overrides: [],
    capacity: 1,
    appointments: [],
    blocks: [],
  }));
  for (const booking of file.bookings) {
    const id = ids.get(booking.resource);
    if (id === undefined) throw new Error(`Booking for unknown resource ${booking.resource}`);
    resources[id - 1].appointments.push({ start: Date.parse(booking.start), end: Date.parse(booking.end), paddingBefore: 0, paddingAfter: 0 });
  }
  return {
    name: file.name,
    zone: file.timezone,
    now: Date.parse(file.now),
    from: Date.parse(file.query.from),
    to: Date.parse(file.query.to),
    rules: {
      ...file.service,
      // The file sets no booking window and promises nothing is cut off; the company default of
      // 60 days from `now` would end it on 2027-01-30, inside the query.
      maxDaysInAdvance: 365,
    },
    resources,
    refs: file.resources.map((r) => r.ref),
    expectedStarts: file.expect.slotStartsWithAnyResourceFree.map((s) => Date.parse(s)),
  };
}
