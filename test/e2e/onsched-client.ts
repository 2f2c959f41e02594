// A small OnSched client for the end-to-end suites: a real server per backend, companies made
// through the admin API, and calls that authenticate the way an OnSched integration does.
import { DateTime } from 'luxon';
import type { RunningApp } from '../../src/app.js';
import type { CompanyDocument } from '../../src/services/setup/document.js';
import type { TestBackend } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';

/** An answer; `data` is what the v3 envelope `{success: true, data}` carries (undefined on errors). */
export type Reply = Awaited<ReturnType<typeof api>> & { data: any };

export interface Company {
  id: number; uid: string; apiKey: string; clientId: string; clientSecret: string; publicKey: string; publicClientId: string;
  refs: Record<string, { id: number; uid: string }>;
}

export interface OnSched {
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, extra?: Record<string, string>): Promise<Reply>;
}

export async function startServer(backend: TestBackend): Promise<RunningApp> {
  return startTestServer(await backend.create());
}

export async function createCompany(app: RunningApp, doc: CompanyDocument): Promise<Company> {
  const r = await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
  if (r.status !== 201) throw new Error(`company not created: ${r.status} ${r.text}`);
  return r.json;
}

/** A bearer token from the client-credentials grant, sent as a form like most OAuth clients do. */
export async function accessToken(app: RunningApp, company: Company): Promise<string> {
  const r = await api(app.url, 'POST', '/v3/oauth/token', { form: { grant_type: 'client_credentials', client_id: company.clientId, client_secret: company.clientSecret } });
  if (r.status !== 200) throw new Error(`no token: ${r.status} ${r.text}`);
  return r.json.access_token;
}

export function onsched(app: RunningApp, headers: Record<string, string>): OnSched {
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Reply> => {
    const r = await api(app.url, method, `/v3${path}`, { body, headers: { ...headers, ...extra } });
    return { ...r, data: r.json?.success === true ? r.json.data : undefined };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body, extra) => call('POST', path, body ?? {}, extra),
    put: (path, body, extra) => call('PUT', path, body ?? {}, extra),
    del: (path, extra) => call('DELETE', path, undefined, extra),
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Local wall time of an ISO instant in a zone, "HH:MM". */
export const wallTime = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

export interface AvailableTime { start_time: string; end_time: string; ResourceIds: string[]; LocationId: string }

/** The resources offered at a start (every availableTimes entry with that start). */
export const offeredAt = (r: Reply, start: string): string[] =>
  (r.json?.data?.availableTimes as AvailableTime[] ?? []).filter((t) => Date.parse(t.start_time) === Date.parse(start)).flatMap((t) => t.ResourceIds).sort();

export const sorted = (...ids: string[]) => [...ids].sort();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
