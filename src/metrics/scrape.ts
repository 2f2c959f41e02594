// What /metrics answers: the process's counters plus gauges read from this app's store at scrape
// time (outbox depth, database pool), so a scrape costs two small queries and nothing in between.
import { Gauge, Registry } from 'prom-client';
import type { Store } from '../store/database.js';
import { processRegistry } from './counters.js';

export interface MetricsScrape { contentType: string; render(): Promise<string> }

export function createMetricsScrape(store: Store): MetricsScrape {
  const registry = new Registry();
  new Gauge({
    name: 'openslot_outbox_depth', help: 'Notification work not yet done: events not yet expanded, deliveries pending or being sent.',
    labelNames: ['queue'] as const, registers: [registry],
    async collect() {
      const events = await store.db.selectFrom('notification_events').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expanded_at', 'is', null).where('failed_at', 'is', null).executeTakeFirst();
      const pending = await store.db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'sending']).executeTakeFirst();
      this.set({ queue: 'events' }, Number(events?.n ?? 0));
      this.set({ queue: 'deliveries' }, Number(pending?.n ?? 0));
    },
  });
  new Gauge({
    name: 'openslot_db_pool_in_use', help: 'Database connections checked out of the pool (PostgreSQL; 0 on SQLite).', registers: [registry],
    collect() { this.set(store.poolStats?.().inUse ?? 0); },
  });
  new Gauge({
    name: 'openslot_db_pool_waiting', help: 'Requests waiting for a database connection (PostgreSQL; 0 on SQLite).', registers: [registry],
    collect() { this.set(store.poolStats?.().waiting ?? 0); },
  });
  return {
    contentType: processRegistry.contentType,
    render: async () => `${await processRegistry.metrics()}\n${await registry.metrics()}`,
  };
}
