// Writes everything a setup document describes, inside the caller's transaction, in dependency
// order, and returns what every `ref` became. Any bad value aborts the whole import.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../store/transaction.js';
import type { SetupDocument } from './document.js';
import { RefTable, type Created } from './refs.js';
import { checkEmail, checkHours, checkInstant, checkMoney, checkOverrides, checkZone } from './checks.js';
import type { SecretBox } from '../../security/secrets.js';
import { durationColumns } from '../catalog/service-duration.js';
import { insertExternalCalendars } from '../calendars/external-calendars.js';
import { limitColumns } from '../scheduling/booking-limits.js';
import { importAllocations, importRecurringBlocks } from './import-availability.js';

export interface ImportContext {
  tx: Tx; companyId: number; zone: string; now: number; refs: RefTable;
  /** Seals the credentials of external calendars. */
  secrets: SecretBox;
  /** The location used where the document names none. */
  primary?: Created;
}

export async function importSetup(tx: Tx, company: { id: number; timezone: string; name: string }, setup: SetupDocument, now: number, secrets: SecretBox): Promise<Record<string, Created>> {
  const ctx: ImportContext = { tx, companyId: company.id, zone: company.timezone, now, refs: new RefTable(), secrets };
  await importLocations(ctx, setup, company.name);
  await importResources(ctx, setup);
  await importAddons(ctx, setup);
  await importForms(ctx, setup);
  await importLabels(ctx, setup);
  await importServices(ctx, setup);
  await importCertificates(ctx, setup);
  await importClasses(ctx, setup);
  await importBlocks(ctx, setup);
  await importAllocations(ctx, setup);
  await importRecurringBlocks(ctx, setup);
  return ctx.refs.toJSON();
}

const json = (value: unknown) => JSON.stringify(value);

export async function insert(ctx: ImportContext, table: Parameters<Tx['insertInto']>[0], values: Record<string, unknown>): Promise<Created> {
  const uid = randomUUID();
  const row = await ctx.tx.insertInto(table).values({ ...values, uid } as never).returning('id' as never).executeTakeFirstOrThrow();
  return { id: Number((row as { id: number }).id), uid };
}

async function importLocations(ctx: ImportContext, setup: SetupDocument, companyName: string) {
  const docs = setup.locations?.length ? setup.locations : [{ ref: '__primary', name: companyName, primary: true }];
  const primaries = docs.filter((l) => l.primary);
  if (primaries.length > 1) throw new DomainError('invalid_input', { field: 'setup.locations', message: 'setup.locations has more than one primary location' });
  for (const [i, l] of docs.entries()) {
    const path = `setup.locations[${i}]`;
    ctx.refs.assertFree(l.ref, path);
    const isPrimary = primaries.length ? l.primary === true : i === 0;
    const created = await insert(ctx, 'locations', {
      company_id: ctx.companyId, name: l.name, timezone: checkZone(l.timezone, `${path}.timezone`) ?? ctx.zone,
      is_primary: isPrimary ? 1 : 0, expiration_delay: l.expirationDelay ?? 300,
      hours: json(checkHours(l.hours, `${path}.hours`)), address: l.address ?? null, created_at: ctx.now,
    });
    if (isPrimary) ctx.primary = created;
    if (l.ref !== '__primary') ctx.refs.add('location', l.ref, path, created);
  }
}

const primaryLocation = (ctx: ImportContext): Created => ctx.primary!;

async function importResources(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, r] of (setup.resources ?? []).entries()) {
    const path = `setup.resources[${i}]`;
    ctx.refs.assertFree(r.ref, path);
    const location = r.location ? ctx.refs.resolve('location', r.location, `${path}.location`) : primaryLocation(ctx);
    const resource = await insert(ctx, 'resources', {
      company_id: ctx.companyId, location_id: location.id, name: r.name, email: checkEmail(r.email, `${path}.email`),
      phone: r.phone ?? null, description: r.description ?? null, timezone: checkZone(r.timezone, `${path}.timezone`) ?? null,
      hours: json(checkHours(r.hours, `${path}.hours`)), overrides: json(checkOverrides(r.overrides, `${path}.overrides`)),
      capacity: r.capacity ?? 1, booking_limit: r.bookingLimit ?? 0, created_at: ctx.now,
    });
    ctx.refs.add('resource', r.ref, path, resource);
    await insertExternalCalendars(ctx.tx, ctx.secrets, { companyId: ctx.companyId, resourceId: resource.id }, r.externalCalendars ?? [], ctx.now, `${path}.externalCalendars`);
  }
}

