// A resource's connected calendars: connect, list (with how the last reads went), disconnect.
// Connecting stores the source sealed and makes the calendar due at once, so its first read
// happens right after the request (the sync loop is woken for it).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { SecretBox } from '../../security/secrets.js';
import type { ExternalCalendarRow } from '../../store/schema-calendars.js';
import { lockResources, type Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { checkOutboundUrl } from '../outbound-url.js';
import { findOwned } from '../scheduling/load-setup.js';
import { MAX_CALENDARS_PER_RESOURCE, checkCalendarInput, type CalendarSource, type ExternalCalendarInput } from './calendar-input.js';

export type SyncState = 'pending' | 'ok' | 'error';

export interface ExternalCalendarView {
  id: number; uid: string; resource: { id: number; uid: string }; type: 'ics' | 'caldav';
  /** Where the calendar is read from, without secret parts. */
  url: string; username: string | null; intervalMinutes: number | null;
  sync: {
    state: SyncState; lastAttemptAt: number | null; lastSuccessAt: number | null; lastError: string | null;
    failures: number; /** null: not read again until asked (its address is refused). */ nextSyncAt: number | null; busyCount: number; busyUntil: number | null;
  };
  createdAt: number;
}

/** Inserts one calendar inside the caller's transaction (the setup import uses this too). */
export async function insertExternalCalendar(tx: Tx, secrets: SecretBox, owner: { companyId: number; resourceId: number }, input: ExternalCalendarInput, now: number, path = ''): Promise<number> {
  const checked = checkCalendarInput(input, path);
  const existing = await tx.selectFrom('external_calendars').select(['source_hash']).where('resource_id', '=', owner.resourceId).execute();
  const field = path ? `${path}.url` : 'url';
  if (existing.some((c) => c.source_hash === checked.hash)) throw new DomainError('invalid_input', { field, message: 'This calendar is already connected to the resource' });
  if (existing.length >= MAX_CALENDARS_PER_RESOURCE) {
    throw new DomainError('limit_reached', { field, message: `A resource may have at most ${MAX_CALENDARS_PER_RESOURCE} external calendars` });
  }
  const row = await tx.insertInto('external_calendars').values({
    uid: randomUUID(), company_id: owner.companyId, resource_id: owner.resourceId, type: checked.type,
    source_enc: secrets.seal(JSON.stringify(checked.source)), source_hash: checked.hash, display_url: checked.displayUrl,
    interval_minutes: checked.intervalMinutes, next_sync_at: now, lease_until: null, claimed_by: null,
    last_attempt_at: null, last_success_at: null, last_error: null, etag: null, last_modified: null, ctag: null,
    busy_from: null, busy_until: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A resource's calendars from a setup document; `path` names the list in errors (…externalCalendars[1].url). */
export async function insertExternalCalendars(tx: Tx, secrets: SecretBox, owner: { companyId: number; resourceId: number }, inputs: ExternalCalendarInput[], now: number, path: string): Promise<void> {
  for (const [i, input] of inputs.entries()) await insertExternalCalendar(tx, secrets, owner, input, now, `${path}[${i}]`);
}

export async function addExternalCalendar(ctx: ServiceContext, companyId: number, resourceKey: Key, input: ExternalCalendarInput, idempotency?: Idempotency): Promise<ExternalCalendarView> {
  if (typeof input?.url === 'string') await checkOutboundUrl(ctx, input.url, 'url');
  const view = await runAction(ctx, companyId, idempotency, async (tx) => {
    const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'id');
    // Serialises connections to one resource, so the duplicate and limit checks hold under concurrency.
    await lockResources(ctx.store, tx, [resource.id]);
    const id = await insertExternalCalendar(tx, ctx.secrets, { companyId, resourceId: resource.id }, input, ctx.now());
    return (await calendarViews(tx, ctx.secrets, [await calendarRow(tx, companyId, id)]))[0];
  });
  ctx.calendarSync?.wake();
  return view;
}

export async function listExternalCalendars(ctx: ServiceContext, companyId: number, resourceKey: Key): Promise<ExternalCalendarView[]> {
  const db = ctx.store.db;
  const resource = await findOwned(db, 'resources', companyId, resourceKey, 'Resource', 'id');
  const rows = await db.selectFrom('external_calendars').selectAll().where('resource_id', '=', resource.id).orderBy('id').execute();
  return calendarViews(db, ctx.secrets, rows);
}

/** Disconnects a calendar; its busy times go with it. With a resource key, the calendar must be that resource's. */
export async function deleteExternalCalendar(ctx: ServiceContext, companyId: number, calendarKey: Key, resourceKey?: Key): Promise<ExternalCalendarView> {
  return runAction(ctx, companyId, undefined, async (tx) => {
    const row = await calendarRow(tx, companyId, calendarKey);
    if (resourceKey !== undefined && (await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'id')).id !== row.resource_id) {
      throw new DomainError('not_found', { message: `External calendar ${calendarKey} was not found.`, field: 'calendarId' });
    }
    const [view] = await calendarViews(tx, ctx.secrets, [row]);
    await tx.deleteFrom('external_busy').where('calendar_id', '=', row.id).execute();
    await tx.deleteFrom('external_calendars').where('id', '=', row.id).execute();
    return view;
  });
}

/** Makes a calendar due now and wakes the sync loop: an operator's "try again" after fixing a feed. */
export async function syncExternalCalendarNow(ctx: ServiceContext, companyId: number, calendarKey: Key): Promise<ExternalCalendarView> {
  const view = await runAction(ctx, companyId, undefined, async (tx) => {
    const row = await calendarRow(tx, companyId, calendarKey);
    await tx.updateTable('external_calendars').set({ next_sync_at: ctx.now() }).where('id', '=', row.id).execute();
    return (await calendarViews(tx, ctx.secrets, [{ ...row, next_sync_at: ctx.now() }]))[0];
  });
  ctx.calendarSync?.wake();
  return view;
}

async function calendarRow(tx: Tx, companyId: number, key: Key): Promise<ExternalCalendarRow> {
  const byUid = typeof key === 'string' && /^[0-9a-f-]{36}$/i.test(key);
  const id = byUid ? null : Number(key);
  if (!byUid && !(Number.isSafeInteger(id) && id! > 0)) throw new DomainError('invalid_input', { field: 'calendarId', value: key, message: `External calendar "${key}" is not a valid id` });
  const row = await tx.selectFrom('external_calendars').selectAll().where('company_id', '=', companyId)
    .where(byUid ? 'uid' : 'id', '=', byUid ? String(key).toLowerCase() : id!).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { message: `External calendar ${key} was not found.`, field: 'calendarId', value: key });
  return row;
}

async function calendarViews(tx: Tx, secrets: SecretBox, rows: ExternalCalendarRow[]): Promise<ExternalCalendarView[]> {
  if (rows.length === 0) return [];
  const resources = new Map((await tx.selectFrom('resources').select(['id', 'uid']).where('id', 'in', [...new Set(rows.map((r) => r.resource_id))]).execute()).map((r) => [r.id, r]));
  return rows.map((r) => ({
    id: r.id, uid: r.uid, resource: resources.get(r.resource_id)!, type: r.type, url: r.display_url,
    username: usernameOf(secrets, r.source_enc), intervalMinutes: r.interval_minutes,
    sync: {
      state: r.last_attempt_at === null ? 'pending' : r.last_error === null ? 'ok' : 'error',
      lastAttemptAt: r.last_attempt_at, lastSuccessAt: r.last_success_at, lastError: r.last_error, failures: r.failures,
      nextSyncAt: r.next_sync_at >= Number.MAX_SAFE_INTEGER ? null : r.next_sync_at, busyCount: r.busy_count, busyUntil: r.busy_until,
    },
    createdAt: r.created_at,
  }));
}

/** The username is sealed with the password; a source sealed under another key shows none rather than failing the list. */
function usernameOf(secrets: SecretBox, sealed: string): string | null {
  try {
    return (JSON.parse(secrets.open(sealed)) as CalendarSource).username ?? null;
  } catch {
    return null;
  }
}
