// OAuth2 client credentials: a company's client id and secret buy a bearer token that lasts an
// hour. Only the token's hash is stored, so a database dump cannot be replayed as credentials.
import { hashSecret, randomToken, secretMatches } from '../../security/secrets.js';
import type { ServiceContext } from '../context.js';

export const ACCESS_TOKEN_SECONDS = 3600;

export interface IssuedToken { accessToken: string; expiresIn: number; companyId: number }

/** A fresh token for the company with these client credentials, or null when they do not match. */
export async function issueAccessToken(ctx: ServiceContext, clientId: string, clientSecret: string): Promise<IssuedToken | null> {
  const db = ctx.store.db;
  const company = await db.selectFrom('companies').select(['id', 'client_secret_hash']).where('client_id', '=', clientId).executeTakeFirst();
  if (!company || !secretMatches(clientSecret, company.client_secret_hash)) return null;
  const now = ctx.now();
  const accessToken = randomToken(32);
  // Housekeeping while we are here: the company's lapsed tokens can never be used again.
  await db.deleteFrom('access_tokens').where('company_id', '=', company.id).where('expires_at', '<=', now).execute();
  await db.insertInto('access_tokens').values({ token_hash: hashSecret(accessToken), company_id: company.id, expires_at: now + ACCESS_TOKEN_SECONDS * 1000 }).execute();
  return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, companyId: company.id };
}

/** The company a live bearer token belongs to, or null. */
export async function companyForAccessToken(ctx: ServiceContext, token: string): Promise<number | null> {
  const row = await ctx.store.db.selectFrom('access_tokens').select(['company_id', 'expires_at'])
    .where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  return row && row.expires_at > ctx.now() ? row.company_id : null;
}

/** The company whose API key this is, or null. */
export async function companyForApiKey(ctx: ServiceContext, apiKey: string): Promise<number | null> {
  const row = await ctx.store.db.selectFrom('companies').select('id').where('api_key_hash', '=', hashSecret(apiKey)).executeTakeFirst();
  return row?.id ?? null;
}
