// Extending a hold while the customer types (WCAG 2.2.1: a time limit the user can extend). Each
// extension restarts the location's hold delay from now, up to ten delays after the hold was
// placed, so an abandoned tab cannot keep a time from everyone else for ever.
import { assertHoldLive, holdExpiry } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { AppointmentStatus } from '../../core/types.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';

export const MAX_HOLD_DELAYS = 10;

export async function extendHold(ctx: ServiceContext, companyId: number, holdKey: Key): Promise<{ expiresAt: number }> {
  return runAction(ctx, companyId, undefined, async (tx) => {
    const now = ctx.now();
    const row = await findOwned(tx, 'appointments', companyId, holdKey, 'Hold', 'hold');
    if (row.status !== 'IN') throw new DomainError('invalid_transition', { field: 'hold', message: 'Only a hold can be extended.' });
    assertHoldLive(row.status as AppointmentStatus, row.expires_at, now);
    const location = await findOwned(tx, 'locations', companyId, row.location_id, 'Location');
    const delay = location.expiration_delay;
    const expiresAt = Math.min(holdExpiry(now, delay), row.created_at + MAX_HOLD_DELAYS * delay * 1000);
    if (expiresAt <= (row.expires_at ?? 0)) throw new DomainError('limit_reached', { field: 'hold', message: 'This time cannot be held any longer.' });
    // Conditional on the hold still being live as read: a sweep between read and write wins.
    const updated = await tx.updateTable('appointments').set({ expires_at: expiresAt, updated_at: now })
      .where('id', '=', row.id).where('status', '=', 'IN').where('expires_at', '>', now).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('hold_expired');
    await tx.updateTable('appointment_resources').set({ expires_at: expiresAt }).where('appointment_id', '=', row.id).execute();
    return { expiresAt };
  });
}
