// Every failure on /v3 in OnSched's shape: {success: false, statusCode, name, message, errors: [{field, message}]}
// (a superset of the documented body and of what OnSched's central error handler emits).
import type { FastifyError } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { BUSY_MESSAGE, STATUS_OF_KIND, frameworkClientStatus, isTemporaryDatabaseFailure } from '../status.js';
import { describeValidationError } from './validation.js';

export interface FieldError { field: string; message: string }
export interface OnschedErrorBody { success: false; statusCode: number; name: string; message: string; errors: FieldError[] }

const NAMES: Record<number, string> = {
  400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 422: 'UnprocessableEntityError',
  413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError', 500: 'InternalServerError', 503: 'ServiceUnavailableError',
};

export function errorBody(statusCode: number, message: string, errors: FieldError[] = []): OnschedErrorBody {
  return { success: false, statusCode, name: NAMES[statusCode] ?? (statusCode < 500 ? 'BadRequestError' : 'InternalServerError'), message, errors };
}

/** Thrown by the surface itself for what the domain has no word for (missing credentials). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly errors: FieldError[] = []) { super(message); }
}

/** The status and body for anything a route or Fastify threw; `ours` marks a server fault worth logging. */
export function renderError(error: unknown): { statusCode: number; body: OnschedErrorBody; ours: boolean } {
  if (error instanceof HttpError) return { statusCode: error.statusCode, body: errorBody(error.statusCode, error.message, error.errors), ours: false };
  if (isDomainError(error)) {
    const statusCode = STATUS_OF_KIND[error.kind];
    const errors = error.field ? [{ field: error.field, message: error.message }] : [];
    return { statusCode, body: errorBody(statusCode, error.message, errors), ours: false };
  }
  const validation = (error as FastifyError).validation;
  if (validation?.length) {
    const { field, message } = describeValidationError(validation[0] as Parameters<typeof describeValidationError>[0]);
    const summary = validation[0].keyword === 'required' ? `Missing required parameter: ${field}` : message;
    return { statusCode: 400, body: errorBody(400, summary, [{ field, message }]), ours: false };
  }
  const status = frameworkClientStatus(error);
  if (status) {
    // Fastify's own 400s are about the body as a whole (malformed JSON, empty JSON body).
    const message = (error as Error).message;
    return { statusCode: status, body: errorBody(status, message, status === 400 ? [{ field: 'body', message }] : []), ours: false };
  }
  if (isTemporaryDatabaseFailure(error)) return { statusCode: 503, body: errorBody(503, BUSY_MESSAGE), ours: false };
  return { statusCode: 500, body: errorBody(500, 'Internal server error.'), ours: true };
}
