// Recurring blocks (OnSched's /v3/unavailability/recurringBlock): a rule on exactly one location,
// resource or service, expanded by the core (core/time/recurrence.ts) wherever availability or the
// unavailability calendar needs concrete intervals.
import { randomUUID } from 'node:crypto';
import { parseIsoDate } from '../../core/time/civil-date.js';
import { FREQUENCIES, type Frequency, type RecurrenceRule } from '../../core/time/recurrence.js';
import { isValidZone, parseTimeOfDay } from '../../core/time/zoned-days.js';
import type { RecurringBlockRow } from '../../store/schema-setup.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { keyColumn, keyValue, notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { invalid } from './checks.js';

/** Exactly one of the three (OnSched puts it in the query). */
export interface EntityScope { locationKey?: Key; resourceKey?: Key; serviceKey?: Key }

export interface RecurringBlockInput {
  name?: string | null; frequency?: string; interval?: number; startDate?: string; endDate?: string | null;
  /** "HH:MM" local. */
  startTime?: string; endTime?: string; iana?: string; weekdays?: number[]; dayOfMonth?: number | null;
}

export interface RecurringBlockView {
  id: number; uid: string; entity: { type: 'location' | 'resource' | 'service'; id: number; uid: string };
  name: string | null; rule: RecurrenceRule; startTime: string; endTime: string; createdAt: number;
}

export type Entity = RecurringBlockView['entity'];

export async function resolveEntity(tx: Tx, companyId: number, scope: EntityScope): Promise<Entity> {
  const given = (['locationKey', 'resourceKey', 'serviceKey'] as const).filter((k) => scope[k] !== undefined);
  if (given.length !== 1) {
    throw invalid(given.length ? 'LocationId' : 'ResourceId', 'Name exactly one of LocationId, ResourceId and ServiceId');
  }
  const [table, type, field] = ({ locationKey: ['locations', 'location', 'LocationId'], resourceKey: ['resources', 'resource', 'ResourceId'], serviceKey: ['services', 'service', 'ServiceId'] } as const)[given[0]];
  const row = await findOwned(tx, table, companyId, scope[given[0]]!, type[0].toUpperCase() + type.slice(1), field);
  return { type, id: row.id, uid: row.uid };
}

/** Without an explicit iana, times are read where the entity is: a resource's zone, else its location's; a service's home location's. */
export async function entityZone(tx: Tx, companyId: number, entity: Entity): Promise<string> {
  const locationZone = async (id: number | null) => id === null ? undefined
    : (await tx.selectFrom('locations').select('timezone').where('id', '=', id).executeTakeFirst())?.timezone;
  if (entity.type === 'location') return (await locationZone(entity.id))!;
  if (entity.type === 'resource') {
    const r = await tx.selectFrom('resources').select(['timezone', 'location_id']).where('id', '=', entity.id).executeTakeFirstOrThrow();
    return r.timezone ?? (await locationZone(r.location_id))!;
  }
  const s = await tx.selectFrom('services').select('location_id').where('id', '=', entity.id).executeTakeFirstOrThrow();
  return (await locationZone(s.location_id)) ?? (await tx.selectFrom('companies').select('timezone').where('id', '=', companyId).executeTakeFirstOrThrow()).timezone;
}

const columnOf = (type: Entity['type']) => (type === 'location' ? 'location_id' : type === 'resource' ? 'resource_id' : 'service_id');

/** The full rule, checked field by field; `base` supplies what a partial update leaves out. */
export function checkRule(input: RecurringBlockInput, base?: RecurringBlockRow) {
  const frequency = input.frequency ?? base?.frequency;
  if (frequency === undefined) throw invalid('frequency', 'frequency is required');
  if (!(FREQUENCIES as readonly string[]).includes(frequency)) throw invalid('frequency', `frequency must be one of ${FREQUENCIES.join(', ')}`, frequency);
  const interval = input.interval ?? base?.interval;
  if (interval === undefined) throw invalid('interval', 'interval is required');
  if (!Number.isInteger(interval) || interval < 1 || interval > 1000) throw invalid('interval', 'interval must be a whole number from 1 to 1000', interval);
  const startDate = input.startDate ?? base?.start_date;
  if (startDate === undefined) throw invalid('startDate', 'startDate is required');
  if (parseIsoDate(startDate) === null) throw invalid('startDate', 'startDate must be a date YYYY-MM-DD', startDate);
  const endDate = input.endDate !== undefined ? input.endDate : base?.end_date ?? null;
  if (endDate !== null && (parseIsoDate(endDate) === null || endDate < startDate)) throw invalid('endDate', 'endDate must be a date YYYY-MM-DD not before startDate', endDate);
  const startTime = input.startTime ?? base?.start_time ?? '00:00';
  const endTime = input.endTime ?? base?.end_time ?? '24:00';
  if (parseTimeOfDay(startTime) === null || startTime === '24:00') throw invalid('startTime', 'startTime must be a time of day', startTime);
  if (parseTimeOfDay(endTime) === null) throw invalid('endTime', 'endTime must be a time of day', endTime);
  if (startTime === endTime) throw invalid('endTime', 'endTime must differ from startTime (an earlier end runs into the next day)', endTime);
  const iana = input.iana ?? base?.iana;
  if (iana === undefined) throw invalid('iana', 'iana (the IANA time zone of the times) is required');
  if (!isValidZone(iana)) throw invalid('iana', `iana "${iana}" is not an IANA time zone`, iana);
  const weekdays = input.weekdays ?? (base ? JSON.parse(base.weekdays) as number[] : []);
  weekdays.forEach((d, i) => { if (!Number.isInteger(d) || d < 0 || d > 6) throw invalid(`weekdays[${i}]`, 'weekdays hold 0 (Sunday) to 6 (Saturday)', d); });
  const dayOfMonth = input.dayOfMonth !== undefined ? input.dayOfMonth : base?.day_of_month ?? null;
  if (dayOfMonth !== null && (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31)) throw invalid('dayOfMonth', 'dayOfMonth must be 1 to 31', dayOfMonth);
  return {
    frequency, interval, start_date: startDate, end_date: endDate, start_time: startTime, end_time: endTime, iana,
    weekdays: JSON.stringify([...new Set(weekdays)].sort()), day_of_month: dayOfMonth,
    name: input.name !== undefined ? input.name : base?.name ?? null,
  };
}

