// npm run bench:http — OpenSlot over HTTP beside the bare framework, in one run, on a temporary SQLite
// file loaded with the shared workload, then on PostgreSQL with three server processes when it answers.
// Exits 1 below the targets of bench/README.md. ROUNDS (default 2) and SECONDS (default 4) per load.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/database.js';
import { seedWorkload } from '../availability/seed.js';
import { loadWorkload, type Workload } from '../availability/workload.js';
import { availableStarts, buildFixture, type Fixture } from './fixture.js';
import { load, serialMedian, type LoadResult } from './load.js';
import { coreMedian, serviceMedian } from './measure.js';
import { spawnServer, type ServerProcess } from './spawn.js';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const SECONDS = Number(process.env.SECONDS ?? 4);
const MONTH_RUNS = Number(process.env.MONTH_RUNS ?? 20);

interface Round { bare: LoadResult; day: LoadResult; holds: LoadResult }
interface BackendFigures { rounds: Round[]; monthMs: number; serviceMs: number; coreMs: number }

const w = loadWorkload();
const failures: string[] = [];
const fmt = (x: number, digits = 0) => x.toFixed(digits);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const range = (xs: number[], show: (x: number) => string) => {
  const lo = Math.min(...xs), hi = Math.max(...xs);
  return lo === hi ? show(lo) : `${show(lo)}–${show(hi)}`;
};
const cpu = (r: LoadResult) => `${fmt(r.cpuPerRequest ?? NaN)} µs`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function checkMonth(url: string, f: Fixture, label: string) {
  const response = await fetch(url + f.monthPath, { headers: f.headers });
  const starts = availableStarts(await response.json());
  const want = w.expectedStarts;
  if (!response.ok || starts.length !== want.length || starts.some((s, i) => s !== want[i])) {
    throw new Error(`${label}: the month answer differs from the workload's ${want.length} starts (HTTP ${response.status}, ${starts.length} starts)`);
  }
}

async function measureBackend(label: string, databaseUrl: string, processes: number): Promise<BackendFigures> {
  const store = openStore(databaseUrl);
  const { ctx, company } = await seedWorkload(store, w);
  const fixture = buildFixture(w, company);
  const bare = await spawnServer('bare');
  const apps: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) apps.push(await spawnServer('app', { DATABASE_URL: databaseUrl }));
    const urls = apps.map((a) => a.url);
    await checkMonth(urls[0], fixture, label);
    const coreMs = await coreMedian(w);
    const serviceMs = await serviceMedian(ctx, company.id, company.refs.svc.id, w);
    const monthMs = await serialMedian(urls[0] + fixture.monthPath, fixture.headers, MONTH_RUNS);
    // Warm-up: JIT, statement caches, connection pools.
    await load({ urls: [bare.url], path: '/bare', headers: {}, seconds: 1 });
    await load({ urls, path: fixture.dayPath, headers: fixture.headers, seconds: 1 });
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b = await load({ urls: [bare.url], servers: [bare], path: '/bare', headers: {}, seconds: SECONDS });
      const day = await load({ urls, servers: apps, path: fixture.dayPath, headers: fixture.headers, seconds: SECONDS });
      const holds = await load({ urls, servers: apps, path: fixture.holdPath, method: 'POST', headers: fixture.headers, body: fixture.nextHold, seconds: SECONDS });
      rounds.push({ bare: b, day, holds });
      console.log(`${label} round ${i + 1}: bare ${fmt(b.perSecond)}/s, one-day availability ${fmt(day.perSecond)}/s (${pct(day.perSecond / b.perSecond)}), ` +
        `holds ${fmt(holds.perSecond)}/s (${pct(holds.perSecond / b.perSecond)}); server CPU per request: bare ${cpu(b)}, day ${cpu(day)}, hold ${cpu(holds)}`);
      if (day.failed) failures.push(`${label}: ${day.failed} one-day availability requests failed`);
      if (holds.failed) failures.push(`${label}: ${holds.failed} holds failed (every hold is on a free slot and must succeed)`);
    }
    await checkMonth(urls[0], fixture, label);
    const held = await store.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'IN').executeTakeFirstOrThrow();
    const acknowledged = rounds.reduce((n, r) => n + r.holds.ok, 0);
    // Requests still in flight when a timed load ends are answered after autocannon stops counting.
    if (Number(held.n) < acknowledged || Number(held.n) > fixture.holdsIssued()) {
      failures.push(`${label}: ${acknowledged} holds answered 2xx and ${fixture.holdsIssued()} sent, but ${held.n} are stored`);
    }
    console.log(`${label}: month over HTTP ${fmt(monthMs, 1)} ms median (${fmt(monthMs / coreMs, 1)} × core), service call ${fmt(serviceMs, 1)} ms ` +
      `(${fmt(serviceMs / coreMs, 1)} × core), core ${fmt(coreMs, 2)} ms`);
    return { rounds, monthMs, serviceMs, coreMs };
  } finally {
    for (const app of apps) await app.stop();
    await bare.stop();
    await store.close();
  }
}

