// Configuration from the environment (12-factor); every value can also be given as a `serve` flag.
import { positiveNumber } from './env-number.js';
import { OperatorError } from './operator-error.js';
import { readCalendarConfig, type CalendarSyncConfig } from './integrations/calendars/config.js';
import { OutboundPolicy, parseCidrList } from './security/outbound/address-policy.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminToken: string | null;
  secretKey: string | null;
  /** How often expired holds are deleted, in milliseconds. */
  sweepIntervalMs: number;
  notifications: NotificationConfig;
  /** External calendars: the sync loop and its window (OPENSLOT_CALENDAR_*). */
  calendars: CalendarSyncConfig;
  /** OPENSLOT_OUTBOUND_ALLOW: ranges tenant-supplied URLs may reach besides public addresses. */
  outbound: OutboundPolicy;
  /** OPENSLOT_WEBHOOK_SOURCE_RANGES: what GET /api/v1/meta lists as the ranges webhooks come from. */
  webhookSourceRanges: string[];
  /** PostgreSQL session limits (OPENSLOT_PG_*_MS): one frozen process cannot hold the others hostage. */
  postgresTimeouts: PostgresTimeouts;
  /** /health: how long the database may take to answer, and how long an answer is reused. */
  health: { timeoutMs: number; cacheMs: number };
}

export interface PostgresTimeouts {
  /** Waiting for a row lock (another booking of the same resource) longer than this fails the request. */
  lockTimeoutMs: number;
  /** Any one statement running longer than this is cancelled. */
  statementTimeoutMs: number;
  /** A session idle inside an open transaction this long (a frozen process) is ended, its transaction rolled back. */
  idleInTransactionTimeoutMs: number;
}

export interface NotificationConfig {
  /** e.g. smtp://user:pass@host:587; null: emails are logged and recorded instead of sent. */
  smtpUrl: string | null;
  mailFrom: string;
  /** OPENSLOT_DISPATCH=off runs no dispatcher in this process (another process delivers). */
  dispatch: boolean;
  /** How often the dispatcher looks for due work. */
  pollIntervalMs: number;
  /** How long a claim lasts unless renewed (it is, every third of it, while the send is in flight). */
  leaseMs: number;
  /** A webhook receiver or SMTP server slower than this counts as a failed attempt. */
  sendTimeoutMs: number;
  /** The first retry waits about this long; each later one twice the one before, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this long since a delivery was created it is marked failed instead of retried. */
  giveUpAfterMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, flags: Record<string, string> = {}): Config {
  const pick = (flag: string, name: string) => flags[flag] ?? env[name];
  const port = Number(pick('port', 'PORT') ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OperatorError(`PORT must be a port number (got "${pick('port', 'PORT')}")`);
  return {
    port,
    host: pick('host', 'HOST') ?? '127.0.0.1',
    databaseUrl: pick('database-url', 'DATABASE_URL') ?? 'sqlite:./data/openslot.db',
    adminToken: pick('admin-token', 'OPENSLOT_ADMIN_TOKEN') || null,
    secretKey: pick('secret-key', 'OPENSLOT_SECRET_KEY') || null,
    sweepIntervalMs: positiveNumber(env, 'OPENSLOT_SWEEP_INTERVAL_MS', 30_000),
    notifications: readNotificationConfig(env, pick),
    calendars: readCalendarConfig(env),
    postgresTimeouts: {
      lockTimeoutMs: positiveNumber(env, 'OPENSLOT_PG_LOCK_TIMEOUT_MS', 3_000),
      statementTimeoutMs: positiveNumber(env, 'OPENSLOT_PG_STATEMENT_TIMEOUT_MS', 5_000),
      idleInTransactionTimeoutMs: positiveNumber(env, 'OPENSLOT_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS', 5_000),
    },
    health: { timeoutMs: positiveNumber(env, 'OPENSLOT_HEALTH_TIMEOUT_MS', 2_000), cacheMs: positiveNumber(env, 'OPENSLOT_HEALTH_CACHE_MS', 1_000) },
    outbound: new OutboundPolicy(pick('outbound-allow', 'OPENSLOT_OUTBOUND_ALLOW') ?? ''),
    webhookSourceRanges: parseCidrList(env.OPENSLOT_WEBHOOK_SOURCE_RANGES ?? '', 'OPENSLOT_WEBHOOK_SOURCE_RANGES').map((r) => r.text),
  };
}

function readNotificationConfig(env: NodeJS.ProcessEnv, pick: (flag: string, name: string) => string | undefined): NotificationConfig {
  const millis = (name: string, fallback: number) => positiveNumber(env, name, fallback);
  const sendTimeoutMs = millis('OPENSLOT_SEND_TIMEOUT_MS', 10_000);
  return {
    smtpUrl: pick('smtp-url', 'SMTP_URL') || null,
    mailFrom: pick('mail-from', 'OPENSLOT_MAIL_FROM') || 'OpenSlot <no-reply@localhost>',
    dispatch: (env.OPENSLOT_DISPATCH ?? 'on') !== 'off',
    pollIntervalMs: millis('OPENSLOT_DISPATCH_INTERVAL_MS', 1_000),
    // Short, so a crashed process's deliveries are taken over within seconds; the dispatcher renews
    // it while a send is in flight, so it need not outlast the send timeout.
    leaseMs: millis('OPENSLOT_DISPATCH_LEASE_MS', 10_000),
    sendTimeoutMs,
    retryBaseMs: millis('OPENSLOT_RETRY_BASE_MS', 5_000),
    retryMaxMs: millis('OPENSLOT_RETRY_MAX_MS', 3_600_000),
    giveUpAfterMs: millis('OPENSLOT_DELIVERY_GIVE_UP_MS', 86_400_000),
  };
}
