// The setup document's allocations and recurring blocks, checked by the same rules as /v3 (errors
// name the document path, e.g. setup.allocations[0].weeklyAvailability[1].endTime).
import { isDomainError } from '../../core/errors.js';
import { checkRanges, checkWindows } from '../catalog/allocation-scope.js';
import { invalid } from '../catalog/checks.js';
import { checkRule, entityZone, type Entity } from '../catalog/recurring-blocks.js';
import type { SetupDocument } from './document.js';
import { checkInstant } from './checks.js';
import { insert, type ImportContext } from './import-setup.js';

/** Runs a /v3 check and re-labels its error with the document path. */
function at<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isDomainError(error) && error.field) throw invalid(`${path}.${error.field}`, `${path}.${error.message}`, error.value);
    throw error;
  }
}

export async function importAllocations(ctx: ImportContext, setup: SetupDocument): Promise<void> {
  for (const [i, a] of (setup.allocations ?? []).entries()) {
    const path = `setup.allocations[${i}]`;
    if (!a.resource && !a.service) throw invalid(`${path}.service`, `${path} needs a resource, a service, or both`);
    const resource_id = a.resource ? ctx.refs.resolve('resource', a.resource, `${path}.resource`).id : null;
    const service_id = a.service ? ctx.refs.resolve('service', a.service, `${path}.service`).id : null;
    const weekly = a.weeklyAvailability !== undefined;
    if (weekly === (a.start !== undefined || a.end !== undefined)) {
      throw invalid(`${path}.weeklyAvailability`, `${path} takes weeklyAvailability (weekly) or start and end (single), not both`);
    }
    if (!weekly && (a.start === undefined || a.end === undefined)) throw invalid(`${path}.${a.start === undefined ? 'start' : 'end'}`, `${path} needs both start and end`);
    const single = weekly ? null : { start: checkInstant(a.start!, ctx.zone, `${path}.start`), end: checkInstant(a.end!, ctx.zone, `${path}.end`) };
    if (single) at(path, () => checkRanges([{ start: single.start, end: single.end }]));
    await insert(ctx, 'allocations', {
      company_id: ctx.companyId, kind: weekly ? 'weekly' : 'single', resource_id, service_id,
      windows: weekly ? JSON.stringify(at(path, () => checkWindows(a.weeklyAvailability))) : '[]',
      start_at: single?.start ?? null, end_at: single?.end ?? null, description: a.description ?? null,
      bookings_per_slot: a.bookingsPerSlot ?? null, created_at: ctx.now,
    });
  }
}

export async function importRecurringBlocks(ctx: ImportContext, setup: SetupDocument): Promise<void> {
  for (const [i, b] of (setup.recurringBlocks ?? []).entries()) {
    const path = `setup.recurringBlocks[${i}]`;
    const named = (['location', 'resource', 'service'] as const).filter((k) => b[k] !== undefined);
    if (named.length !== 1) throw invalid(`${path}.${named[1] ?? 'resource'}`, `${path} names exactly one of location, resource, service`);
    const type = named[0];
    const created = ctx.refs.resolve(type, b[type]!, `${path}.${type}`);
    const entity: Entity = { type, id: created.id, uid: created.uid };
    const rule = at(path, () => checkRule({ ...b, iana: b.iana ?? 'UTC' }));
    await insert(ctx, 'recurring_blocks', {
      company_id: ctx.companyId, location_id: type === 'location' ? entity.id : null, resource_id: type === 'resource' ? entity.id : null,
      service_id: type === 'service' ? entity.id : null, ...rule, iana: b.iana ?? await entityZone(ctx.tx, ctx.companyId, entity), created_at: ctx.now,
    });
  }
}
