// HTTP status for each kind of domain error; every surface renders the body its own way.
import type { DomainErrorKind } from '../core/errors.js';

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unprocessable: 422,
};

/** Fastify's own client errors (bad JSON, body too large, unsupported media type) keep their 4xx. */
export function frameworkClientStatus(error: unknown): number | null {
  const status = (error as { statusCode?: number }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}
