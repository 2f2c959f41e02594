// A real OpenSlot server on a free port, started the way `openslot serve` starts it.
import { startApp, type RunningApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * Test receivers and feeds run on loopback, so the server may reach 127.0.0.0/8 unless the test says
 * otherwise (the SSRF tests pass OPENSLOT_OUTBOUND_ALLOW: '' to run as a shared host would).
 */
export async function startTestServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const config = readConfig({ OPENSLOT_OUTBOUND_ALLOW: '127.0.0.0/8', ...env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', OPENSLOT_ADMIN_TOKEN: TEST_ADMIN_TOKEN, OPENSLOT_SECRET_KEY: 'test-secret-key' });
  return startApp(config);
}

export async function api(base: string, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  let body: string | undefined;
  if (opts.form) { body = new URLSearchParams(opts.form).toString(); headers['content-type'] = 'application/x-www-form-urlencoded'; }
  else if (opts.body !== undefined) { body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body); headers['content-type'] = 'application/json'; }
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, json, text, headers: response.headers };
}

export const adminHeaders = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
