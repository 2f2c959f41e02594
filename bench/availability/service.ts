// The whole service call on the shared workload: `findAvailability` loading 50 resources and their
// bookings from SQLite and from PostgreSQL, then computing slots. Run: npx tsx bench/availability/service.ts
// PostgreSQL is used when BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers;
// the benchmark creates and drops its own database there.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SecretBox } from '../../src/security/secrets.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../src/services/context.js';
import { findAvailability } from '../../src/services/scheduling/find-availability.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { loadWorkload, type Workload } from './workload.js';
import { summarize } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 50);

async function seed(store: Store, w: Workload) {
  await migrate(store);
  const ctx: ServiceContext = { store, secrets: new SecretBox('bench'), now: () => w.now, random: Math.random };
  const company = await createCompany(ctx, {
    name: 'Bench', timezone: w.zone, settings: { maxDaysInAdvance: 365 },
    setup: {
      locations: [{ ref: 'main', name: 'Main', timezone: w.zone, primary: true }],
      resources: w.resources.map((r, i) => ({ ref: w.refs[i], name: w.refs[i], hours: r.hours as never })),
      services: [{ ref: 'svc', name: 'Visit', duration: w.rules.duration, interval: w.rules.interval, resources: w.refs, roundRobin: 'NONE' }],
    },
  });
  const R = company.refs;
  await store.db.transaction().execute(async (tx) => {
    for (const [i, r] of w.resources.entries()) {
      for (const a of r.appointments) {
        const { id } = await tx.insertInto('appointments').values({
          uid: randomUUID(), company_id: company.id, location_id: R.main.id, service_id: R.svc.id, customer_id: null, class_session_id: null,
          status: 'BK', confirmed: 0, start_at: a.start, end_at: a.end, padding_before: 0, padding_after: 0, expires_at: null,
          price_cents: 0, discount_cents: 0, addon_ids: '[]', label_ids: '[]', custom_fields: '{}', form_answers: '[]', notes: null,
          certificate: null, timezone: null, round_robin: 'NONE', round_robin_reason: null, rescheduled_from_id: null, rescheduled_to_id: null,
          cancel_note: null, no_show: 0, created_at: w.now, updated_at: w.now,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('appointment_resources').values({ appointment_id: id, resource_id: R[w.refs[i]].id, busy_start: a.start, busy_end: a.end, live: 1, exclusive: 1, expires_at: null }).execute();
      }
    }
  });
  return { ctx, company };
}

async function measure(label: string, store: Store, w: Workload) {
  const { ctx, company } = await seed(store, w);
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
