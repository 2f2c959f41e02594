// OAuth2 authorization-code grant for apps acting for a company (Acuity's /oauth2 flow). An app is
// identified by a company's client id and secret (the developer's own account); the company that
// approves proves itself with its numeric id and API key. Codes live ten minutes and work once;
// tokens do not expire (as Acuity's do not) and are stored only as hashes.
import { hashSecret, randomToken, secretMatches } from '../../security/secrets.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../../store/transaction.js';

export const CODE_SECONDS = 600;

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope' | 'access_denied';

/** An RFC 6749 error: the code goes on the wire as `error`, the message as `error_description`. */
export class OAuthError extends Error {
  constructor(readonly code: OAuthErrorCode, message: string) {
    super(message);
    this.name = 'OAuthError';
  }
}

export interface OAuthApp { clientId: string; ownerCompanyId: number; ownerName: string }

/** The app registered under this client id, or null. */
export async function findApp(ctx: ServiceContext, clientId: string): Promise<OAuthApp | null> {
  const row = await ctx.store.db.selectFrom('companies').select(['id', 'name', 'client_id']).where('client_id', '=', clientId).executeTakeFirst();
  return row ? { clientId: row.client_id, ownerCompanyId: row.id, ownerName: row.name } : null;
}

/** The company whose numeric id and API key these are, or null. */
export async function companyForIdAndKey(ctx: ServiceContext, companyId: number, apiKey: string): Promise<number | null> {
  if (!Number.isSafeInteger(companyId) || companyId <= 0) return null;
  const row = await ctx.store.db.selectFrom('companies').select(['id', 'api_key_hash']).where('id', '=', companyId).executeTakeFirst();
  return row && secretMatches(apiKey, row.api_key_hash) ? row.id : null;
}

export interface Grant { companyId: number; clientId: string; redirectUri: string; scope: string }

/** A fresh one-time code that lets the app act for `companyId` with `scope`. */
export async function grantAuthorizationCode(ctx: ServiceContext, grant: Grant): Promise<string> {
  const code = randomToken(24);
  await ctx.store.db.insertInto('oauth_codes').values({
    code_hash: hashSecret(code), company_id: grant.companyId, client_id: grant.clientId, redirect_uri: grant.redirectUri,
    scope: grant.scope, expires_at: ctx.now() + CODE_SECONDS * 1000, used: 0,
  }).execute();
  return code;
}

export interface TokenRequest { code: string; clientId: string; clientSecret: string; redirectUri: string }
export interface IssuedToken { accessToken: string; scope: string; companyId: number }

/** Exchanges a code for a token, once; the app must present its secret and the same redirect URI. */
export async function exchangeAuthorizationCode(ctx: ServiceContext, req: TokenRequest): Promise<IssuedToken> {
  const app = await ctx.store.db.selectFrom('companies').select(['client_secret_hash']).where('client_id', '=', req.clientId).executeTakeFirst();
  if (!app || !secretMatches(req.clientSecret, app.client_secret_hash)) throw new OAuthError('invalid_client', 'Unknown client or wrong client secret.');
  return inTransaction(ctx.store, async (tx) => {
    const now = ctx.now();
    // Claiming the code and checking it are one statement, so two exchanges of one code cannot both win.
    const claimed = await tx.updateTable('oauth_codes').set({ used: 1 })
      .where('code_hash', '=', hashSecret(req.code)).where('used', '=', 0).where('expires_at', '>', now)
      .returning(['company_id', 'client_id', 'redirect_uri', 'scope']).executeTakeFirst();
    if (!claimed || claimed.client_id !== req.clientId || claimed.redirect_uri !== req.redirectUri) {
      throw new OAuthError('invalid_grant', 'The authorization code is invalid, expired, already used, or was issued to another client or redirect URI.');
    }
    const accessToken = randomToken(32);
    await tx.insertInto('oauth_tokens').values({
      token_hash: hashSecret(accessToken), company_id: claimed.company_id, client_id: claimed.client_id, scope: claimed.scope, created_at: now,
    }).execute();
    await tx.deleteFrom('oauth_codes').where('expires_at', '<=', now).execute();
    return { accessToken, scope: claimed.scope, companyId: claimed.company_id };
  });
}

/** The company and scopes of a bearer token, or null. */
export async function authenticateBearer(ctx: ServiceContext, token: string): Promise<{ companyId: number; scopes: string[] } | null> {
  const row = await ctx.store.db.selectFrom('oauth_tokens').select(['company_id', 'scope']).where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  return row ? { companyId: row.company_id, scopes: row.scope.split(/\s+/).filter(Boolean) } : null;
}
