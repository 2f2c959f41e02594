// An expired hold counts for nothing the moment it expires (every read filters on expires_at);
// deleting it is housekeeping, done inside booking transactions for the resources they touch and by
// the periodic sweeper for the rest. Deleting before an insert also keeps PostgreSQL's exclusion
// constraint from tripping over a dead hold.
import type { Tx } from '../../store/transaction.js';
import { holdsExpired } from '../../metrics/counters.js';

export async function deleteExpiredHolds(tx: Tx, now: number, resourceIds?: number[]): Promise<number> {
  let query = tx.deleteFrom('appointments').where('status', '=', 'IN').where('expires_at', '<=', now);
  if (resourceIds) {
    if (resourceIds.length === 0) return 0;
    query = query.where('id', 'in', tx.selectFrom('appointment_resources').select('appointment_id').where('resource_id', 'in', resourceIds));
  }
  const result = await query.executeTakeFirst();
  const deleted = Number(result.numDeletedRows ?? 0);
  holdsExpired.inc(deleted);
  return deleted;
}
