// CPU per request inside one process (Fastify inject, no sockets), and the month as a service call:
// `npx tsx bench/http/cpu-per-request.ts` prints one JSON line. Run it alternately in two checkouts
// (before and after a change) to compare them under the same machine load; bench/README.md shows how.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/database.js';
import { seedWorkload } from '../availability/seed.js';
import { loadWorkload } from '../availability/workload.js';
import { buildServer } from '../../src/http/server.js';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { buildFixture } from './fixture.js';

const w = loadWorkload();
const store = openStore(process.env.AB_DB ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'ab-')), 'b.db')}`);
const { ctx, company } = await seedWorkload(store, w);
const f = buildFixture(w, company);
const app = await buildServer({ services: { ...ctx, now: Date.now }, adminTokenHash: 'x' });
const out: Record<string, number> = {};
async function time(label: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(50, n); i++) await fn();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const d = process.cpuUsage(c);
  out[label] = Math.round((d.user + d.system) / n);
}
await time('health', 1000, () => app.inject({ url: '/health' }));
await time('day', 1000, () => app.inject({ url: f.dayPath, headers: f.headers }));
await time('hold', 500, () => app.inject({ method: 'POST', url: f.holdPath, headers: f.headers, payload: f.nextHold() }));
await time('month', 20, () => app.inject({ url: f.monthPath, headers: f.headers }));
await time('monthService', 20, () => findAvailability(ctx, company.id, { serviceKey: company.refs.svc.id, from: w.from, to: w.to, roundRobin: 'NONE' }));
console.log(JSON.stringify(out));
await app.close(); await store.close();
