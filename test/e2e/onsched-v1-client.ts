// A v1 OnSched client for the end-to-end suites: a token from /connect/token, calls as a v1
// integration makes them, and a check that a body matches the view model written in this repo.
import { Ajv } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { expect } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { api } from '../support/server.js';
import type { Company } from './onsched-client.js';

type Reply = Awaited<ReturnType<typeof api>>;

export interface V1 {
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export async function v1Token(app: RunningApp, company: Company): Promise<string> {
  const r = await api(app.url, 'POST', '/connect/token', { form: { grant_type: 'client_credentials', client_id: company.clientId, client_secret: company.clientSecret, scope: 'OnSchedApi' } });
  if (r.status !== 200) throw new Error(`no token: ${r.status} ${r.text}`);
  return r.json.access_token;
}

export function v1(app: RunningApp, headers: Record<string, string>): V1 {
  const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    api(app.url, method, path, { body, headers: { ...headers, ...extra } });
  return {
    get: (path) => call('GET', path),
    post: (path, body, extra) => call('POST', path, body ?? {}, extra),
    put: (path, body, extra) => call('PUT', path, body ?? {}, extra),
    del: (path, extra) => call('DELETE', path, undefined, extra),
  };
}

const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();

/** The reply is a 200 whose body has every property the view model declares, each of its type or null. */
export function expectModel(r: Reply, schema: TSchema): void {
  expect(r.status, r.text).toBe(200);
  let validate = compiled.get(schema);
  if (!validate) { validate = ajv.compile(schema); compiled.set(schema, validate); }
  const ok = validate(r.json);
  expect(ok ? [] : validate.errors, `${schema.title}: ${r.text.slice(0, 300)}`).toEqual([]);
}

/** A v1 error: problem details with the status, a detail, and (for bad input) the field. */
export function expectProblem(r: Reply, status: number, field?: string): void {
  expect(r.status, r.text).toBe(status);
  expect(r.json).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), errors: expect.any(Object) });
  if (field !== undefined) expect(Object.keys(r.json.errors), r.text).toContain(field);
}
