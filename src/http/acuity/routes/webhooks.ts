// API-created webhooks: subscribe a URL to an event (at most 25 per account), list, delete.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../../services/context.js';
import { createWebhook, deleteWebhook, listWebhooks } from '../../../services/webhooks/subscriptions.js';
import { acuityError, translating } from '../errors.js';
import { asId, asText, objectBody, quote } from '../input.js';
import { renderWebhook } from '../render-records.js';
import { companyOf, idempotencyOf } from '../request.js';
import { NewWebhookSchema, WEBHOOK_EVENTS, WebhookSchema, doc } from '../schemas.js';
import { isDomainError } from '../../../core/errors.js';

export const webhookRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/webhooks', { schema: doc('Webhook subscriptions', { response: Type.Array(WebhookSchema) }) },
    async (request) => (await listWebhooks(services, companyOf(request))).map(renderWebhook));

  app.post('/webhooks', { schema: doc('Subscribe a URL to an event', { body: NewWebhookSchema, response: WebhookSchema }) }, async (request) => {
    const body = objectBody(request.body);
    const event = asText(body.event);
    if (!event) throw acuityError(400, 'required_event', 'The parameter "event" is required.');
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) throw acuityError(400, 'invalid_event', `The event "${event}" is invalid.`);
    const target = asText(body.target);
    if (!target) throw acuityError(400, 'required_target', 'The parameter "target" is required.');
    try {
      return renderWebhook(await createWebhook(services, companyOf(request), { event, target }, idempotencyOf(request)));
    } catch (error) {
      if (isDomainError(error) && error.field === 'target') {
        // A URL the server may not call (a private or loopback address) says why; any other bad target reads as Acuity's.
        const refused = /Refused: .*/.exec(error.message)?.[0];
        throw acuityError(400, 'invalid_target', `The target "${quote(body.target)}" is not ${refused ? `allowed. ${refused}` : 'a valid URL.'}`);
      }
      if (isDomainError(error) && error.code === 'limit_reached') throw acuityError(400, 'too_many_webhooks', error.message);
      throw error;
    }
  });

  app.delete<{ Params: { id: string } }>('/webhooks/:id', {
    schema: doc('Delete a webhook subscription', { params: Type.Object({ id: Type.Integer() }), response: Type.Null(), status: 204 }),
  }, async (request, reply) => {
    const id = asId(request.params.id);
    if (id === null) throw acuityError(404, 'not_found', `The webhook "${request.params.id}" does not exist.`);
    await translating({}, () => deleteWebhook(services, companyOf(request), id, idempotencyOf(request)));
    return reply.code(204).send();
  });
};
