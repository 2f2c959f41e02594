// Products a company sells. A package product (appointments or minutes) is what package
// certificates are issued from. Neither vendor API writes products, so they are created here by
// whatever imports a business (and by tests).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ProductRow } from '../../store/schema-acuity.js';
import type { ServiceContext } from '../context.js';
import { notFound } from '../lookup.js';
import { inTransaction } from '../../store/transaction.js';

export interface ProductInput {
  name: string;
  description?: string | null;
  type: 'product' | 'appointments' | 'minutes';
  priceCents: number;
  counts?: number | null;
  minutes?: number | null;
  serviceIds?: number[];
  validDays?: number | null;
  hidden?: boolean;
}

export interface ProductView {
  id: number; uid: string; name: string; description: string | null; type: ProductRow['type']; priceCents: number;
  counts: number | null; minutes: number | null; serviceIds: number[]; validDays: number | null; hidden: boolean;
}

const view = (p: ProductRow): ProductView => ({
  id: p.id, uid: p.uid, name: p.name, description: p.description, type: p.type, priceCents: p.price_cents, counts: p.counts,
  minutes: p.minutes, serviceIds: JSON.parse(p.service_ids), validDays: p.valid_days, hidden: p.hidden === 1,
});

export async function createProduct(ctx: ServiceContext, companyId: number, input: ProductInput): Promise<ProductView> {
  const invalid = (field: string, message: string) => new DomainError('invalid_input', { field, message });
  if (!input.name?.trim()) throw invalid('name', 'name is required');
  if (!Number.isSafeInteger(input.priceCents) || input.priceCents < 0) throw invalid('price', 'price must be a non-negative amount');
  if (input.type === 'appointments' && !(Number.isSafeInteger(input.counts) && input.counts! > 0)) throw invalid('counts', 'an appointments package needs counts > 0');
  if (input.type === 'minutes' && !(Number.isSafeInteger(input.minutes) && input.minutes! > 0)) throw invalid('minutes', 'a minutes package needs minutes > 0');
  return inTransaction(ctx.store, async (tx) => {
    const serviceIds = [...new Set(input.serviceIds ?? [])];
    if (serviceIds.length) {
      const found = await tx.selectFrom('services').select('id').where('company_id', '=', companyId).where('id', 'in', serviceIds).execute();
      const missing = serviceIds.find((id) => !found.some((s) => s.id === id));
      if (missing !== undefined) throw notFound('Service', missing, 'serviceIds');
    }
    const row = await tx.insertInto('products').values({
      uid: randomUUID(), company_id: companyId, name: input.name.trim(), description: input.description ?? null, type: input.type,
      price_cents: input.priceCents, counts: input.type === 'appointments' ? input.counts! : null,
      minutes: input.type === 'minutes' ? input.minutes! : null, service_ids: JSON.stringify(serviceIds),
      valid_days: input.validDays ?? null, hidden: input.hidden ? 1 : 0, created_at: ctx.now(),
    }).returningAll().executeTakeFirstOrThrow();
    return view(row);
  });
}

export async function listProducts(ctx: ServiceContext, companyId: number): Promise<ProductView[]> {
  return (await ctx.store.db.selectFrom('products').selectAll().where('company_id', '=', companyId).orderBy('id').execute()).map(view);
}
