// The admin token: taken from OPENSLOT_ADMIN_TOKEN, or generated on the first start and kept (as a
// hash) in the database. When several processes start at once, the first insert wins and the
// others use its hash; only the winner can print the token.
import { hashSecret, randomToken } from './security/secrets.js';
import type { Store } from './store/database.js';

const KEY = 'admin_token_hash';

export async function resolveAdminToken(store: Store, configured: string | null): Promise<{ hash: string; generated: string | null }> {
  if (configured) return { hash: hashSecret(configured), generated: null };
  const stored = await store.db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (stored) return { hash: stored.value, generated: null };
  const token = randomToken(24);
  const inserted = await store.db.insertInto('meta').values({ key: KEY, value: hashSecret(token) })
    .onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
  if (inserted) return { hash: hashSecret(token), generated: token };
  const winner = await store.db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirstOrThrow();
  return { hash: winner.value, generated: null };
}
