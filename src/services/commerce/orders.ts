// Orders: a client bought a product. Recording one for a package product issues its certificate in
// the same transaction. Neither vendor API writes orders; they are recorded here by whatever takes
// payments (and by tests).
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { OrderRow } from '../../store/schema-acuity.js';
import type { ServiceContext } from '../context.js';
import { notFound, type Key } from '../lookup.js';
import { inTransaction } from '../../store/transaction.js';

export interface OrderInput {
  productId: number; firstName: string; lastName: string; email?: string | null; phone?: string | null;
  quantity?: number; notes?: string | null;
}

export interface OrderView {
  id: number; uid: string; productId: number | null; productName: string | null; firstName: string; lastName: string;
  email: string | null; phone: string | null; quantity: number; totalCents: number; status: string; notes: string | null;
  createdAt: number; certificateCodes: string[];
}

export interface OrderFilter { limit?: number; from?: number; to?: number; email?: string }

export async function recordOrder(ctx: ServiceContext, companyId: number, input: OrderInput): Promise<OrderView> {
  const quantity = input.quantity ?? 1;
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new DomainError('invalid_input', { field: 'quantity', message: 'quantity must be a positive integer' });
  if (!input.firstName?.trim()) throw new DomainError('invalid_input', { field: 'firstName', message: 'firstName is required' });
  return inTransaction(ctx.store, async (tx) => {
    const product = await tx.selectFrom('products').selectAll().where('company_id', '=', companyId).where('id', '=', input.productId).executeTakeFirst();
    if (!product) throw notFound('Product', input.productId, 'productID');
    const now = ctx.now();
    const { id } = await tx.insertInto('orders').values({
      uid: randomUUID(), company_id: companyId, product_id: product.id, customer_id: null, first_name: input.firstName.trim(),
      last_name: input.lastName?.trim() ?? '', email: input.email ?? null, phone: input.phone ?? null, quantity,
      total_cents: product.price_cents * quantity, status: 'completed', notes: input.notes ?? null, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (product.type !== 'product') {
      for (let i = 0; i < quantity; i++) {
        const pkg = await tx.insertInto('packages').values({
          uid: randomUUID(), company_id: companyId, code: randomBytes(4).toString('hex').toUpperCase(), name: product.name,
          type: product.type === 'appointments' ? 'counts' : 'minutes',
          remaining_counts: product.type === 'appointments' ? product.counts : null, remaining_minutes: product.type === 'minutes' ? product.minutes : null,
          expires_at: product.valid_days === null ? null : now + product.valid_days * 86_400_000, service_ids: product.service_ids, email: input.email ?? null,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('package_origins').values({ package_id: Number(pkg.id), product_id: product.id, order_id: Number(id) }).execute();
      }
    }
    return (await views(tx, [await tx.selectFrom('orders').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow()]))[0];
  });
}

export async function listOrders(ctx: ServiceContext, companyId: number, f: OrderFilter = {}): Promise<OrderView[]> {
  let q = ctx.store.db.selectFrom('orders').selectAll().where('company_id', '=', companyId);
  if (f.from !== undefined) q = q.where('created_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('created_at', '<', f.to);
  if (f.email !== undefined) q = q.where((eb) => eb(eb.fn('lower', ['email']), '=', f.email!.trim().toLowerCase()));
  return views(ctx.store.db, await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit ?? 100).execute());
}

export async function getOrder(ctx: ServiceContext, companyId: number, key: Key): Promise<OrderView> {
  const id = typeof key === 'number' ? key : /^\d{1,15}$/.test(key) ? Number(key) : NaN;
  const row = Number.isSafeInteger(id)
    ? await ctx.store.db.selectFrom('orders').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Order', key, 'id');
  return (await views(ctx.store.db, [row]))[0];
}

async function views(db: ServiceContext['store']['db'], rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const productIds = [...new Set(rows.map((r) => r.product_id).filter((id): id is number => id !== null))];
  const products = new Map(productIds.length ? (await db.selectFrom('products').select(['id', 'name']).where('id', 'in', productIds).execute()).map((p) => [p.id, p.name]) : []);
  const codes = await db.selectFrom('package_origins as o').innerJoin('packages as p', 'p.id', 'o.package_id')
    .select(['o.order_id', 'p.code']).where('o.order_id', 'in', rows.map((r) => r.id)).orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id, uid: r.uid, productId: r.product_id, productName: r.product_id === null ? null : products.get(r.product_id) ?? null,
    firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, quantity: r.quantity, totalCents: r.total_cents,
    status: r.status, notes: r.notes, createdAt: r.created_at, certificateCodes: codes.filter((c) => c.order_id === r.id).map((c) => c.code),
  }));
}
