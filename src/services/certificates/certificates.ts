// Listing, checking, issuing and deleting certificates. Checking uses the very rules a booking
// applies (core checkCertificate), so a code that passes here passes at booking, balance permitting.
import { randomBytes, randomUUID } from 'node:crypto';
import { checkCertificate } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { asCoreCertificate, couponViews, packageViews, type CertificateView, type CouponView, type PackageView } from './views.js';

export interface CertificateFilter { productId?: number; orderId?: number; serviceId?: number; email?: string }

export async function listCertificates(ctx: ServiceContext, companyId: number, f: CertificateFilter = {}): Promise<CertificateView[]> {
  const all = await allCertificates(ctx.store.db, companyId);
  const email = f.email?.trim().toLowerCase();
  return all.filter((c) => {
    if (f.serviceId !== undefined && c.serviceIds.length > 0 && !c.serviceIds.includes(f.serviceId)) return false;
    if (c.kind === 'coupon') return f.productId === undefined && f.orderId === undefined && email === undefined;
    if (f.productId !== undefined && c.productId !== f.productId) return false;
    if (f.orderId !== undefined && c.orderId !== f.orderId) return false;
    return email === undefined || c.email?.trim().toLowerCase() === email;
  });
}

/** The certificate `code` names, if it could pay for the service now; else a CertificateError. */
export async function checkCertificateCode(ctx: ServiceContext, companyId: number, q: { code: string; serviceKey: Key; email?: string | null }): Promise<CertificateView> {
  const tx = ctx.store.db;
  const service = await findOwned(tx, 'services', companyId, q.serviceKey, 'Service', 'ServiceId');
  const candidates = await certificateCandidates(tx, companyId);
  return checkCertificate(q.code, candidates, { serviceId: service.id, durationMinutes: service.duration, now: ctx.now(), email: q.email ?? null }).view;
}

export interface IssueCertificate {
  /** A package product: the new certificate is a package with the product's counts or minutes. */
  productKey?: Key;
  /** A coupon: the new certificate is another code with that coupon's terms. */
  couponKey?: Key;
  /** The code; a random 8-character one when absent. */
  code?: string;
  email?: string | null;
}

export async function issueCertificate(ctx: ServiceContext, companyId: number, input: IssueCertificate, idempotency?: Idempotency): Promise<CertificateView> {
  if ((input.productKey === undefined) === (input.couponKey === undefined)) {
    throw new DomainError('invalid_input', { field: 'productID', message: 'Exactly one of productID and couponID is required.' });
  }
  const email = input.email?.trim() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError('invalid_input', { field: 'email', value: email, message: `Invalid "email" attribute value.` });
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const code = await freshCode(tx, companyId, input.code);
    if (input.couponKey !== undefined) return issueCouponCode(tx, companyId, input.couponKey, code);
    const product = await ownedRow(tx, 'products', companyId, input.productKey!, 'Product', 'productID');
    if (product.type === 'product') {
      throw new DomainError('invalid_input', { field: 'productID', value: product.id, message: `The product "${product.id}" is not a package.` });
    }
    const now = ctx.now();
    const { id } = await tx.insertInto('packages').values({
      uid: randomUUID(), company_id: companyId, code, name: product.name, type: product.type === 'appointments' ? 'counts' : 'minutes',
      remaining_counts: product.type === 'appointments' ? product.counts : null, remaining_minutes: product.type === 'minutes' ? product.minutes : null,
      expires_at: product.valid_days === null ? null : now + product.valid_days * 86_400_000, service_ids: product.service_ids, email,
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('package_origins').values({ package_id: Number(id), product_id: product.id, order_id: null }).execute();
    return (await packageViews(tx, [await tx.selectFrom('packages').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow()]))[0];
  });
}

/** Deletes a package or a coupon code. A coupon other codes were issued for takes them with it. */
export async function deleteCertificate(ctx: ServiceContext, companyId: number, which: { kind: 'package' | 'coupon'; id: number }, idempotency?: Idempotency): Promise<CertificateView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const table = which.kind === 'package' ? 'packages' : 'coupons';
    const views = which.kind === 'package'
      ? await packageViews(tx, await tx.selectFrom('packages').selectAll().where('company_id', '=', companyId).where('id', '=', which.id).execute())
      : await couponViews(tx, await tx.selectFrom('coupons').selectAll().where('company_id', '=', companyId).where('id', '=', which.id).execute());
    if (views.length === 0) throw notFound('Certificate', which.id, 'id');
    await tx.deleteFrom(table).where('id', '=', which.id).execute();
    return views[0];
  });
}

/** Every certificate of the company in the core's terms, each carrying its view: what a booking or a check matches a code against. */
export async function certificateCandidates(tx: Tx, companyId: number) {
  return (await allCertificates(tx, companyId)).map(asCoreCertificate);
}

async function allCertificates(tx: Tx, companyId: number): Promise<CertificateView[]> {
  const packages = await packageViews(tx, await tx.selectFrom('packages').selectAll().where('company_id', '=', companyId).orderBy('id').execute());
  const coupons = await couponViews(tx, await tx.selectFrom('coupons').selectAll().where('company_id', '=', companyId).orderBy('id').execute());
  return [...packages, ...coupons];
}

async function issueCouponCode(tx: Tx, companyId: number, couponKey: Key, code: string): Promise<CouponView> {
  const coupon = await ownedRow(tx, 'coupons', companyId, couponKey, 'Coupon', 'couponID');
  const parent = await tx.selectFrom('coupon_codes').select('parent_coupon_id').where('coupon_id', '=', coupon.id).executeTakeFirst();
  const { id: _id, uid: _uid, uses: _uses, ...terms } = coupon;
  const { id } = await tx.insertInto('coupons').values({ ...terms, uid: randomUUID(), code, uses: 0 }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('coupon_codes').values({ coupon_id: Number(id), parent_coupon_id: parent?.parent_coupon_id ?? coupon.id }).execute();
  return (await couponViews(tx, [await tx.selectFrom('coupons').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow()]))[0];
}

/** The code asked for, if no certificate of the company has it yet (case-insensitively), else a random one. */
async function freshCode(tx: Tx, companyId: number, wanted: string | undefined): Promise<string> {
  const taken = new Set([
    ...(await tx.selectFrom('packages').select('code').where('company_id', '=', companyId).execute()),
    ...(await tx.selectFrom('coupons').select('code').where('company_id', '=', companyId).execute()),
  ].map((r) => r.code.trim().toLowerCase()));
  if (wanted !== undefined) {
    const code = wanted.trim();
    if (!code || code.length > 100) throw new DomainError('invalid_input', { field: 'certificate', value: wanted, message: `The certificate "${wanted}" is invalid.` });
    if (taken.has(code.toLowerCase())) throw new DomainError('invalid_input', { field: 'certificate', value: wanted, message: `The certificate "${wanted}" already exists.` });
    return code;
  }
  for (;;) {
    const code = randomBytes(4).toString('hex').toUpperCase();
    if (!taken.has(code.toLowerCase())) return code;
  }
}

async function ownedRow<T extends 'products' | 'coupons'>(tx: Tx, table: T, companyId: number, key: Key, what: string, field: string) {
  const id = typeof key === 'number' ? key : /^\d{1,15}$/.test(key) ? Number(key) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what, key, field);
  const row = await tx.selectFrom(table as 'products').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(what, key, field);
  return row as unknown as import('kysely').Selectable<import('../../store/schema.js').Database[T]>;
}
