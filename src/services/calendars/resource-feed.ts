// What a resource's outbound iCal feed lists: its booked (BK) and reserved (RS) appointments from
// a month back to a year ahead. Holds are left out: they lapse within minutes, long before a
// subscribed calendar next refreshes. An unknown token, or a deleted resource's, finds nothing.
import { hashSecret } from '../../security/secrets.js';
import { viewsOf } from '../appointments/view.js';
import type { ServiceContext } from '../context.js';

const DAY = 86_400_000;
const MAX_EVENTS = 5_000;

export interface FeedAppointment {
  uid: string;
  start: number;
  end: number;
  /** BK is confirmed; RS (reserved, not yet booked) is tentative. */
  status: 'BK' | 'RS';
  serviceName: string;
  customerName: string | null;
  customerContact: string | null;
  locationName: string;
  locationAddress: string | null;
  notes: string | null;
  updatedAt: number;
}

export interface ResourceFeed { resourceName: string; appointments: FeedAppointment[] }

export async function resourceFeedByToken(ctx: ServiceContext, token: string): Promise<ResourceFeed | null> {
  const db = ctx.store.db;
  const resource = await db.selectFrom('resource_feeds as f').innerJoin('resources as r', 'r.id', 'f.resource_id')
    .select(['r.id', 'r.name']).where('f.token_hash', '=', hashSecret(token)).where('r.deleted', '=', 0).executeTakeFirst();
  if (!resource) return null;
  const now = ctx.now();
  const rows = await db.selectFrom('appointments as a').innerJoin('appointment_resources as ar', 'ar.appointment_id', 'a.id')
    .selectAll('a').where('ar.resource_id', '=', resource.id).where('a.status', 'in', ['BK', 'RS'])
    .where('a.end_at', '>', now - 30 * DAY).where('a.start_at', '<', now + 366 * DAY)
    .orderBy('a.start_at').limit(MAX_EVENTS).execute();
  const views = await viewsOf(db, rows);
  return {
    resourceName: resource.name,
    appointments: views.map((v) => ({
      uid: v.uid, start: v.start, end: v.end, status: v.status === 'BK' ? 'BK' : 'RS', serviceName: v.service.name,
      customerName: v.customer ? `${v.customer.firstName} ${v.customer.lastName}`.trim() : null,
      customerContact: v.customer ? [v.customer.email, v.customer.phone].filter(Boolean).join(', ') || null : null,
      locationName: v.location.name, locationAddress: v.location.address, notes: v.notes, updatedAt: v.updatedAt,
    })),
  };
}
