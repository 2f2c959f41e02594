// Acuity's OAuth2 authorization-code flow, served at /oauth2 (outside /api/v1, where the official
// client looks for it). GET /oauth2/authorize shows a consent form (or, with HTTP Basic credentials
// of the approving account, approves at once) and redirects back with a one-time code;
// POST /oauth2/token trades the code, the app's client id and secret and the same redirect URI for
// a bearer token with scope api-v1.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import {
  OAuthError, companyForIdAndKey, exchangeAuthorizationCode, findApp, grantAuthorizationCode, type OAuthApp,
} from '../../services/oauth/authorization-code.js';
import { API_SCOPE } from './auth.js';
import { isHttpUrl } from '../../core/absolute-url.js';

interface AuthorizeParams { response_type?: string; client_id?: string; redirect_uri?: string; scope?: string; state?: string }

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** OAuth redirect URIs must be absolute http(s) URLs without a fragment (RFC 6749 §3.1.2). */
const isRedirectUri = (value: string): boolean => isHttpUrl(value) && new URL(value).hash === '';

function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>) {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') url.searchParams.set(key, value);
  return reply.redirect(url.toString(), 302);
}

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

function consentForm(reply: FastifyReply, app: OAuthApp, p: AuthorizeParams, status = 200, problem = '') {
  const hidden = (['response_type', 'client_id', 'redirect_uri', 'scope', 'state'] as const)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k] ?? '')}">`).join('');
  return page(reply, status, 'Authorize access', `
    <p><strong>${escapeHtml(app.ownerName)}</strong> wants to use your scheduling account through the API (scope ${escapeHtml(API_SCOPE)}).</p>
    ${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
    <form method="post" action="authorize">${hidden}
      <label>User ID <input name="user_id" inputmode="numeric" required></label>
      <label>API key <input name="api_key" type="password" required></label>
      <button name="decision" value="allow">Allow</button> <button name="decision" value="deny" formnovalidate>Deny</button>
    </form>`);
}

export const acuityOAuthPlugin: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  /** Checks what can be checked before any redirect: an unknown app or a bad redirect URI gets a page, never a redirect. */
  const authorizeRequest = async (p: AuthorizeParams, reply: FastifyReply): Promise<OAuthApp | null> => {
    const client = p.client_id ? await findApp(services, p.client_id) : null;
    if (!client) { await page(reply, 400, 'Unknown application', '<p>The client_id does not name an application.</p>'); return null; }
    if (!p.redirect_uri || !isRedirectUri(p.redirect_uri)) { await page(reply, 400, 'Invalid redirect URI', '<p>redirect_uri must be an absolute http(s) URL.</p>'); return null; }
    if (p.response_type !== 'code') { await redirectWith(reply, p.redirect_uri, { error: 'unsupported_response_type', state: p.state }); return null; }
    if (!(p.scope ?? '').split(/\s+/).includes(API_SCOPE)) { await redirectWith(reply, p.redirect_uri, { error: 'invalid_scope', state: p.state }); return null; }
    return client;
  };
  const approve = async (reply: FastifyReply, companyId: number, client: OAuthApp, p: AuthorizeParams) => {
    const code = await grantAuthorizationCode(services, { companyId, clientId: client.clientId, redirectUri: p.redirect_uri!, scope: API_SCOPE });
    return redirectWith(reply, p.redirect_uri!, { code, state: p.state });
  };
  const params = (source: unknown): AuthorizeParams => {
    const s = (source ?? {}) as Record<string, unknown>;
    return { response_type: text(s.response_type), client_id: text(s.client_id), redirect_uri: text(s.redirect_uri), scope: text(s.scope), state: text(s.state) };
  };

  app.get('/authorize', { schema: { hide: true } }, async (request, reply) => {
    const p = params(request.query);
    const client = await authorizeRequest(p, reply);
    if (!client) return reply;
    const basic = basicCredentials(request);
    const companyId = basic ? await companyForIdAndKey(services, basic.user, basic.key) : null;
    return companyId === null ? consentForm(reply, client, p) : approve(reply, companyId, client, p);
  });

  app.post('/authorize', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const p = params(form);
    const client = await authorizeRequest(p, reply);
    if (!client) return reply;
    if (text(form.decision) === 'deny') return redirectWith(reply, p.redirect_uri!, { error: 'access_denied', state: p.state });
    const user = text(form.user_id).trim();
    const companyId = /^\d{1,15}$/.test(user) ? await companyForIdAndKey(services, Number(user), text(form.api_key)) : null;
    return companyId === null ? consentForm(reply, client, p, 401, 'The user ID or API key is wrong.') : approve(reply, companyId, client, p);
  });

  app.post('/token', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const basic = basicCredentials(request);
    try {
      if (text(form.grant_type) !== 'authorization_code') throw new OAuthError('unsupported_grant_type', 'Only grant_type=authorization_code is supported.');
      const code = text(form.code);
      if (!code) throw new OAuthError('invalid_request', 'code is required.');
      const issued = await exchangeAuthorizationCode(services, {
        code, redirectUri: text(form.redirect_uri),
        clientId: text(form.client_id) || (basic ? String(basic.rawUser) : ''), clientSecret: text(form.client_secret) || basic?.key || '',
      });
      return reply.header('cache-control', 'no-store').send({ access_token: issued.accessToken, token_type: 'Bearer', scope: issued.scope });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return reply.code(error.code === 'invalid_client' ? 401 : 400).header('cache-control', 'no-store')
        .send({ error: error.code, error_description: error.message });
    }
  });
};

function basicCredentials(request: FastifyRequest): { user: number; rawUser: string; key: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const rawUser = decoded.slice(0, colon);
  return { user: /^\d{1,15}$/.test(rawUser) ? Number(rawUser) : NaN, rawUser, key: decoded.slice(colon + 1) };
}
