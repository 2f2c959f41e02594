// OnSched-surface webhooks: a URL, extra headers, the triggers it wants and whether it is active,
// for one location or (without a location) for all of them. Each gets its own signing secret,
// shown to the company with the webhook, sealed at rest because the server needs it to sign. The
// extra headers are sealed too and only ever shown by name (see webhook-headers.ts).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import { randomToken } from '../../security/secrets.js';
import type { LocationWebhookRow } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { isHttpUrl } from '../../core/absolute-url.js';
import { checkOutboundUrl } from '../outbound-url.js';
import { openHeaders, redactHeaders, sealHeaders } from './webhook-headers.js';

/** OnSched v3's triggers, exactly. */
export const LOCATION_WEBHOOK_TRIGGERS = ['NEW_APPOINTMENT', 'APPOINTMENT_CONFIRMED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_REMINDER'] as const;
export type LocationWebhookTrigger = (typeof LOCATION_WEBHOOK_TRIGGERS)[number];
export const MAX_LOCATION_WEBHOOKS = 25;
/** Headers the server sets itself; a subscriber may not replace them. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'x-openslot-signature', 'transfer-encoding', 'connection']);

export interface LocationWebhookInput { url: string; headers?: Record<string, string>; triggers?: string[]; active?: boolean }

export interface LocationWebhookView {
  id: string; locationId: string | null; url: string;
  /** Header names, each with the value "[redacted]": the values are sent, never shown. */
  headers: Record<string, string>; triggers: string[]; active: boolean;
  /** Verifies x-openslot-signature (see docs/notifications.md). */
  secret: string; createdAt: number; updatedAt: number;
}

export async function listLocationWebhooks(ctx: ServiceContext, companyId: number, locationKey?: Key): Promise<LocationWebhookView[]> {
  const db = ctx.store.db;
  let query = db.selectFrom('location_webhooks').selectAll().where('company_id', '=', companyId);
  if (locationKey !== undefined) query = query.where('location_id', '=', (await findOwned(db, 'locations', companyId, locationKey, 'Location', 'locationId')).id);
  return views(ctx, db, await query.orderBy('id').execute());
}

/** Creates the webhook; posting the same URL for the same location again updates that one instead. */
export async function saveLocationWebhook(ctx: ServiceContext, companyId: number, locationKey: Key | undefined, input: LocationWebhookInput, idempotency?: Idempotency): Promise<LocationWebhookView> {
  const clean = checkInput(input);
  await checkOutboundUrl(ctx, clean.url, 'url');
  return runAction(ctx, companyId, idempotency, async (tx) => saveInTx(ctx, tx, companyId, await locationIdOf(tx, companyId, locationKey), clean));
}

/** OnSched's setWebhooks: the location's webhooks become exactly these (a URL kept keeps its id and secret). */
export async function setLocationWebhooks(ctx: ServiceContext, companyId: number, locationKey: Key | undefined, inputs: LocationWebhookInput[], idempotency?: Idempotency): Promise<LocationWebhookView[]> {
  const clean = inputs.map((input, i) => {
    try { return checkInput(input); } catch (error) {
      if (error instanceof DomainError && error.field) throw new DomainError('invalid_input', { field: `[${i}].${error.field}`, message: error.message, value: error.value });
      throw error;
    }
  });
  for (const [i, c] of clean.entries()) await checkOutboundUrl(ctx, c.url, `[${i}].url`);
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const locationId = await locationIdOf(tx, companyId, locationKey);
    const urls = clean.map((c) => c.url);
    let gone = tx.deleteFrom('location_webhooks').where('company_id', '=', companyId)
      .where(locationId === null ? (w) => w('location_id', 'is', null) : (w) => w('location_id', '=', locationId));
    if (urls.length) gone = gone.where('url', 'not in', urls);
    await gone.execute();
    const saved: LocationWebhookView[] = [];
    for (const c of clean) saved.push(await saveInTx(ctx, tx, companyId, locationId, c));
    return saved;
  });
}