function judge(sqlite: BackendFigures, postgres: BackendFigures | null) {
  const day = mean(sqlite.rounds.map((r) => r.day.perSecond / r.bare.perSecond));
  const holds = mean(sqlite.rounds.map((r) => r.holds.perSecond / r.bare.perSecond));
  const target = (ok: boolean, what: string) => { console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };
  target(day >= 0.25, `one-day availability ${pct(day)} of bare (target ≥ 25 %)`);
  target(holds >= 0.10, `holds ${pct(holds)} of bare (target ≥ 10 %)`);
  target(sqlite.monthMs <= 5 * sqlite.coreMs, `month over HTTP ${fmt(sqlite.monthMs / sqlite.coreMs, 1)} × core (target ≤ 5 ×)`);
  target(sqlite.serviceMs <= 3 * sqlite.coreMs, `service call ${fmt(sqlite.serviceMs / sqlite.coreMs, 1)} × core (target ≤ 3 ×)`);
  if (postgres) {
    const pgHolds = mean(postgres.rounds.map((r) => r.holds.perSecond));
    const sqliteHolds = mean(sqlite.rounds.map((r) => r.holds.perSecond));
    target(pgHolds * 2 >= sqliteHolds, `PostgreSQL holds (3 processes) ${fmt(pgHolds)}/s vs SQLite ${fmt(sqliteHolds)}/s (target within 2 ×)`);
  }
}

function table(label: string, f: BackendFigures) {
  const per = (pick: (r: Round) => LoadResult) => range(f.rounds.map((r) => pick(r).perSecond), (x) => fmt(x));
  const share = (pick: (r: Round) => LoadResult) => range(f.rounds.map((r) => pick(r).perSecond / r.bare.perSecond), pct);
  const cpuOf = (pick: (r: Round) => LoadResult) => range(f.rounds.map((r) => pick(r).cpuPerRequest ?? NaN), (x) => `${fmt(x)} µs`);
  console.log(`\n${label}\n| request | per second | share of bare | server CPU per request |\n|---|---|---|---|`);
  console.log(`| bare Fastify route | ${per((r) => r.bare)} | 100 % | ${cpuOf((r) => r.bare)} |`);
  console.log(`| one day, one resource: GET /v3/availability | ${per((r) => r.day)} | ${share((r) => r.day)} | ${cpuOf((r) => r.day)} |`);
  console.log(`| hold on a free slot: POST /v3/appointment/hold | ${per((r) => r.holds)} | ${share((r) => r.holds)} | ${cpuOf((r) => r.holds)} |`);
  console.log(`| month, 50 resources, serial | ${fmt(f.monthMs, 1)} ms | ${fmt(f.monthMs / f.coreMs, 1)} × core (${fmt(f.coreMs, 2)} ms) | |`);
  console.log(`| the same month, service call | ${fmt(f.serviceMs, 1)} ms | ${fmt(f.serviceMs / f.coreMs, 1)} × core | |`);
}

async function postgresFigures(): Promise<BackendFigures | null> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try { await admin.connect(); } catch { console.log(`PostgreSQL: skipped (nothing answers at ${adminUrl})`); return null; }
  const name = `openslot_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl); url.pathname = `/${name}`;
  try { return await measureBackend('PostgreSQL, 3 processes', url.toString(), 3); } finally {
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

console.log(`${new Date().toISOString()} Node ${process.version}; ${ROUNDS} rounds of ${SECONDS} s, 10 connections`);
const sqlite = await measureBackend('SQLite, 1 process', `sqlite:${join(mkdtempSync(join(tmpdir(), 'openslot-bench-http-')), 'bench.db')}`, 1);
const postgres = process.env.BENCH_POSTGRES === 'off' ? null : await postgresFigures();
table('SQLite, 1 process', sqlite);
if (postgres) table('PostgreSQL, 3 processes', postgres);
console.log('');
judge(sqlite, postgres);
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
