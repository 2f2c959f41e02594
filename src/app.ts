// Starting and stopping a whole OpenSlot process: store, migrations, secrets, HTTP server, sweeper.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { resolveAdminToken } from './admin-token.js';
import { buildServer } from './http/server.js';
import { createCalendarSync, type CalendarSync } from './integrations/calendars/sync-loop.js';
import { createDispatcher, type Dispatcher } from './integrations/dispatch/dispatcher.js';
import { loadOrCreateSecretKey } from './security/secret-key-file.js';
import { SecretBox, randomToken } from './security/secrets.js';
import { createGuardedHttp } from './security/outbound/guarded-fetch.js';
import { deleteExpiredHolds } from './services/appointments/expire-holds.js';
import type { ServiceContext } from './services/context.js';
import { migrate } from './store/migrate.js';
import { NO_POSTGRES_TIMEOUTS, isPostgresUrl, openStore, type Store } from './store/database.js';
import { ensurePostgresDatabase } from './store/ensure-database.js';

export interface RunningApp {
  server: FastifyInstance;
  url: string;
  services: ServiceContext;
  /** The notification dispatcher of this process, null when OPENSLOT_DISPATCH=off. */
  dispatcher: Dispatcher | null;
  /** The external-calendar sync loop of this process, null when OPENSLOT_CALENDAR_SYNC=off. */
  calendarSync: CalendarSync | null;
  /** Set when this start generated the admin token (it is stored only as a hash). */
  generatedAdminToken: string | null;
  close(): Promise<void>;
}

export async function prepareStore(config: Config): Promise<Store> {
  const url = config.databaseUrl;
  if (!isPostgresUrl(url)) {
    const store = openStore(url);
    await migrate(store);
    return store;
  }
  if (await ensurePostgresDatabase(url)) console.log(`Created PostgreSQL database ${new URL(url).pathname.slice(1)}.`);
  // Migrations may wait for another process's (advisory lock) and build indexes: no request
  // timeouts for them, so they get a pool of their own.
  const migrating = openStore(url, { poolSize: 2, timeouts: NO_POSTGRES_TIMEOUTS });
  try { await migrate(migrating); } finally { await migrating.close(); }
  return openStore(url, { timeouts: config.postgresTimeouts });
}

function secretKey(config: Config, store: Store): string {
  if (config.secretKey) return config.secretKey;
  if (store.dialect === 'sqlite' && store.dataDir === null) return randomToken(32); // in-memory: nothing outlives the process
  return loadOrCreateSecretKey(store.dataDir ?? './data');
}

export async function startApp(config: Config, { logger = false } = {}): Promise<RunningApp> {
  const store = await prepareStore(config);
  const services: ServiceContext = {
    store, secrets: new SecretBox(secretKey(config, store)), now: Date.now, random: Math.random, outbound: createGuardedHttp(config.outbound),
  };
  const admin = await resolveAdminToken(store, config.adminToken);
  const server = await buildServer({ services, adminTokenHash: admin.hash, logger, health: config.health, webhookSourceRanges: config.webhookSourceRanges });
  const url = await server.listen({ port: config.port, host: config.host });
  const sweeper = setInterval(() => {
    deleteExpiredHolds(store.db, Date.now()).catch((error) => server.log.error(error, 'hold sweep failed'));
  }, config.sweepIntervalMs);
  sweeper.unref();
  // Notifications are sent from this background loop, never from a request.
  const dispatcher = config.notifications.dispatch ? createDispatcher(services, config.notifications, server.log) : null;
  dispatcher?.start();
  // External calendars are read in this background loop; availability only wakes it.
  const calendarSync = config.calendars.enabled ? createCalendarSync(services, config.calendars, server.log) : null;
  if (calendarSync) services.calendarSync = calendarSync;
  calendarSync?.start();
  return {
    server, url, services, dispatcher, calendarSync, generatedAdminToken: admin.generated,
    close: async () => {
      clearInterval(sweeper);
      await calendarSync?.stop();
      await dispatcher?.stop();
      await server.close();
      await services.outbound?.close();
      await store.close();
    },
  };
}