export function ruleOf(row: RecurringBlockRow): RecurrenceRule {
  return {
    frequency: row.frequency as Frequency, interval: row.interval, startDate: row.start_date, endDate: row.end_date,
    startMinute: parseTimeOfDay(row.start_time)!, endMinute: parseTimeOfDay(row.end_time)!, zone: row.iana,
    weekdays: JSON.parse(row.weekdays), dayOfMonth: row.day_of_month,
  };
}

async function viewsOf(tx: Tx, rows: RecurringBlockRow[]): Promise<RecurringBlockView[]> {
  const uids = async (table: 'locations' | 'resources' | 'services', ids: Array<number | null>) => {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
    return new Map(wanted.length ? (await tx.selectFrom(table).select(['id', 'uid']).where('id', 'in', wanted).execute()).map((r) => [r.id, r.uid]) : []);
  };
  const [locations, resources, services] = await Promise.all([
    uids('locations', rows.map((r) => r.location_id)), uids('resources', rows.map((r) => r.resource_id)), uids('services', rows.map((r) => r.service_id)),
  ]);
  return rows.map((r) => {
    const entity: Entity = r.location_id !== null ? { type: 'location', id: r.location_id, uid: locations.get(r.location_id)! }
      : r.resource_id !== null ? { type: 'resource', id: r.resource_id, uid: resources.get(r.resource_id)! }
        : { type: 'service', id: r.service_id!, uid: services.get(r.service_id!)! };
    return { id: r.id, uid: r.uid, entity, name: r.name, rule: ruleOf(r), startTime: r.start_time, endTime: r.end_time, createdAt: r.created_at };
  });
}

async function findRow(tx: Tx, companyId: number, key: Key): Promise<RecurringBlockRow> {
  const column = keyColumn(key);
  if (!column) throw invalid('id', `id "${key}" is not a valid id`, key);
  const row = await tx.selectFrom('recurring_blocks').selectAll().where('company_id', '=', companyId).where(column, '=', keyValue(key) as never).executeTakeFirst();
  if (!row) throw notFound('Recurring block', key, 'id');
  return row;
}

export async function createRecurringBlock(ctx: ServiceContext, companyId: number, scope: EntityScope, input: RecurringBlockInput, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const entity = await resolveEntity(tx, companyId, scope);
    const iana = input.iana ?? await entityZone(tx, companyId, entity);
    const { id } = await tx.insertInto('recurring_blocks').values({
      uid: randomUUID(), company_id: companyId, location_id: null, resource_id: null, service_id: null, [columnOf(entity.type)]: entity.id,
      ...checkRule({ ...input, iana }), created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    return (await viewsOf(tx, [await findRow(tx, companyId, Number(id))]))[0];
  });
}

export async function listRecurringBlocks(ctx: ServiceContext, companyId: number, scope: EntityScope): Promise<RecurringBlockView[]> {
  const tx = ctx.store.db;
  const entity = await resolveEntity(tx, companyId, scope);
  return viewsOf(tx, await tx.selectFrom('recurring_blocks').selectAll().where('company_id', '=', companyId)
    .where(columnOf(entity.type), '=', entity.id).orderBy('id').execute());
}

export async function getRecurringBlock(ctx: ServiceContext, companyId: number, key: Key): Promise<RecurringBlockView> {
  return (await viewsOf(ctx.store.db, [await findRow(ctx.store.db, companyId, key)]))[0];
}

export async function updateRecurringBlock(ctx: ServiceContext, companyId: number, key: Key, input: RecurringBlockInput, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findRow(tx, companyId, key);
    await tx.updateTable('recurring_blocks').set(checkRule(input, row)).where('id', '=', row.id).execute();
    return (await viewsOf(tx, [await findRow(tx, companyId, row.id)]))[0];
  });
}

export async function deleteRecurringBlock(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const [view] = await viewsOf(tx, [await findRow(tx, companyId, key)]);
    await tx.deleteFrom('recurring_blocks').where('id', '=', view.id).execute();
    return view;
  });
}

/** DELETE with a scope: every recurring block of that one entity; answers what was deleted. */
export async function deleteRecurringBlocksOf(ctx: ServiceContext, companyId: number, scope: EntityScope, idempotency?: Idempotency) {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const entity = await resolveEntity(tx, companyId, scope);
    const rows = await tx.selectFrom('recurring_blocks').selectAll().where('company_id', '=', companyId).where(columnOf(entity.type), '=', entity.id).execute();
    const views = await viewsOf(tx, rows);
    await tx.deleteFrom('recurring_blocks').where('company_id', '=', companyId).where(columnOf(entity.type), '=', entity.id).execute();
    return views;
  });
}
