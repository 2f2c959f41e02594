// Certificates are the codes a client types at booking: packages (prepaid appointments or minutes)
// and coupon codes. This is how both look to a surface, with where each came from.
import type { Selectable } from 'kysely';
import type { Coupon, Package } from '../../core/booking/index.js';
import type { Database } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';

type PackageRow = Selectable<Database['packages']>;
type CouponRow = Selectable<Database['coupons']>;

export interface PackageView {
  kind: 'package'; id: number; uid: string; code: string; name: string | null; type: 'counts' | 'minutes';
  remainingCounts: number | null; remainingMinutes: number | null; expiresAt: number | null; serviceIds: number[];
  email: string | null; productId: number | null; orderId: number | null;
}

export interface CouponView {
  kind: 'coupon'; id: number; uid: string; code: string; name: string | null; discountType: 'percentage' | 'price';
  /** Percent, or cents for a `price` discount. */
  discountAmount: number; expiresAt: number | null; maxUses: number | null; uses: number; serviceIds: number[];
  /** The coupon whose terms this code carries: itself, or the one it was issued for. */
  couponId: number;
}

export type CertificateView = PackageView | CouponView;

export async function packageViews(tx: Tx, rows: PackageRow[]): Promise<PackageView[]> {
  const origins = new Map(rows.length
    ? (await tx.selectFrom('package_origins').selectAll().where('package_id', 'in', rows.map((r) => r.id)).execute()).map((o) => [o.package_id, o])
    : []);
  return rows.map((p) => ({
    kind: 'package', id: p.id, uid: p.uid, code: p.code, name: p.name, type: p.type, remainingCounts: p.remaining_counts,
    remainingMinutes: p.remaining_minutes, expiresAt: p.expires_at, serviceIds: JSON.parse(p.service_ids), email: p.email,
    productId: origins.get(p.id)?.product_id ?? null, orderId: origins.get(p.id)?.order_id ?? null,
  }));
}

export async function couponViews(tx: Tx, rows: CouponRow[]): Promise<CouponView[]> {
  const parents = new Map(rows.length
    ? (await tx.selectFrom('coupon_codes').selectAll().where('coupon_id', 'in', rows.map((r) => r.id)).execute()).map((c) => [c.coupon_id, c.parent_coupon_id])
    : []);
  return rows.map((c) => ({
    kind: 'coupon', id: c.id, uid: c.uid, code: c.code, name: c.name, discountType: c.discount_type, discountAmount: c.discount_amount,
    expiresAt: c.expires_at, maxUses: c.max_uses, uses: c.uses, serviceIds: JSON.parse(c.service_ids), couponId: parents.get(c.id) ?? c.id,
  }));
}

/** The core's view of a certificate, carrying the surface view along. */
export const asCoreCertificate = (view: CertificateView): (Coupon | Package) & { view: CertificateView } =>
  view.kind === 'coupon'
    ? { view, code: view.code, discountType: view.discountType, discountAmount: view.discountAmount, expiresAt: view.expiresAt,
        maxUses: view.maxUses, uses: view.uses, serviceIds: view.serviceIds }
    : { view, code: view.code, type: view.type, remainingCounts: view.remainingCounts, remainingMinutes: view.remainingMinutes,
        expiresAt: view.expiresAt, serviceIds: view.serviceIds, email: view.email };
