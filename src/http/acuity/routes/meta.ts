// GET /api/v1/meta: public facts about the API, without credentials. Acuity lists there the address
// ranges its webhooks come from, so receivers can allow-list them; a self-hosted server lists what
// its operator sets in OPENSLOT_WEBHOOK_SOURCE_RANGES (CIDR, comma- or space-separated, checked when
// the configuration is read; empty when unset, which is a valid answer).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { doc } from '../schemas.js';

const MetaSchema = Type.Object({
  hooks: Type.Array(Type.String({ examples: ['203.0.113.0/24'] }), { description: 'Address ranges (CIDR) that webhooks are sent from' }),
}, { $id: 'AcuityMeta' });

export const metaRoutes: FastifyPluginAsync<{ hooks: string[] }> = async (app, { hooks }) => {
  app.get('/meta', { schema: { ...doc('Where webhooks come from (no credentials needed)', { response: MetaSchema }), security: [] } }, async () => ({ hooks }));
};
