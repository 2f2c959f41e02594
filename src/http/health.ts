// /health is readiness: 200 only while the database answers a trivial query within a short timeout,
// 503 otherwise, so a load balancer stops sending traffic to a process that lost its database. The
// answer is cached for a moment so a busy balancer's probes cost one query a second at most.
// /health/live is liveness: the process is up and serving HTTP, whatever the database does.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../store/database.js';

export interface HealthOptions {
  /** How long the database may take to answer `select 1` before it counts as down. */
  timeoutMs: number;
  /** How long one answer is reused. */
  cacheMs: number;
}

type Verdict = { ok: true } | { ok: false; reason: string };

function databaseProbe(store: Store, { timeoutMs, cacheMs }: HealthOptions): () => Promise<Verdict> {
  let last: { at: number; verdict: Verdict } | null = null;
  let inFlight: Promise<Verdict> | null = null;
  const probe = async (): Promise<Verdict> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); });
    try {
      await Promise.race([sql`select 1`.execute(store.db), timeout]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };
  return async () => {
    if (last && Date.now() - last.at < cacheMs) return last.verdict;
    inFlight ??= probe().then((verdict) => { last = { at: Date.now(), verdict }; inFlight = null; return verdict; });
    return inFlight;
  };
}

export function registerHealthRoutes(app: FastifyInstance, store: Store, options: HealthOptions): void {
  const check = databaseProbe(store, options);
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const verdict = await check();
    if (verdict.ok) return { status: 'ok' };
    return reply.code(503).header('retry-after', '1').send({ status: 'unavailable', database: verdict.reason });
  });
}
