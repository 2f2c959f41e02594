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
  return runAction(ctx, companyId, undefined, async (tx) => {
    const resource = await findOwned(tx, 'resources', companyId, resourceKey, 'Resource', 'resourceId');
    const current = await tx.selectFrom('resource_feeds').select('token_enc').where('resource_id', '=', resource.id).executeTakeFirst();
    let token: string;
    if (current && !rotate) {
      token = ctx.secrets.open(current.token_enc);
    } else {
      token = randomToken(24);
      await tx.deleteFrom('resource_feeds').where('resource_id', '=', resource.id).execute();
      await tx.insertInto('resource_feeds').values({
        resource_id: resource.id, company_id: companyId, token_hash: hashSecret(token), token_enc: ctx.secrets.seal(token), created_at: ctx.now(),
      }).execute();
    }
    return { resource: { id: resource.id, uid: resource.uid, name: resource.name }, token, path: `/ical/${token}.ics` };
  });
}
