// The dispatcher: a background loop in each server process that expands committed events and due
// reminders into deliveries and sends what is due. It never runs inside a request, and all its state
// is in the database, so any number of processes can run it at once and a restart resumes the work.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { NotificationConfig } from '../../config.js';
import type { ServiceContext } from '../../services/context.js';
import type { NotificationDeliveryRow } from '../../store/schema-notify.js';
import { createMailer, type Mailer } from '../email/mailer.js';
import type { RetryPolicy } from './backoff.js';
import { claimDueDeliveries, renewLeases } from './claim-deliveries.js';
import { expandDueReminders, expandPendingEvents } from './expand-pending.js';
import type { Logger } from './logger.js';
import { recordOutcome } from './record-outcome.js';
import { sendDelivery } from './send-delivery.js';
import { outboundHttp } from '../../services/outbound-url.js';
import { sealClearWebhookHeaders } from '../../services/notifications/webhook-headers.js';

const BATCH = 20;
/** Sends in flight per process: one hung receiver holds one slot, never the whole queue. */
const MAX_IN_FLIGHT = 50;

export interface Dispatcher {
  /** One pass over everything due, waiting for the sends it starts; returns how many rows it handled. Tests call it. */
  runOnce(): Promise<number>;
  /** Starts polling every config.pollIntervalMs. */
  start(): void;
  /** Stops polling, aborts sends in flight (they are retried later) and waits for the pass to end. */
  stop(): Promise<void>;
  readonly workerId: string;
}

export function createDispatcher(ctx: ServiceContext, config: NotificationConfig, log: Logger, mailer?: Mailer): Dispatcher {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const policy: RetryPolicy = { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, giveUpAfterMs: config.giveUpAfterMs };
  const mail = mailer ?? createMailer(config.smtpUrl, config.sendTimeoutMs, log);
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<number> | null = null;
  const inFlight = new Set<Promise<void>>();
  /** Delivery ids being sent now, whose leases the renewal keeps alive. */
  const sending = new Map<Promise<void>, number>();
  let renewal: NodeJS.Timeout | null = null;

  // While anything is in flight, its leases are extended every third of a lease: a slow receiver
  // never loses its delivery to another process, and a killed process stops renewing at once.
  function keepLeases(): void {
    if (renewal || sending.size === 0) return;
    renewal = setInterval(() => {
      if (sending.size === 0) { clearInterval(renewal!); renewal = null; return; }
      renewLeases(ctx.store, workerId, [...sending.values()], ctx.now(), config.leaseMs)
        .catch((error: unknown) => log.error({ err: error }, 'could not renew delivery leases; will try again'));
    }, Math.max(Math.floor(config.leaseMs / 3), 10));
    renewal.unref();
  }

  async function attempt(delivery: NotificationDeliveryRow): Promise<void> {
    const outcome = await sendDelivery(delivery, {
      store: ctx.store, secrets: ctx.secrets, mailer: mail, sendTimeoutMs: config.sendTimeoutMs, stop: stopping.signal, http: outboundHttp(ctx).fetch,
    });
    const result = await recordOutcome(ctx.store, delivery, outcome, ctx.now(), policy, ctx.random);
    // The id, not the target: a webhook URL is often a credential (see the delivery log for it).
    if (!outcome.ok) log.warn({ deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts, error: outcome.error, result }, 'delivery attempt failed');
  }

  /** Claims what fits in the free send slots and starts sending; the sends run on their own. */
  async function startDueSends(): Promise<Promise<void>[]> {
    const room = Math.min(BATCH, MAX_IN_FLIGHT - inFlight.size);
    if (stopping.signal.aborted || room <= 0) return [];
    const claimed = await claimDueDeliveries(ctx.store, workerId, ctx.now(), config.leaseMs, room);
    return claimed.map((delivery) => {
      const send = attempt(delivery)
        .catch((error: unknown) => log.error({ err: error, deliveryId: delivery.id }, 'could not record a delivery attempt; its lease will expire and it will be retried'))
        .finally(() => { inFlight.delete(send); sending.delete(send); });
      inFlight.add(send);
      sending.set(send, delivery.id);
      keepLeases();
      return send;
    });
  }

  let headersSealed = false;
  async function runPass(waitForSends: boolean): Promise<number> {
    if (!headersSealed) {
      // Once per process: webhook headers an earlier version stored in the clear get sealed.
      await sealClearWebhookHeaders(ctx.store.db, ctx.secrets)
        .then(() => { headersSealed = true; }, (error: unknown) => log.error({ err: error }, 'could not seal stored webhook headers; will try again'));
    }
    const opts = { mailFrom: config.mailFrom, policy, now: ctx.now(), secrets: ctx.secrets, random: ctx.random };
    const expanded = await expandPendingEvents(ctx.store, opts, BATCH, log) + await expandDueReminders(ctx.store, opts, BATCH, log);
    const sends = await startDueSends();
    if (waitForSends) await Promise.all(sends);
    return expanded + sends.length;
  }
  const runOnce = () => runPass(true);

  function schedule(delay: number): void {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      pass = runPass(false);
      pass.then(
        (handled) => schedule(handled > 0 ? 0 : config.pollIntervalMs), // more may be waiting: go again at once
        (error: unknown) => { log.error({ err: error }, 'dispatcher pass failed'); schedule(config.pollIntervalMs); },
      );
    }, delay);
    timer.unref();
  }

  return {
    workerId,
    runOnce,
    start: () => schedule(0),
    stop: async () => {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await pass?.catch(() => undefined);
      await Promise.all(inFlight); // aborted sends end at once and are recorded as failed attempts
      if (renewal) clearInterval(renewal);
      mail.close();
    },
  };
}
