// /v3/webhook: a location's webhooks, `{url, headers, triggers, active}`; setWebhooks replaces the
// set. Without locationId a webhook hears every location of the company. A delivery's body is
// exactly {appointment, trigger}; OpenSlot adds X-OpenSlot-Event-Id and X-OpenSlot-Signature
// (format in docs/onsched.md). Header values are never shown.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  LOCATION_WEBHOOK_TRIGGERS, deleteLocationWebhook, listLocationWebhooks, saveLocationWebhook, setLocationWebhooks, type LocationWebhookView,
} from '../../services/notifications/location-webhooks.js';
import { companyOf } from './auth.js';
import { idempotency } from './request.js';
import { ErrorResponses, IdParams, Nullable, StringEnum, Uuid, doc } from './schemas/common.js';

const Trigger = StringEnum(LOCATION_WEBHOOK_TRIGGERS);
const Headers = Type.Record(Type.String(), Type.String({ maxLength: 2000 }), { description: 'Extra request headers sent with every delivery' });

const WebhookBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'Absolute http(s) URL that receives a POST per event' }),
  headers: Type.Optional(Headers),
  triggers: Type.Optional(Type.Array(Trigger, { maxItems: LOCATION_WEBHOOK_TRIGGERS.length, description: 'Default: all triggers' })),
  active: Type.Optional(Type.Boolean({ default: true })),
});
type WebhookBody = Static<typeof WebhookBody>;

const Webhook = Type.Object({
  object: Type.Literal('webhook'), id: Type.String(), locationId: Nullable(Type.String()), url: Type.String(),
  headers: Type.Record(Type.String(), Type.String(), { description: 'The extra headers by name, each valued "[redacted]": they are stored sealed and only sent' }),
  triggers: Type.Array(Type.String()), active: Type.Boolean(),
  secret: Type.String({ description: 'Signs each delivery (an OpenSlot extra): X-OpenSlot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>; the body is {appointment, trigger}' }),
  createdAt: Type.String(), updatedAt: Type.String(),
});

const LocationQuery = Type.Object({ locationId: Type.Optional(Uuid) });
type LocationQuery = Static<typeof LocationQuery>;

const render = (w: LocationWebhookView) => ({
  object: 'webhook' as const, id: w.id, locationId: w.locationId, url: w.url, headers: w.headers, triggers: w.triggers, active: w.active,
  secret: w.secret, createdAt: new Date(w.createdAt).toISOString(), updatedAt: new Date(w.updatedAt).toISOString(),
});

export async function webhookRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  app.get<{ Querystring: LocationQuery }>('/webhook', {
    schema: { ...doc('webhooks', "The location's webhooks (all of the company's without locationId)"), querystring: LocationQuery, response: { 200: Type.Array(Webhook), ...ErrorResponses } },
  }, async (request) => (await listLocationWebhooks(services, companyOf(request), request.query.locationId)).map(render));

  app.post<{ Querystring: LocationQuery; Body: WebhookBody }>('/webhook', {
    schema: {
      ...doc('webhooks', 'Create a webhook (posting the same url for the same location again updates it)'),
      querystring: LocationQuery, body: WebhookBody, response: { 200: Webhook, ...ErrorResponses },
    },
  }, async (request) => render(await saveLocationWebhook(services, companyOf(request), request.query.locationId, request.body, idempotency(request))));

  app.post<{ Querystring: LocationQuery; Body: WebhookBody[] }>('/webhook/setWebhooks', {
    schema: {
      ...doc('webhooks', "Replace the location's whole set of webhooks with these (a URL kept keeps its id and secret)"),
      querystring: LocationQuery, body: Type.Array(WebhookBody, { maxItems: 100 }), response: { 200: Type.Array(Webhook), ...ErrorResponses },
    },
  }, async (request) => (await setLocationWebhooks(services, companyOf(request), request.query.locationId, request.body, idempotency(request))).map(render));

  app.delete<{ Params: IdParams }>('/webhook/:id', {
    schema: { ...doc('webhooks', 'Delete a webhook; returns what was deleted'), params: IdParams, response: { 200: Webhook, ...ErrorResponses } },
  }, async (request) => render(await deleteLocationWebhook(services, companyOf(request), request.params.id, idempotency(request))));
}
