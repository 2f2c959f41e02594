// The calendar sync loop: a background task in each server process that claims due calendars,
// reads them, and stores their busy times. It never runs inside a request; a request that wants
// fresher data marks calendars due and wakes the loop (wake()) instead of waiting for it. All
// state is in the database, so any number of processes can run the loop at once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServiceContext } from '../../services/context.js';
import { claimDueCalendars, type ClaimedCalendar } from './claim-calendars.js';
import type { CalendarSyncConfig } from './config.js';
import { readCalendar } from './read-calendar.js';
import { recordSync } from './record-sync.js';
import { outboundHttp } from '../../services/outbound-url.js';

const BATCH = 10;
/** Reads in flight per process: a hung calendar holds one slot until its timeout, never the whole loop. */
const MAX_IN_FLIGHT = 20;

export interface SyncLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CalendarSync {
  /** One pass over every due calendar, waiting for the reads it starts; returns how many it started. Tests call it. */
  runOnce(): Promise<number>;
  /** Starts polling every config.pollIntervalMs. */
  start(): void;
  /** Runs a pass soon (now, or right after the pass in progress). */
  wake(): void;
  /** Stops polling and aborts reads in flight (their leases run out; the calendars are read again later). */
  stop(): Promise<void>;
  readonly staleAfterMs: number;
  readonly workerId: string;
}

export function createCalendarSync(ctx: ServiceContext, config: CalendarSyncConfig, log: SyncLogger): CalendarSync {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<number> | null = null;
  let started = false;
  let wokenDuringPass = false;
  /** Set when due calendars had to wait for a free slot: the next finished read starts another pass. */
  let backlog = false;
  const inFlight = new Set<Promise<void>>();

  async function syncOne(calendar: ClaimedCalendar): Promise<void> {
    const outcome = await readCalendar(calendar, ctx.now(), { secrets: ctx.secrets, config, stop: stopping.signal, http: outboundHttp(ctx).fetch });
    if (stopping.signal.aborted) return; // an aborted read is not the calendar's fault: leave the lease to run out
    const written = await recordSync(ctx.store, calendar, outcome, ctx.now(), config);
    if (!outcome.ok) log.warn({ calendarId: calendar.id, resourceId: calendar.resource_id, error: outcome.error }, 'external calendar read failed; its last good busy times stay');
    if (!written) log.warn({ calendarId: calendar.id }, 'external calendar claim lost; result discarded');
  }

  /** Claims what fits in the free slots and starts reading; the reads run on their own. */
  async function startDueReads(): Promise<Promise<void>[]> {
    const room = Math.min(BATCH, MAX_IN_FLIGHT - inFlight.size);
    if (stopping.signal.aborted) return [];
    if (room <= 0) { backlog = true; return []; }
    const claimed = await claimDueCalendars(ctx.store, workerId, ctx.now(), config.leaseMs, room);
    if (claimed.length === room && room < BATCH) backlog = true;
    return claimed.map((calendar) => {
      const read: Promise<void> = syncOne(calendar)
        .catch((error: unknown) => log.error({ err: error, calendarId: calendar.id }, 'could not record a calendar read; its lease will expire and it will be read again'))
        .finally(() => {
          inFlight.delete(read);
          if (backlog) { backlog = false; wake(); }
        });
      inFlight.add(read);
      return read;
    });
  }

  async function runPass(waitForReads: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const reads = await startDueReads();
      total += reads.length;
      if (waitForReads) await Promise.all(reads);
      if (reads.length < BATCH) return total;
    }
  }

  function schedule(delay: number): void {
    if (stopping.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      wokenDuringPass = false;
      pass = runPass(false);
      pass.catch((error: unknown) => { log.error({ err: error }, 'calendar sync pass failed'); return 0; })
        .then(() => { pass = null; schedule(wokenDuringPass ? 0 : config.pollIntervalMs); });
    }, delay);
    timer.unref();
  }

  function wake(): void {
    if (!started) return;
    if (pass) wokenDuringPass = true;
    else schedule(0);
  }

  return {
    workerId,
    staleAfterMs: config.staleAfterMs,
    runOnce: () => runPass(true),
    start: () => { started = true; schedule(0); },
    wake,
    stop: async () => {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await pass?.catch(() => undefined);
      await Promise.all(inFlight); // aborted reads end at once; their leases run out and another pass reads them
    },
  };
}
