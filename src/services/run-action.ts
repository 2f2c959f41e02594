// Every user action runs in one transaction. With an Idempotency-Key, the key is claimed inside
// that same transaction: a retry with the same request gets the first result back, a concurrent
// twin waits for the first to commit (PostgreSQL) or runs after it (SQLite's single writer), and
// a failed action leaves no claim behind, so it can be retried.
import { createHash } from 'node:crypto';
import { DomainError } from '../core/errors.js';
import { inTransaction, type Tx } from '../store/transaction.js';
import type { ServiceContext } from './context.js';

export interface Idempotency {
  key: string;
  /** The action, e.g. "POST /v3/appointment/hold", so one key cannot replay a different action. */
  scope: string;
  /** A fingerprint of the request body. */
  requestHash: string;
}

export const fingerprint = (value: unknown): string => createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex');

export async function runAction<T>(ctx: ServiceContext, companyId: number, idempotency: Idempotency | undefined, action: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(ctx.store, async (tx) => {
    if (!idempotency) return action(tx);
    const { key, scope, requestHash } = idempotency;
    const claimed = await tx.insertInto('idempotency_keys')
      .values({ company_id: companyId, scope, key, request_hash: requestHash, status_code: 0, response: 'null', created_at: ctx.now() })
      .onConflict((oc) => oc.columns(['company_id', 'scope', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (!claimed) {
      const first = await tx.selectFrom('idempotency_keys').select(['request_hash', 'response'])
        .where('company_id', '=', companyId).where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
      if (first.request_hash !== requestHash) throw new DomainError('idempotency_mismatch', { field: 'Idempotency-Key', value: key });
      return JSON.parse(first.response) as T;
    }
    const result = await action(tx);
    await tx.updateTable('idempotency_keys').set({ status_code: 200, response: JSON.stringify(result ?? null) })
      .where('company_id', '=', companyId).where('scope', '=', scope).where('key', '=', key).execute();
    return result;
  });
}
