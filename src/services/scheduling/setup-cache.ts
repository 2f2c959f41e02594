// The setup rows scheduling reads on every request (the company, its locations, resources and
// services, and which resources offer which service), kept per company in this process and reused
// while the company's setup stamp is unchanged. Migration 013's triggers replace the stamp in the
// same transaction as any write to those rows, so every writer invalidates, in this process or
// another (PostgreSQL with several processes), without having to call anything: one indexed read
// of the stamp replaces five to eight reads of rows. The stamp is read before the rows, so a cached
// entry is never older than its stamp. Rows are frozen: they are shared by concurrent requests.
import { DomainError } from '../../core/errors.js';
import type { CompanyRow, LocationRow, ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';

export interface Indexed<R extends { id: number; uid: string }> {
  byId: Map<number, R>;
  byUid: Map<string, R>;
  /** In id order. */
  all: R[];
}

export interface CompanySetup {
  version: number | null;
  company: CompanyRow;
  locations: Indexed<LocationRow>;
  resources: Indexed<ResourceRow>;
  services: Indexed<ServiceRow>;
  /** The resources each service names (absent: the service names none, so any resource may take it). */
  serviceResources: Map<number, Set<number>>;
}

/** Companies kept; the least recently used one is dropped beyond that. */
const CAPACITY = 500;
const cache = new Map<number, CompanySetup>();

function indexed<R extends { id: number; uid: string }>(rows: R[]): Indexed<R> {
  const all = rows.map((r) => Object.freeze(r)).sort((a, b) => a.id - b.id);
  return { all, byId: new Map(all.map((r) => [r.id, r])), byUid: new Map(all.map((r) => [r.uid, r])) };
}

async function loadSetup(tx: Tx, companyId: number, version: number | null): Promise<CompanySetup> {
  const company = await tx.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
  if (!company) throw new DomainError('not_found', { message: `Company ${companyId} not found.` });
  const locations = await tx.selectFrom('locations').selectAll().where('company_id', '=', companyId).execute();
  const resources = await tx.selectFrom('resources').selectAll().where('company_id', '=', companyId).execute();
  const services = await tx.selectFrom('services').selectAll().where('company_id', '=', companyId).execute();
  const links = await tx.selectFrom('service_resources as sr').innerJoin('services as s', 's.id', 'sr.service_id')
    .select(['sr.service_id', 'sr.resource_id']).where('s.company_id', '=', companyId).execute();
  const serviceResources = new Map<number, Set<number>>();
  for (const { service_id, resource_id } of links) {
    const set = serviceResources.get(service_id) ?? new Set<number>();
    set.add(resource_id);
    serviceResources.set(service_id, set);
  }
  return {
    version, company: Object.freeze(company), serviceResources,
    locations: indexed(locations), resources: indexed(resources), services: indexed(services),
  };
}

/** The company's setup, from the cache while its stamp is unchanged; not_found when there is no such company. */
export async function companySetup(tx: Tx, companyId: number): Promise<CompanySetup> {
  const stamp = await tx.selectFrom('setup_versions').select('version').where('company_id', '=', companyId).executeTakeFirst();
  const version = stamp ? Number(stamp.version) : null;
  const cached = cache.get(companyId);
  if (cached && version !== null && cached.version === version) {
    cache.delete(companyId); // most recently used goes last
    cache.set(companyId, cached);
    return cached;
  }
  const setup = await loadSetup(tx, companyId, version);
  if (version === null) return setup; // no stamp to check a later request against: never reused
  cache.delete(companyId);
  cache.set(companyId, setup);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return setup;
}
