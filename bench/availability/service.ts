// The whole service call on the shared workload: `findAvailability` loading 50 resources and their
// bookings from SQLite and from PostgreSQL, then computing slots. Run: npx tsx bench/availability/service.ts
// PostgreSQL is used when BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers;
// the benchmark creates and drops its own database there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { openStore, type Store } from '../../src/store/database.js';
import { seedWorkload } from './seed.js';
import { loadWorkload, type Workload } from './workload.js';
import { summarize } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 50);

async function measure(label: string, store: Store, w: Workload) {
  const { ctx, company } = await seedWorkload(store, w);
  const query = () => findAvailability(ctx, company.id, { serviceKey: company.refs.svc.id, from: w.from, to: w.to, roundRobin: 'NONE' });
  const starts = (await query()).slots.map((s) => s.start);
  if (JSON.stringify(starts) !== JSON.stringify(w.expectedStarts)) throw new Error(`${label}: slots differ from the workload's expect (${starts.length} vs ${w.expectedStarts.length})`);
  for (let i = 0; i < 5; i++) await query();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await query();
    times.push(performance.now() - t);
  }
  console.log(`${label}: ${starts.length} starts match; ${summarize(times)} over ${RUNS} runs`);
}

const w = loadWorkload();
const sqlite = openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'openslot-bench-')), 'bench.db')}`);
try { await measure('service call, SQLite', sqlite, w); } finally { await sqlite.close(); }

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: adminUrl });
try { await admin.connect(); } catch { console.log(`service call, PostgreSQL: skipped (nothing answers at ${adminUrl})`); process.exit(0); }
const name = `openslot_bench_${process.pid}`;
await admin.query(`create database ${name}`);
const url = new URL(adminUrl); url.pathname = `/${name}`;
const postgres = openStore(url.toString());
try { await measure('service call, PostgreSQL', postgres, w); } finally {
  await postgres.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
