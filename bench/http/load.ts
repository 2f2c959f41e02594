// Load generation with autocannon: a fixed duration against one or several server processes at
// once (10 connections in all), counting every non-2xx answer and error as a failure.
import autocannon from 'autocannon';

export interface LoadResult {
  perSecond: number; ok: number; failed: number;
  /** Server CPU microseconds per answered request (all processes), when the servers were given. */
  cpuPerRequest?: number;
}

export interface LoadSpec {
  urls: string[];
  path: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A fresh body for each request (holds on distinct slots). */
  body?: () => string;
  seconds: number;
  connections?: number;
  /** The server processes, to read their CPU time before and after. */
  servers?: Array<{ cpuMicros(): Promise<number> }>;
}

const cpuOf = async (servers: LoadSpec['servers']) => (await Promise.all((servers ?? []).map((s) => s.cpuMicros()))).reduce((a, b) => a + b, 0);

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const total = spec.connections ?? 10;
  const share = (i: number) => Math.floor(total / spec.urls.length) + (i < total % spec.urls.length ? 1 : 0);
  const cpuBefore = await cpuOf(spec.servers);
  const results = await Promise.all(spec.urls.map((url, i) => autocannon({
    url, connections: share(i), duration: spec.seconds,
    requests: [{
      method: spec.method ?? 'GET', path: spec.path, headers: spec.headers,
      ...(spec.body ? { setupRequest: (request: object) => ({ ...request, body: spec.body!() }) } : {}),
    }],
  })));
  let ok = 0, failed = 0, seconds = 0;
  for (const r of results) {
    ok += r['2xx'];
    failed += r.non2xx + r.errors + r.timeouts;
    seconds = Math.max(seconds, r.duration);
  }
  const cpu = spec.servers ? (await cpuOf(spec.servers)) - cpuBefore : undefined;
  return { perSecond: ok / seconds, ok, failed, cpuPerRequest: cpu === undefined ? undefined : cpu / Math.max(1, ok + failed) };
}

/** Serial requests: median milliseconds until the whole body has arrived. */
export async function serialMedian(url: string, headers: Record<string, string>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
