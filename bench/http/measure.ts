// The in-process references the HTTP figures are set beside: the core computation of the month and
// the service call (store and core, no HTTP), each a median over many runs.
import { findSlots } from '../../src/core/availability/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import type { Workload } from '../availability/workload.js';

async function median(runs: number, warmup: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const coreMedian = (w: Workload) =>
  median(200, 50, () => findSlots({ now: w.now, from: w.from, to: w.to, rules: w.rules, resources: w.resources }));

export const serviceMedian = (ctx: ServiceContext, companyId: number, serviceId: number, w: Workload) =>
  median(40, 5, () => findAvailability(ctx, companyId, { serviceKey: serviceId, from: w.from, to: w.to, roundRobin: 'NONE' }));
