// The delivery log a company's operator reads through /admin/v1: what was sent where, how often it
// was tried, and why it failed; and a way to try a failed delivery again.
import { DomainError } from '../../core/errors.js';
import type { DeliveryStatus, NotificationDeliveryRow } from '../../store/schema-notify.js';
import type { Tx } from '../../store/transaction.js';
import { getCompany } from '../companies/get-company.js';

export interface DeliveryView {
  id: number; channel: string; purpose: string; target: string; status: DeliveryStatus; attempts: number;
  nextAttemptAt: number | null; giveUpAt: number; lastError: string | null; lastResponseStatus: number | null;
  eventId: number | null; reminderId: number | null; appointmentId: number | null; createdAt: number; finishedAt: number | null;
}

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'sending', 'delivered', 'logged', 'failed'];

const view = (r: NotificationDeliveryRow): DeliveryView => ({
  id: r.id, channel: r.channel, purpose: r.purpose, target: r.target, status: r.status, attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null, giveUpAt: r.give_up_at, lastError: r.last_error,
  lastResponseStatus: r.last_response_status, eventId: r.event_id, reminderId: r.reminder_id, appointmentId: r.appointment_id,
  createdAt: r.created_at, finishedAt: r.finished_at,
});

export interface DeliveryFilter { status?: DeliveryStatus; appointmentId?: number; beforeId?: number; limit: number }

/** Newest first; page with beforeId = the last id seen. */
export async function listDeliveries(db: Tx, companyId: number, filter: DeliveryFilter): Promise<DeliveryView[]> {
  await getCompany(db, companyId);
  let query = db.selectFrom('notification_deliveries').selectAll().where('company_id', '=', companyId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.appointmentId !== undefined) query = query.where('appointment_id', '=', filter.appointmentId);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return (await query.orderBy('id', 'desc').limit(filter.limit).execute()).map(view);
}

/** One delivery with what it carries (the email, or the webhook request without its signature). */
export async function getDelivery(db: Tx, companyId: number, deliveryId: number): Promise<DeliveryView & { payload: unknown }> {
  const row = await db.selectFrom('notification_deliveries').selectAll().where('company_id', '=', companyId).where('id', '=', deliveryId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { message: `Delivery ${deliveryId} was not found.`, field: 'deliveryId', value: deliveryId });
  return { ...view(row), payload: JSON.parse(row.payload) };
}

/** A failed delivery gets a fresh retry window of the same length, starting now. */
export async function retryDelivery(db: Tx, companyId: number, deliveryId: number, now: number): Promise<DeliveryView> {
  const row = await getDelivery(db, companyId, deliveryId);
  if (row.status !== 'failed') {
    throw new DomainError('invalid_input', { field: 'status', value: row.status, message: `Only failed deliveries can be retried; this one is ${row.status}.` });
  }
  await db.updateTable('notification_deliveries')
    .set({ status: 'pending', next_attempt_at: now, give_up_at: now + (row.giveUpAt - row.createdAt), finished_at: null })
    .where('id', '=', deliveryId).where('status', '=', 'failed').execute();
  const { payload: _payload, ...rest } = await getDelivery(db, companyId, deliveryId);
  return rest;
}
