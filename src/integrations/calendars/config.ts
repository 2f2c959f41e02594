// Settings of the external-calendar sync, from the environment (each has a default that suits a
// single server; all are documented in docs/external-calendars.md).
import { positiveNumber } from '../../env-number.js';

export interface CalendarSyncConfig {
  /** OPENSLOT_CALENDAR_SYNC=off runs no sync loop in this process (another process reads the calendars). */
  enabled: boolean;
  /** Busy times are kept for this many days ahead. */
  windowDays: number;
  /** How often a calendar is read, unless it sets its own interval. */
  intervalMs: number;
  /** An availability request that finds a calendar last read longer ago than this asks for a refresh. */
  staleAfterMs: number;
  /** A read slower than this fails (and the last good busy times stay). */
  timeoutMs: number;
  /** How often the loop looks for due calendars (it is also woken when one becomes due here). */
  pollIntervalMs: number;
  /** After a failed read, the next try comes this much later, doubling with each failure in a row… */
  firstRetryMs: number;
  /** …up to this (or the calendar's interval if sooner). */
  retryMs: number;
  /** How long one process may hold a calendar before another may take it over. */
  leaseMs: number;
  maxBytes: number;
}

export function readCalendarConfig(env: NodeJS.ProcessEnv): CalendarSyncConfig {
  const positive = (name: string, fallback: number) => positiveNumber(env, name, fallback);
  const timeoutMs = positive('OPENSLOT_CALENDAR_TIMEOUT_MS', 15_000);
  return {
    enabled: (env.OPENSLOT_CALENDAR_SYNC ?? 'on') !== 'off',
    windowDays: Math.min(positive('OPENSLOT_CALENDAR_WINDOW_DAYS', 90), 730),
    intervalMs: positive('OPENSLOT_CALENDAR_INTERVAL_MS', 300_000),
    staleAfterMs: positive('OPENSLOT_CALENDAR_STALE_MS', 10_000),
    timeoutMs,
    pollIntervalMs: positive('OPENSLOT_CALENDAR_POLL_MS', 5_000),
    firstRetryMs: positive('OPENSLOT_CALENDAR_FIRST_RETRY_MS', 5_000),
    retryMs: positive('OPENSLOT_CALENDAR_RETRY_MS', 60_000),
    // Longer than any read can take, so a live process never loses a calendar it is still reading.
    leaseMs: timeoutMs * 2 + 5_000,
    maxBytes: positive('OPENSLOT_CALENDAR_MAX_BYTES', 10 * 1_048_576),
  };
}
