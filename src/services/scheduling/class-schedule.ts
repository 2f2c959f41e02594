// The class sessions of a company over a window: each with its service, resource and seats. By
// default only the ones a client could book now (notice, window, a seat left); optionally all.
import { findClassSlots } from '../../core/availability/index.js';
import type { ResourceRow, ServiceRow } from '../../store/schema.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import { classSessions } from './find-availability.js';
import { slotRules } from './rules.js';

export interface ClassScheduleQuery {
  serviceId?: number;
  resourceId?: number;
  from: number;
  to: number;
  /** Full and no-longer-bookable sessions too. */
  includeUnavailable?: boolean;
  /** Sessions of private services too. */
  includePrivate?: boolean;
}

export interface ScheduledClass {
  id: number; uid: string; name: string | null; service: ServiceRow; resource: ResourceRow;
  start: number; end: number; seats: number; seatsLeft: number;
}

export async function listClassSchedule(ctx: ServiceContext, companyId: number, q: ClassScheduleQuery): Promise<ScheduledClass[]> {
  const tx = ctx.store.db;
  const now = ctx.now();
  const settings = companySettings(await getCompany(tx, companyId));
  let services = tx.selectFrom('services').selectAll().where('company_id', '=', companyId).where('type', '=', 'class').where('deleted', '=', 0);
  if (q.serviceId !== undefined) services = services.where('id', '=', q.serviceId);
  if (!q.includePrivate) services = services.where('private', '=', 0);
  let resourceQuery = tx.selectFrom('resources').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0);
  if (q.resourceId !== undefined) resourceQuery = resourceQuery.where('id', '=', q.resourceId);
  const resources = await resourceQuery.execute();
  const byId = new Map(resources.map((r) => [r.id, r]));
  const names = new Map((await tx.selectFrom('class_sessions').select(['id', 'uid', 'name']).where('company_id', '=', companyId)
    .where('start_at', '>=', q.from).where('start_at', '<', q.to).execute()).map((s) => [s.id, s]));
  const out: ScheduledClass[] = [];
  for (const service of await services.orderBy('id').execute()) {
    const sessions = await classSessions(tx, service, resources, { start: q.from, end: q.to }, now);
    const slots = q.includeUnavailable
      ? sessions.map((s) => ({ ...s, seatsLeft: Math.max(0, s.seats - s.taken) }))
      : findClassSlots(sessions, now, slotRules(service, settings), q.from, q.to).filter((s) => s.seatsLeft > 0);
    for (const s of slots) {
      out.push({ id: s.id, uid: names.get(s.id)?.uid ?? '', name: names.get(s.id)?.name ?? null, service, resource: byId.get(s.resourceId)!,
        start: s.start, end: s.end, seats: s.seats, seatsLeft: s.seatsLeft });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.id - b.id);
}
