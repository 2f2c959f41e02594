// Writing down how an attempt went: done, or due again after a backoff, or failed for good once the
// retry window is used up (or the failure is permanent). Fenced on the claim, see claim-deliveries.ts.
import type { Store } from '../../store/database.js';
import type { NotificationDeliveryRow } from '../../store/schema-notify.js';
import type { SendOutcome } from '../send-outcome.js';
import { retryDelay, type RetryPolicy } from './backoff.js';
import { deliveries } from '../../metrics/counters.js';

export async function recordOutcome(store: Store, claimed: NotificationDeliveryRow, outcome: SendOutcome, now: number, policy: RetryPolicy, random: () => number): Promise<'done' | 'retry' | 'failed' | 'lost'> {
  const fence = store.db.updateTable('notification_deliveries')
    .where('id', '=', claimed.id).where('claimed_by', '=', claimed.claimed_by).where('attempts', '=', claimed.attempts).where('status', '=', 'sending');
  let result: 'done' | 'retry' | 'failed';
  let update;
  if (outcome.ok) {
    result = 'done';
    update = fence.set({ status: outcome.status, finished_at: now, lease_until: null, last_error: null, last_response_status: outcome.responseStatus ?? null });
  } else {
    const next = now + retryDelay(claimed.attempts, policy, random);
    result = outcome.permanent || next > claimed.give_up_at ? 'failed' : 'retry';
    update = fence.set({
      status: result === 'failed' ? 'failed' : 'pending', next_attempt_at: result === 'failed' ? claimed.next_attempt_at : next,
      finished_at: result === 'failed' ? now : null, lease_until: null, last_error: outcome.error.slice(0, 1000),
      last_response_status: outcome.responseStatus ?? null,
    });
  }
  const { numUpdatedRows } = await update.executeTakeFirst();
  const recorded = numUpdatedRows > 0n ? result : 'lost';
  deliveries.inc({ channel: claimed.channel, outcome: recorded });
  return recorded;
}
