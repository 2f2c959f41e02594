// /admin/v1/companies/{id}/deliveries (the notification delivery log) and
// /admin/v1/companies/{id}/notifications (reminders, booking page URL, Acuity account webhooks).
// Query strings are validated by hand: this plugin's validator never coerces types.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { getCompany } from '../../services/companies/get-company.js';
import { DELIVERY_STATUSES, getDelivery, listDeliveries, retryDelivery } from '../../services/notifications/delivery-log.js';
import { loadNotificationSettings, replaceNotificationSettings } from '../../services/notifications/notification-settings.js';
import { NotificationSettingsSchema, type NotificationSettingsInput } from '../../services/notifications/settings-schema.js';
import type { DeliveryStatus } from '../../store/schema-notify.js';

function positiveId(text: string | undefined, field: string): number {
  const n = Number(text);
  if (!/^\d{1,15}$/.test(text ?? '') || n <= 0) throw new DomainError('invalid_input', { field, value: text, message: `${field} "${text}" is not a positive integer` });
  return n;
}

const optionalId = (text: string | undefined, field: string) => (text === undefined ? undefined : positiveId(text, field));

type CompanyParams = { Params: { id: string } };
type DeliveryParams = { Params: { id: string; deliveryId: string } };
type ListQuery = { Querystring: { status?: string; appointmentId?: string; before?: string; limit?: string } };

export function registerDeliveryRoutes(app: FastifyInstance, services: ServiceContext): void {
  const db = services.store.db;
  const tags = ['admin'];

  app.get<CompanyParams & ListQuery>('/companies/:id/deliveries', { schema: { tags, summary: 'Notification delivery log, newest first' } }, async (request) => {
    const q = request.query;
    if (q.status !== undefined && !DELIVERY_STATUSES.includes(q.status as DeliveryStatus)) {
      throw new DomainError('invalid_input', { field: 'status', value: q.status, message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` });
    }
    const limit = q.limit === undefined ? 50 : Math.min(positiveId(q.limit, 'limit'), 500);
    const data = await listDeliveries(db, positiveId(request.params.id, 'id'), {
      status: q.status as DeliveryStatus | undefined, appointmentId: optionalId(q.appointmentId, 'appointmentId'), beforeId: optionalId(q.before, 'before'), limit,
    });
    return { data, nextBefore: data.length === limit ? data[data.length - 1].id : null };
  });

  app.get<DeliveryParams>('/companies/:id/deliveries/:deliveryId', { schema: { tags, summary: 'One delivery with its content' } },
    async (request) => getDelivery(db, positiveId(request.params.id, 'id'), positiveId(request.params.deliveryId, 'deliveryId')));

  app.post<DeliveryParams>('/companies/:id/deliveries/:deliveryId/retry', { schema: { tags, summary: 'Try a failed delivery again' } },
    async (request) => retryDelivery(db, positiveId(request.params.id, 'id'), positiveId(request.params.deliveryId, 'deliveryId'), services.now()));

  app.get<CompanyParams>('/companies/:id/notifications', { schema: { tags, summary: 'Notification settings' } }, async (request) => {
    const companyId = positiveId(request.params.id, 'id');
    await getCompany(db, companyId);
    return loadNotificationSettings(db, companyId);
  });

  app.put<CompanyParams & { Body: NotificationSettingsInput }>('/companies/:id/notifications', {
    schema: { tags, summary: 'Replace the notification settings (omitted fields return to their defaults)', body: NotificationSettingsSchema },
  }, async (request) => {
    const companyId = positiveId(request.params.id, 'id');
    return replaceNotificationSettings(services, companyId, request.body);
  });
}
