// Every v1 failure as RFC 7807 problem details, the shape OnSched's v1 (ASP.NET Core) host answers
// with: {type, title, status, detail, instance} plus, for bad input, `errors: {field: [messages]}`.
import type { FastifyError } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { STATUS_OF_KIND, frameworkClientStatus } from '../status.js';

export interface ProblemDetails {
  type: string; title: string; status: number; detail: string; instance: string | null;
  errors: Record<string, string[]>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 500: 'Internal Server Error',
};

export function problem(status: number, detail: string, instance: string | null = null, errors: Record<string, string[]> = {}): ProblemDetails {
  return { type: `https://httpstatuses.io/${status}`, title: TITLES[status] ?? (status < 500 ? 'Bad Request' : 'Internal Server Error'), status, detail, instance, errors };
}

/** Thrown by the v1 layer itself for what the domain has no word for (credentials, retired routes). */
export class V1Error extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) { super(message); }
}

interface AjvLike { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }

/** A validation error as "field": "message", the field spelled as the client sends it. */
function validationField(error: AjvLike, part: string | undefined): { field: string; message: string } {
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  const field = parts.reduce((p, s) => (/^\d+$/.test(s) ? `${p}[${s}]` : p ? `${p}.${s}` : s), '') || (part === 'body' ? 'body' : part ?? 'request');
  if (error.keyword === 'required') return { field, message: `${field} is required` };
  if (error.keyword === 'type' || error.keyword === 'anyOf') return { field, message: `${field} has the wrong type` };
  if (error.keyword === 'pattern' && /^(id|.*Id)$/.test(field)) return { field, message: `${field} must be an id (digits) or a v3 uid` };
  if (error.keyword === 'enum') return { field, message: `${field} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
  return { field, message: `${field} ${error.message ?? 'is invalid'}` };
}

export function renderProblem(error: unknown, instance: string): { status: number; body: ProblemDetails; ours: boolean } {
  if (error instanceof V1Error) {
    return { status: error.status, body: problem(error.status, error.message, instance, error.field ? { [error.field]: [error.message] } : {}), ours: false };
  }
  if (isDomainError(error)) {
    const status = STATUS_OF_KIND[error.kind];
    return { status, body: problem(status, error.message, instance, error.field ? { [error.field]: [error.message] } : {}), ours: false };
  }
  const validation = (error as FastifyError).validation as AjvLike[] | undefined;
  if (validation?.length) {
    const { field, message } = validationField(validation[0], (error as FastifyError).validationContext);
    return { status: 400, body: problem(400, message, instance, { [field]: [message] }), ours: false };
  }
  const status = frameworkClientStatus(error);
  if (status) return { status, body: problem(status, (error as Error).message, instance), ours: false };
  return { status: 500, body: problem(500, 'Internal server error.', instance), ours: true };
}
