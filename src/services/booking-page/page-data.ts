// What a booking page shows about one service: the company, the service, its public add-ons and
// its intake-form fields.
import type { FormField } from '../../core/booking/index.js';
import type { CompanyRow, ServiceRow } from '../../store/schema.js';
import { serviceFormFields } from '../appointments/extras.js';
import type { ServiceContext } from '../context.js';
import { findBookingCompany, findPublicService } from './find-company.js';

export interface PageAddon { id: number; name: string; duration: number; priceCents: number }
export interface ServicePage { company: CompanyRow; service: ServiceRow; addons: PageAddon[]; fields: FormField[] }

export async function loadServicePage(ctx: ServiceContext, companyKey: string, serviceKey: string): Promise<ServicePage> {
  const db = ctx.store.db;
  const company = await findBookingCompany(db, companyKey);
  const service = await findPublicService(db, company.id, serviceKey);
  const addons = await db.selectFrom('addons as a').innerJoin('service_addons as sa', 'sa.addon_id', 'a.id')
    .select(['a.id', 'a.name', 'a.duration', 'a.price_cents']).where('sa.service_id', '=', service.id).where('a.private', '=', 0)
    .orderBy('a.id').execute();
  return {
    company, service, fields: await serviceFormFields(db, service.id),
    addons: addons.map((a) => ({ id: a.id, name: a.name, duration: a.duration, priceCents: a.price_cents })),
  };
}
