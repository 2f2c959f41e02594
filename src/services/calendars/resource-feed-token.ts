// The secret behind each resource's outbound iCal feed URL (/ical/{token}.ics). It is created on
// first request, shown again on later ones (sealed at rest, looked up by its hash), and can be
// replaced when a URL leaked: the old one stops working at once.
import { hashSecret, randomToken } from '../../security/secrets.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';

export interface ResourceFeedLink {
  resource: { id: number; uid: string; name: string };
  token: string;
  /** Relative to the server's base URL. */
  path: string;
}

export async function resourceFeedLink(ctx: ServiceContext, companyId: number, resourceKey: Key, { rotate = false } = {}): Promise<ResourceFeedLink> {
  const link = (resource: { id: number; uid: string; name: string }, tokenEnc: string): ResourceFeedLink => {
    const token = ctx.secrets.open(tokenEnc);
    return { resource: { id: resource.id, uid: resource.uid, name: resource.name }, token, path: `/ical/${token}.ics` };
  };
  if (!rotate) {
    // Showing the link is a read: no write transaction once the token exists (most asks).
    const resource = await findOwned(ctx.store.db, 'resources', companyId, resourceKey, 'Resource', 'resourceId');
    const current = await ctx.store.db.selectFrom('resource_feeds').select('token_enc').where('resource_id', '=', resource.id).executeTakeFirst();
    if (current) return link(resource, current.token_enc);
  }
  return runAction(ctx, companyId, undefined, async (tx) => {
    const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'resourceId');
    const token = randomToken(24);
    const row = { resource_id: resource.id, company_id: companyId, token_hash: hashSecret(token), token_enc: ctx.secrets.seal(token), created_at: ctx.now() };
    if (rotate) {
      await tx.deleteFrom('resource_feeds').where('resource_id', '=', resource.id).execute();
      await tx.insertInto('resource_feeds').values(row).execute();
      return link(resource, row.token_enc);
    }
    // The first ask creates the token. Two first asks at once (PostgreSQL runs them side by side)
    // must agree on one: the second insert does nothing, and both show the row that was stored.
    await tx.insertInto('resource_feeds').values(row).onConflict((oc) => oc.column('resource_id').doNothing()).execute();
    const stored = await tx.selectFrom('resource_feeds').select('token_enc').where('resource_id', '=', resource.id).executeTakeFirstOrThrow();
    return link(resource, stored.token_enc);
  });
}
