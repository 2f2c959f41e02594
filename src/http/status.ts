// HTTP status for each kind of domain error; every surface renders the body its own way.
import type { DomainErrorKind } from '../core/errors.js';

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  /** Well formed, but a rule refuses it (too soon, too far ahead, a limit reached). */
  refused: 422,
};

/** Fastify's own client errors (bad JSON, body too large, unsupported media type) keep their 4xx. */
export function frameworkClientStatus(error: unknown): number | null {
  const status = (error as { statusCode?: number }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** Seconds a client is told to wait (Retry-After) after a 503. */
export const RETRY_AFTER_SECONDS = 2;
export const BUSY_MESSAGE = 'The service is busy; nothing was changed. Retry shortly.';

// PostgreSQL SQLSTATEs that mean "not now" rather than "never": lock_not_available (lock_timeout),
// query_canceled (statement_timeout), idle_in_transaction_session_timeout, serialization_failure,
// deadlock_detected, admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, a
// database not accepting connections (55000) or gone (3D000), and any connection_exception (08xxx); SQLite's busy; and a connection that could not be made or was lost.
const RETRYABLE_CODES = new Set(['55P03', '57014', '25P03', '40001', '40P01', '57P01', '57P02', '57P03', '53300', '55000', '3D000', 'SQLITE_BUSY', 'ECONNREFUSED', 'ECONNRESET']);
const RETRYABLE_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error)/;

/** A database failure that a retry a moment later may not meet: a 503 with Retry-After, never a 500. */
export function isTemporaryDatabaseFailure(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (RETRYABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && RETRYABLE_MESSAGES.test(message);
}
