// The public credentials of a company's booking widget: a public key (x-api-key) and a public
// client id (x-client-id). They open only /v3/public/* (availability, hold, book), so they may
// be shipped to browsers and are stored as they are.
import { timingSafeEqual } from 'node:crypto';
import { randomToken } from '../../security/secrets.js';
import type { ServiceContext } from '../context.js';

export const newPublicKey = (): string => `pk_${randomToken(24)}`;

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The company whose public key and client id these are (both must match), or null. */
export async function companyForPublicKey(ctx: ServiceContext, publicKey: string, clientId: string): Promise<number | null> {
  const row = await ctx.store.db.selectFrom('companies').select(['id', 'public_client_id'])
    .where('public_key', '=', publicKey).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.public_client_id && same(row.public_client_id, clientId) ? row.id : null;
}
