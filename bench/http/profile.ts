// Where a request's time goes: `npx tsx bench/http/profile.ts day|holds|month [seconds]` seeds the
// workload into a temporary SQLite file, starts the server with --cpu-prof, sends only that request
// for a while, and prints the heaviest functions (self time) and the share of each part of the code.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/database.js';
import { seedWorkload } from '../availability/seed.js';
import { loadWorkload } from '../availability/workload.js';
import { buildFixture } from './fixture.js';
import { load, serialMedian } from './load.js';
import { spawnServer } from './spawn.js';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number; startTime: number }

const kind = process.argv[2] ?? 'day';
const seconds = Number(process.argv[3] ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'openslot-profile-'));
const w = loadWorkload();
const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
const store = openStore(databaseUrl);
const { company } = await seedWorkload(store, w);
await store.close();
const f = buildFixture(w, company);
process.env.BENCH_PROFILE = dir;
const app = await spawnServer('app', { DATABASE_URL: databaseUrl });
const urls = [app.url];
// Start-up (module loading, schema compilation) is not a request's cost: warm up, then count only
// the samples of the measured stretch.
await load({ urls, path: f.dayPath, headers: f.headers, seconds: 1 });
const began = performance.now();
if (kind === 'day') await load({ urls, path: f.dayPath, headers: f.headers, seconds });
else if (kind === 'holds') await load({ urls, path: f.holdPath, method: 'POST', headers: f.headers, body: f.nextHold, seconds });
else await serialMedian(app.url + f.monthPath, f.headers, 10 * seconds);
const loadMicros = (performance.now() - began) * 1000;
await app.stop();

// tsx's module loader runs in a worker thread with a profile of its own; the server is the biggest.
const profiles = readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')).map((n) => readFileSync(join(dir, n), 'utf8'));
const profile = JSON.parse(profiles.sort((a, b) => b.length - a.length)[0]) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let at = profile.startTime;
const stoppedAt = profile.endTime;
let total = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i];
  if (at < stoppedAt - loadMicros - 50_000) return;
  self.set(id, (self.get(id) ?? 0) + 1);
  total++;
});
const part = (url: string, name: string) => {
  if (name === '(idle)') return 'idle';
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)' || !url) return 'native / program';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node internals';
  const s = /\/src\/(.*)/.exec(url);
  return s ? `src/${s[1].split('/').slice(0, 2).join('/')}` : url;
};
const parts = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, n] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const p = part(url, functionName);
  parts.set(p, (parts.get(p) ?? 0) + n);
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + n);
}
// Inclusive time of our own functions: a sample counts once for every distinct src/ function on its stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, n] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url } = byId.get(at)!.callFrame;
    if (!url.includes('/src/') || !functionName) continue;
    const key = `${functionName} ${url.replace(/^.*\/src\//, 'src/')}`;
    if (!seen.has(key)) { seen.add(key); inclusive.set(key, (inclusive.get(key) ?? 0) + n); }
  }
}
const busy = total - (parts.get('idle') ?? 0);
const top = (m: Map<string, number>, k: number) => [...m].filter(([key]) => key !== 'idle').sort((a, b) => b[1] - a[1]).slice(0, k)
  .map(([key, n]) => `${(100 * n / busy).toFixed(1).padStart(5)} %  ${key}`).join('\n');
console.log(`${kind}: ${busy} busy samples of ${total} (${(100 * busy / total).toFixed(0)} % busy)\n\nby part:\n${top(parts, 20)}\n\nby function (self):\n${top(functions, 30)}\n\nour functions (inclusive):\n${top(inclusive, 30)}`);
