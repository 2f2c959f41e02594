// Reading appointments the way a client sees them: a lapsed hold no longer exists, and the two
// sides of a reschedule can name each other.
import { assertHoldLive } from '../../core/booking/index.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { loadAppointmentView, type AppointmentView } from './view.js';

export async function getAppointment(ctx: ServiceContext, companyId: number, key: Key): Promise<AppointmentView> {
  const view = await loadAppointmentView(ctx.store.db, companyId, key);
  assertHoldLive(view.status, view.expiresAt, ctx.now());
  return view;
}

/** The uid of every appointment these views were rescheduled from or to, by numeric id. */
export async function rescheduleLinks(ctx: ServiceContext, views: AppointmentView[]): Promise<Map<number, string>> {
  const ids = [...new Set(views.flatMap((v) => [v.rescheduledFromId, v.rescheduledToId]).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.store.db.selectFrom('appointments').select(['id', 'uid']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.uid]));
}
