// The admin's company actions after creation: list, update, delete (soft), and new credentials when
// an API key or client secret was lost or leaked. Credentials are stored only as hashes (and the
// API key sealed, for Acuity webhook signatures), so a new value is shown once, in the answer.
import { randomUUID } from 'node:crypto';
import { withSettingsDefaults, type CompanySettings } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import { hashSecret, randomToken } from '../../security/secrets.js';
import type { CompanyRow } from '../../store/schema.js';
import { inTransaction, type Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { companyView, getCompany, type CompanyView } from './get-company.js';

export interface CompanyPage { data: CompanyView[]; nextAfter: number | null }

/** Companies in id order, `limit` at a time after the id `after`; deleted ones only when asked for. */
export async function listCompanies(db: Tx, options: { limit: number; after?: number; includeDeleted?: boolean }): Promise<CompanyPage> {
  let query = db.selectFrom('companies').selectAll().orderBy('id').limit(options.limit + 1);
  if (options.after !== undefined) query = query.where('id', '>', options.after);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  return { data: page.map(companyView), nextAfter: rows.length > options.limit ? page[page.length - 1]!.id : null };
}

export interface CompanyUpdate { name?: string; timezone?: string; settings?: Partial<CompanySettings> }

/** Changes what is given; `settings` are merged into the current ones (a key left out keeps its value). */
export async function updateCompany(ctx: ServiceContext, id: number, update: CompanyUpdate): Promise<CompanyView> {
  if (update.timezone !== undefined && !isValidZone(update.timezone)) {
    throw new DomainError('invalid_input', { field: 'timezone', value: update.timezone, message: `timezone "${update.timezone}" is not an IANA time zone` });
  }
  if (update.name !== undefined && update.name.trim() === '') throw new DomainError('invalid_input', { field: 'name', message: 'name must not be empty' });
  return inTransaction(ctx.store, async (tx) => {
    const row = await liveCompany(tx, id);
    const settings = update.settings ? withSettingsDefaults({ ...JSON.parse(row.settings), ...update.settings }) : undefined;
    const changes = {
      ...(update.name !== undefined ? { name: update.name.trim() } : {}),
      ...(update.timezone !== undefined ? { timezone: update.timezone } : {}),
      ...(settings ? { settings: JSON.stringify(settings) } : {}),
      updated_at: ctx.now(),
    };
    await tx.updateTable('companies').set(changes).where('id', '=', id).execute();
    return companyView({ ...row, ...changes });
  });
}

/**
 * Soft delete: every booking, customer and log stays, but the company's API key, client id and
 * secret are replaced by values nobody knows and its live tokens are deleted, so each surface
 * answers 401 for them from this moment (the surfaces need not know about deletion at all).
 */
export async function deleteCompany(ctx: ServiceContext, id: number): Promise<CompanyView> {
  return inTransaction(ctx.store, async (tx) => {
    const row = await liveCompany(tx, id);
    const now = ctx.now();
    const unknown = randomToken(32);
    const changes = {
      api_key_hash: hashSecret(randomToken(32)), api_key_enc: ctx.secrets.seal(unknown),
      client_id: `deleted-${randomUUID()}`, client_secret_hash: hashSecret(randomToken(32)), deleted_at: now, updated_at: now,
      // The widget's /v3/public/* credentials are stored as they are (they ship to browsers), so
      // replacing them is what makes the old pair fail.
      public_key: `deleted-${randomToken(24)}`, public_client_id: `deleted-${randomUUID()}`,
    };
    await tx.updateTable('companies').set(changes).where('id', '=', id).execute();
    await revokeTokens(tx, id);
    await tx.deleteFrom('oauth_codes').where('company_id', '=', id).execute();
    await tx.deleteFrom('resource_feeds').where('company_id', '=', id).execute();
    // Its connected calendars stay connected but are no longer read.
    await tx.updateTable('external_calendars').set({ next_sync_at: Number.MAX_SAFE_INTEGER }).where('company_id', '=', id).execute();
    return companyView({ ...row, ...changes });
  });
}

/** A new API key; the old one stops working at once (and Acuity webhooks are signed with the new one). */
export async function rotateApiKey(ctx: ServiceContext, id: number): Promise<{ id: number; apiKey: string }> {
  const apiKey = randomToken(24);
  await inTransaction(ctx.store, async (tx) => {
    await liveCompany(tx, id);
    await tx.updateTable('companies').set({ api_key_hash: hashSecret(apiKey), api_key_enc: ctx.secrets.seal(apiKey), updated_at: ctx.now() }).where('id', '=', id).execute();
  });
  return { id, apiKey };
}

/**
 * A new client secret (the client id stays); the old secret stops working at once, and so do the
 * bearer tokens bought with it: a leaked secret may already have bought some.
 */
export async function rotateClientSecret(ctx: ServiceContext, id: number): Promise<{ id: number; clientId: string; clientSecret: string }> {
  const clientSecret = randomToken(32);
  const clientId = await inTransaction(ctx.store, async (tx) => {
    const row = await liveCompany(tx, id);
    await tx.updateTable('companies').set({ client_secret_hash: hashSecret(clientSecret), updated_at: ctx.now() }).where('id', '=', id).execute();
    await revokeTokens(tx, id);
    return row.client_id;
  });
  return { id, clientId, clientSecret };
}

async function revokeTokens(tx: Tx, companyId: number): Promise<void> {
  await tx.deleteFrom('access_tokens').where('company_id', '=', companyId).execute();
  await tx.deleteFrom('oauth_tokens').where('company_id', '=', companyId).execute();
}

/** The company, locked for the change on PostgreSQL; a deleted one is not found for changes. */
async function liveCompany(tx: Tx, id: number): Promise<CompanyRow> {
  const row = await getCompany(tx, id);
  if (row.deleted_at !== null) throw new DomainError('not_found', { message: `Company ${id} was deleted.` });
  return row;
}