async function importAddons(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, a] of (setup.addons ?? []).entries()) {
    const path = `setup.addons[${i}]`;
    ctx.refs.assertFree(a.ref, path);
    ctx.refs.add('addon', a.ref, path, await insert(ctx, 'addons', {
      company_id: ctx.companyId, name: a.name, duration: a.duration ?? 0, price_cents: checkMoney(a.price, `${path}.price`),
      private: a.private ? 1 : 0,
    }));
  }
}

async function importForms(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, f] of (setup.forms ?? []).entries()) {
    const path = `setup.forms[${i}]`;
    ctx.refs.assertFree(f.ref, path);
    const form = await insert(ctx, 'forms', { company_id: ctx.companyId, name: f.name, description: f.description ?? null, hidden: f.hidden ? 1 : 0 });
    ctx.refs.add('form', f.ref, path, form);
    for (const [j, field] of f.fields.entries()) {
      const fieldPath = `${path}.fields[${j}]`;
      ctx.refs.assertFree(field.ref, fieldPath);
      const needsOptions = field.type === 'dropdown' || field.type === 'checkboxlist';
      if (needsOptions && !field.options?.length) {
        throw new DomainError('invalid_input', { field: `${fieldPath}.options`, message: `${fieldPath}.options is required for a ${field.type} field` });
      }
      ctx.refs.add('field', field.ref, fieldPath, await insert(ctx, 'form_fields', {
        form_id: form.id, name: field.name, type: field.type, required: field.required ? 1 : 0,
        options: field.options ? json(field.options) : null, position: j,
      }));
    }
  }
}

async function importLabels(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, l] of (setup.labels ?? []).entries()) {
    const path = `setup.labels[${i}]`;
    ctx.refs.assertFree(l.ref, path);
    ctx.refs.add('label', l.ref, path, await insert(ctx, 'labels', { company_id: ctx.companyId, name: l.name, color: l.color ?? null }));
  }
}

async function importServices(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, s] of (setup.services ?? []).entries()) {
    const path = `setup.services[${i}]`;
    ctx.refs.assertFree(s.ref, path);
    const scope = s.scope ?? 'company';
    if (scope === 'location' && !s.location) throw new DomainError('invalid_input', { field: `${path}.location`, message: `${path}.location is required for a location-scope service` });
    const location = s.location ? ctx.refs.resolve('location', s.location, `${path}.location`) : primaryLocation(ctx);
    const link = (kind: 'resource' | 'addon' | 'form', refs: string[] | undefined, key: string) =>
      (refs ?? []).map((ref, j) => ctx.refs.resolve(kind, ref, `${path}.${key}[${j}]`).id);
    const resourceIds = link('resource', s.resources, 'resources');
    const addonIds = link('addon', s.addons, 'addons');
    const formIds = link('form', s.forms, 'forms');
    const service = await insert(ctx, 'services', {
      company_id: ctx.companyId, location_id: location.id, scope, type: s.type ?? 'service', name: s.name,
      description: s.description ?? null, category: s.category ?? null, color: s.color ?? null, duration: s.duration,
      interval: s.interval ?? s.duration, padding_before: s.paddingBefore ?? 0, padding_after: s.paddingAfter ?? 0,
      price_cents: checkMoney(s.price, `${path}.price`), capacity: s.capacity ?? 1, round_robin: s.roundRobin ?? 'NONE',
      min_hours_in_advance: s.minHoursInAdvance ?? null, max_days_in_advance: s.maxDaysInAdvance ?? null,
      private: s.private ? 1 : 0, created_at: ctx.now, ...limitColumns(s.limits), ...durationColumns(s, s.duration, undefined, `${path}.`),
    });
    ctx.refs.add('service', s.ref, path, service);
    for (const resource_id of new Set(resourceIds)) await ctx.tx.insertInto('service_resources').values({ service_id: service.id, resource_id }).execute();
    for (const addon_id of new Set(addonIds)) await ctx.tx.insertInto('service_addons').values({ service_id: service.id, addon_id }).execute();
    for (const form_id of new Set(formIds)) await ctx.tx.insertInto('service_forms').values({ service_id: service.id, form_id }).execute();
  }
}

