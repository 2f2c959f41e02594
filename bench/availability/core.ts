// Pure-computation benchmark of findSlots on the shared 50-resource workload:
//   npx tsx bench/availability/core.ts [runs]
// Verifies the answer first (exit 1 when it differs), then times it.

import { findSlots } from '../../src/core/availability/index.js';
import { loadWorkload, type Workload } from './workload.js';

function query(w: Workload) {
  return findSlots({ now: w.now, from: w.from, to: w.to, rules: w.rules, resources: w.resources });
}

function verify(w: Workload): boolean {
  const got = query(w).map((s) => s.start);
  const want = w.expectedStarts;
  const same = got.length === want.length && got.every((start, i) => start === want[i]);
  if (!same) {
    const wanted = new Set(want);
    const gotSet = new Set(got);
    const extra = got.filter((s) => !wanted.has(s)).slice(0, 5).map((s) => new Date(s).toISOString());
    const missing = want.filter((s) => !gotSet.has(s)).slice(0, 5).map((s) => new Date(s).toISOString());
    console.error(`MISMATCH: got ${got.length} starts, expected ${want.length}; extra ${extra}; missing ${missing}`);
  }
  return same;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const runs = Number(process.argv[2] ?? 200);
const workload = loadWorkload();
if (!verify(workload)) process.exit(1);
console.log(`${workload.name}\nverified: ${workload.expectedStarts.length} slot starts match exactly`);

for (let i = 0; i < 50; i++) query(workload); // warm-up: JIT and the wall-clock memo
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  query(workload);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const fmt = (ms: number) => ms.toFixed(3);
console.log(`findSlots × ${runs} (Node ${process.version}): median ${fmt(percentile(times, 0.5))} ms, p95 ${fmt(percentile(times, 0.95))} ms, min ${fmt(times[0])} ms`);
