// OAuth2 authorization code for apps acting for an account, driven by the official client's own
// getAuthorizeUrl and requestAccessToken: consent (form or HTTP Basic), one-time codes bound to the
// app and redirect URI, and bearer tokens with scope api-v1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { Acuity, acuityClinic, caller, createCompany, nextWeekday, startServer, type Company } from './acuity-client.js';

const REDIRECT = 'https://app.example.com/callback';

describe('Acuity OAuth2', () => {
  let app: RunningApp;
  let developer: Company; // owns the app (its client id and secret)
  let account: Company;   // approves the app
  const basic = (c: Company) => `Basic ${Buffer.from(`${c.id}:${c.apiKey}`).toString('base64')}`;
  const client = (overrides: Partial<{ clientSecret: string; redirectUri: string }> = {}) =>
    Acuity.oauth({ clientId: developer.clientId, clientSecret: developer.clientSecret, redirectUri: REDIRECT, base: app.url, ...overrides });
  const token = (c: ReturnType<typeof client>, code: string) => new Promise<any>((resolve, reject) => c.requestAccessToken(code, (err, t) => (err ? reject(err) : resolve(t))));
  /** Follows the authorize URL as the approving account would, returning the redirect it answers with. */
  const authorize = async (url: string, headers: Record<string, string> = { authorization: basic(account) }) => {
    const r = await fetch(url, { headers, redirect: 'manual' });
    return { status: r.status, location: r.headers.get('location') ? new URL(r.headers.get('location')!) : null, text: await r.text() };
  };

  beforeAll(async () => {
    app = await startServer(sqliteBackend);
    developer = await createCompany(app, acuityClinic({ classDay: nextWeekday(4) }));
    account = await createCompany(app, { ...acuityClinic({ classDay: nextWeekday(4) }), name: 'Approving Account' });
  });
  afterAll(async () => { await app?.close(); await sqliteBackend.dropAll(); });

  it('trades a code for a bearer token that acts for the approving account, once', async () => {
    const c = client();
    const url = c.getAuthorizeUrl({ scope: 'api-v1', state: 'xyz' });
    expect(url.startsWith(`${app.url}/oauth2/authorize?`)).toBe(true);
    const redirect = await authorize(url);
    expect(redirect.status).toBe(302);
    expect(`${redirect.location!.origin}${redirect.location!.pathname}`).toBe(REDIRECT);
    expect(redirect.location!.searchParams.get('state')).toBe('xyz');
    const code = redirect.location!.searchParams.get('code')!;
    const issued = await token(c, code);
    expect(issued).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer', scope: 'api-v1' });
    expect(c.isConnected()).toBe(true);
    const me = await caller(c)('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: account.id, name: 'Approving Account' });
    expect(await token(client(), code)).toMatchObject({ error: 'invalid_grant' });
  });

  it('shows a consent form without credentials and approves through it', async () => {
    const url = client().getAuthorizeUrl({ scope: 'api-v1', state: 's1' });
    const form = await authorize(url, {});
    expect(form.status).toBe(200);
    expect(form.text).toContain('<form method="post"');
    const params = Object.fromEntries(new URL(url).searchParams);
    const denied = await fetch(`${app.url}/oauth2/authorize`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ ...params, user_id: String(account.id), api_key: 'wrong', decision: 'allow' }) });
    expect(denied.status).toBe(401);
    const approved = await fetch(`${app.url}/oauth2/authorize`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ ...params, user_id: String(account.id), api_key: account.apiKey, decision: 'allow' }) });
    expect(approved.status).toBe(302);
    const code = new URL(approved.headers.get('location')!).searchParams.get('code')!;
    expect((await token(client(), code)).access_token).toEqual(expect.any(String));
    const refused = await fetch(`${app.url}/oauth2/authorize`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ ...params, decision: 'deny' }) });
    expect(new URL(refused.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a wrong secret, another redirect URI, a wrong scope, and an unknown app', async () => {
    const code = async () => (await authorize(client().getAuthorizeUrl({ scope: 'api-v1' }))).location!.searchParams.get('code')!;
    expect(await token(client({ clientSecret: 'nope' }), await code())).toMatchObject({ error: 'invalid_client' });
    expect(await token(client({ redirectUri: 'https://evil.example.com/cb' }), await code())).toMatchObject({ error: 'invalid_grant' });
    const scoped = await authorize(client().getAuthorizeUrl({ scope: 'something-else' }));
    expect(scoped.location!.searchParams.get('error')).toBe('invalid_scope');
    const unknown = await authorize(Acuity.oauth({ clientId: 'nobody', clientSecret: 'x', redirectUri: REDIRECT, base: app.url }).getAuthorizeUrl({ scope: 'api-v1' }));
    expect(unknown.status).toBe(400);
    expect(unknown.location).toBeNull();
  });

  it('answers 401 to an unknown bearer token', async () => {
    const r = await caller(Acuity.oauth({ clientId: developer.clientId, clientSecret: '', redirectUri: REDIRECT, base: app.url, accessToken: 'made-up' }))('/me');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
  });
});
