// Reading what a company offers: its services with the resources, add-ons and forms they use, its
// resources with the zone each works in, add-ons, forms with their fields, and labels.
import type { Selectable } from 'kysely';
import type { Database, LocationRow, ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { primaryLocation } from '../scheduling/load-setup.js';
import { resourceZone } from '../scheduling/calendars.js';

export type AddonRow = Selectable<Database['addons']>;
export type LabelRow = Selectable<Database['labels']>;
export type FormRow = Selectable<Database['forms']>;
export type FormFieldRow = Selectable<Database['form_fields']>;

export interface ServiceListing {
  service: ServiceRow;
  /** The resources that can take it: the ones linked to it, else every resource where it is offered. */
  resourceIds: number[];
  addonIds: number[];
  formIds: number[];
}

export interface ResourceListing { resource: ResourceRow; location: LocationRow; zone: string }
export interface AddonListing { addon: AddonRow; serviceIds: number[] }
export interface FormListing { form: FormRow; fields: FormFieldRow[]; serviceIds: number[] }

const byKey = <T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

export async function listServices(ctx: ServiceContext, companyId: number, opts: { includeDeleted?: boolean; ids?: number[] } = {}): Promise<ServiceListing[]> {
  const tx = ctx.store.db;
  let q = tx.selectFrom('services').selectAll().where('company_id', '=', companyId);
  if (!opts.includeDeleted) q = q.where('deleted', '=', 0);
  if (opts.ids) {
    if (opts.ids.length === 0) return [];
    q = q.where('id', 'in', opts.ids);
  }
  const services = await q.orderBy('id').execute();
  if (services.length === 0) return [];
  const ids = services.map((s) => s.id);
  const resourceLinks = byKey(await tx.selectFrom('service_resources').selectAll().where('service_id', 'in', ids).execute(), (r) => r.service_id);
  const addonLinks = byKey(await tx.selectFrom('service_addons').selectAll().where('service_id', 'in', ids).execute(), (r) => r.service_id);
  const formLinks = byKey(await tx.selectFrom('service_forms').selectAll().where('service_id', 'in', ids).execute(), (r) => r.service_id);
  const resources = await tx.selectFrom('resources').select(['id', 'location_id']).where('company_id', '=', companyId).where('deleted', '=', 0).orderBy('id').execute();
  const live = new Set(resources.map((r) => r.id));
  const primary = resources.length ? (await primaryLocation(tx, companyId)).id : null;
  return services.map((service) => {
    const linked = (resourceLinks.get(service.id) ?? []).map((r) => r.resource_id).filter((id) => live.has(id));
    const at = service.scope === 'location' ? service.location_id : primary;
    return {
      service,
      resourceIds: resourceLinks.has(service.id) ? linked.sort((a, b) => a - b) : resources.filter((r) => r.location_id === at).map((r) => r.id),
      addonIds: (addonLinks.get(service.id) ?? []).map((r) => r.addon_id).sort((a, b) => a - b),
      formIds: (formLinks.get(service.id) ?? []).map((r) => r.form_id).sort((a, b) => a - b),
    };
  });
}

/** Where a service is booked when the caller names no location: its own, if it is offered only there. */
export const serviceLocationKey = (service: ServiceRow): number | undefined => (service.scope === 'location' && service.location_id !== null ? service.location_id : undefined);

/** One live service, or null. */
export async function findService(ctx: ServiceContext, companyId: number, id: number): Promise<ServiceListing | null> {
  return (await listServices(ctx, companyId, { ids: [id] }))[0] ?? null;
}

export async function listResources(ctx: ServiceContext, companyId: number, ids?: number[]): Promise<ResourceListing[]> {
  const tx: Tx = ctx.store.db;
  if (ids && ids.length === 0) return [];
  let q = tx.selectFrom('resources').selectAll().where('company_id', '=', companyId).where('deleted', '=', 0);
  if (ids) q = q.where('id', 'in', ids);
  const resources = await q.orderBy('id').execute();
  if (resources.length === 0) return [];
  const company = await tx.selectFrom('companies').select('timezone').where('id', '=', companyId).executeTakeFirstOrThrow();
  const locations = new Map((await tx.selectFrom('locations').selectAll().where('company_id', '=', companyId).execute()).map((l) => [l.id, l]));
  return resources.map((resource) => {
    const location = locations.get(resource.location_id)!;
    return { resource, location, zone: resourceZone(resource, location, company.timezone) };
  });
}

/** One live resource, or null. */
export async function findResource(ctx: ServiceContext, companyId: number, id: number): Promise<ResourceListing | null> {
  return (await listResources(ctx, companyId, [id]))[0] ?? null;
}

export async function listAddons(ctx: ServiceContext, companyId: number): Promise<AddonListing[]> {
  const tx = ctx.store.db;
  const addons = await tx.selectFrom('addons').selectAll().where('company_id', '=', companyId).orderBy('id').execute();
  if (addons.length === 0) return [];
  const links = byKey(await tx.selectFrom('service_addons').selectAll().where('addon_id', 'in', addons.map((a) => a.id)).execute(), (r) => r.addon_id);
  return addons.map((addon) => ({ addon, serviceIds: (links.get(addon.id) ?? []).map((r) => r.service_id).sort((a, b) => a - b) }));
}

export async function listForms(ctx: ServiceContext, companyId: number, opts: { serviceIds?: number[] } = {}): Promise<FormListing[]> {
  const tx = ctx.store.db;
  let q = tx.selectFrom('forms').selectAll().where('company_id', '=', companyId);
  if (opts.serviceIds) {
    if (opts.serviceIds.length === 0) return [];
    q = q.where('id', 'in', tx.selectFrom('service_forms').select('form_id').where('service_id', 'in', opts.serviceIds));
  }
  const forms = await q.orderBy('id').execute();
  if (forms.length === 0) return [];
  const formIds = forms.map((f) => f.id);
  const fields = byKey(await tx.selectFrom('form_fields').selectAll().where('form_id', 'in', formIds).orderBy('form_id').orderBy('position').execute(), (f) => f.form_id);
  const links = byKey(await tx.selectFrom('service_forms').selectAll().where('form_id', 'in', formIds).execute(), (r) => r.form_id);
  return forms.map((form) => ({
    form, fields: fields.get(form.id) ?? [], serviceIds: (links.get(form.id) ?? []).map((r) => r.service_id).sort((a, b) => a - b),
  }));
}

export async function listLabels(ctx: ServiceContext, companyId: number): Promise<LabelRow[]> {
  return ctx.store.db.selectFrom('labels').selectAll().where('company_id', '=', companyId).orderBy('id').execute();
}