async function importCertificates(ctx: ImportContext, setup: SetupDocument) {
  const services = (refs: string[] | undefined, path: string) => json((refs ?? []).map((r, j) => ctx.refs.resolve('service', r, `${path}.services[${j}]`).id));
  for (const [i, c] of (setup.coupons ?? []).entries()) {
    const path = `setup.coupons[${i}]`;
    ctx.refs.assertFree(c.ref, path);
    ctx.refs.add('coupon', c.ref, path, await insert(ctx, 'coupons', {
      company_id: ctx.companyId, code: c.code, name: c.name ?? null, discount_type: c.discountType,
      // A price discount is money: kept in cents like every amount; a percentage stays a percentage.
      discount_amount: c.discountType === 'price' ? Math.round(c.discountAmount * 100) : c.discountAmount,
      expires_at: c.expiration ? checkInstant(c.expiration, ctx.zone, `${path}.expiration`) : null,
      max_uses: c.maxUses ?? null, uses: 0, service_ids: services(c.services, path),
    }));
  }
  for (const [i, p] of (setup.packages ?? []).entries()) {
    const path = `setup.packages[${i}]`;
    ctx.refs.assertFree(p.ref, path);
    ctx.refs.add('package', p.ref, path, await insert(ctx, 'packages', {
      company_id: ctx.companyId, code: p.code, name: p.name ?? null, type: p.type,
      remaining_counts: p.type === 'counts' ? (p.counts ?? 1) : null, remaining_minutes: p.type === 'minutes' ? (p.minutes ?? 60) : null,
      expires_at: p.expiration ? checkInstant(p.expiration, ctx.zone, `${path}.expiration`) : null,
      service_ids: services(p.services, path), email: checkEmail(p.email, `${path}.email`),
    }));
  }
}

async function importClasses(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, c] of (setup.classes ?? []).entries()) {
    const path = `setup.classes[${i}]`;
    ctx.refs.assertFree(c.ref, path);
    const service = ctx.refs.resolve('service', c.service, `${path}.service`);
    const resource = ctx.refs.resolve('resource', c.resource, `${path}.resource`);
    const row = await ctx.tx.selectFrom('services').select(['duration', 'capacity', 'type']).where('id', '=', service.id).executeTakeFirstOrThrow();
    if (row.type !== 'class') throw new DomainError('invalid_input', { field: `${path}.service`, message: `${path}.service must be a service of type "class"` });
    const start = checkInstant(c.start, ctx.zone, `${path}.start`);
    ctx.refs.add('class', c.ref, path, await insert(ctx, 'class_sessions', {
      company_id: ctx.companyId, service_id: service.id, resource_id: resource.id, start_at: start,
      end_at: start + (c.duration ?? row.duration) * 60_000, seats: c.seats ?? row.capacity, name: c.name ?? null,
    }));
  }
}

async function importBlocks(ctx: ImportContext, setup: SetupDocument) {
  for (const [i, b] of (setup.blocks ?? []).entries()) {
    const path = `setup.blocks[${i}]`;
    if (b.ref) ctx.refs.assertFree(b.ref, path);
    const start = checkInstant(b.start, ctx.zone, `${path}.start`);
    const end = checkInstant(b.end, ctx.zone, `${path}.end`);
    if (end <= start) throw new DomainError('invalid_input', { field: `${path}.end`, message: `${path}.end must be after ${path}.start` });
    const created = await insert(ctx, 'blocks', {
      company_id: ctx.companyId, start_at: start, end_at: end, weekly: b.recurring === 'weekly' ? 1 : 0,
      resource_id: b.resource ? ctx.refs.resolve('resource', b.resource, `${path}.resource`).id : null,
      location_id: b.location ? ctx.refs.resolve('location', b.location, `${path}.location`).id : null,
      service_id: b.service ? ctx.refs.resolve('service', b.service, `${path}.service`).id : null,
      until: b.until ? checkInstant(b.until, ctx.zone, `${path}.until`) : null, notes: b.notes ?? null, created_at: ctx.now,
    });
    if (b.ref) ctx.refs.add('block', b.ref, path, created);
  }
}