async function locationIdOf(tx: Tx, companyId: number, locationKey: Key | undefined): Promise<number | null> {
  return locationKey === undefined ? null : (await findOwned(tx, 'locations', companyId, locationKey, 'Location', 'locationId')).id;
}

async function saveInTx(ctx: ServiceContext, tx: Tx, companyId: number, locationId: number | null, clean: Required<LocationWebhookInput>): Promise<LocationWebhookView> {
  const now = ctx.now();
  if (ctx.store.dialect === 'postgres') await tx.selectFrom('companies').select('id').where('id', '=', companyId).forUpdate().execute();
  const same = await tx.selectFrom('location_webhooks').selectAll().where('company_id', '=', companyId).where('url', '=', clean.url)
    .where(locationId === null ? (w) => w('location_id', 'is', null) : (w) => w('location_id', '=', locationId)).executeTakeFirst();
  const fields = { headers: sealHeaders(ctx.secrets, clean.headers), triggers: JSON.stringify(clean.triggers), active: clean.active ? 1 : 0, updated_at: now };
  if (same) {
    await tx.updateTable('location_webhooks').set(fields).where('id', '=', same.id).execute();
    return (await views(ctx, tx, [{ ...same, ...fields }]))[0];
  }
  const { n } = await tx.selectFrom('location_webhooks').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow();
  if (Number(n) >= MAX_LOCATION_WEBHOOKS) throw new DomainError('limit_reached', { field: 'url', message: `A company may have at most ${MAX_LOCATION_WEBHOOKS} webhooks.` });
  const row = await tx.insertInto('location_webhooks').values({
    uid: randomUUID(), company_id: companyId, location_id: locationId, url: clean.url, ...fields,
    secret_enc: ctx.secrets.seal(`whsec_${randomToken(24)}`), created_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  return (await views(ctx, tx, [row]))[0];
}

export async function deleteLocationWebhook(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<LocationWebhookView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await tx.selectFrom('location_webhooks').selectAll().where('company_id', '=', companyId).where('uid', '=', String(key).toLowerCase()).executeTakeFirst();
    if (!row) throw notFound('Webhook', key, 'id');
    await tx.deleteFrom('location_webhooks').where('id', '=', row.id).execute();
    return (await views(ctx, tx, [row]))[0];
  });
}

function checkInput(input: LocationWebhookInput): Required<LocationWebhookInput> {
  const bad = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });
  if (typeof input.url !== 'string' || !isHttpUrl(input.url)) throw bad('url', 'url must be an absolute http(s) URL', input.url);
  const headers = input.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw bad(`headers.${name}`, `"${name}" is not a valid header name`);
    if (typeof value !== 'string' || /[\r\n]/.test(value)) throw bad(`headers.${name}`, `headers.${name} must be a single-line string`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw bad(`headers.${name}`, `headers.${name} is set by the server and cannot be replaced`);
  }
  const triggers = input.triggers ?? [...LOCATION_WEBHOOK_TRIGGERS];
  const unknown = triggers.find((t) => !(LOCATION_WEBHOOK_TRIGGERS as readonly string[]).includes(t));
  if (unknown !== undefined) throw bad('triggers', `Unknown trigger "${unknown}"; known: ${LOCATION_WEBHOOK_TRIGGERS.join(', ')}`, unknown);
  return { url: input.url, headers, triggers: [...new Set(triggers)], active: input.active ?? true };
}

async function views(ctx: ServiceContext, db: Tx, rows: LocationWebhookRow[]): Promise<LocationWebhookView[]> {
  const locationIds = [...new Set(rows.map((r) => r.location_id).filter((id): id is number => id !== null))];
  const uids = new Map(locationIds.length ? (await db.selectFrom('locations').select(['id', 'uid']).where('id', 'in', locationIds).execute()).map((l) => [l.id, l.uid]) : []);
  return rows.map((r) => ({
    id: r.uid, locationId: r.location_id === null ? null : uids.get(r.location_id) ?? null, url: r.url,
    headers: redactHeaders(openHeaders(ctx.secrets, r.headers)), triggers: JSON.parse(r.triggers), active: r.active === 1,
    secret: ctx.secrets.open(r.secret_enc), createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}
