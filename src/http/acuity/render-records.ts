// Acuity's objects for records kept beside appointments: blocks, certificates, products, orders and
// webhook subscriptions. Certificate ids encode which table a certificate lives in: packages are
// even (2 × id), coupon codes odd (2 × id + 1), so one id space covers both, as on Acuity.
import { formatMoney } from '../../core/booking/index.js';
import type { BlockView } from '../../services/catalog/blocks.js';
import type { CertificateView } from '../../services/certificates/views.js';
import type { OrderView } from '../../services/commerce/orders.js';
import type { ProductView } from '../../services/commerce/products.js';
import type { WebhookView } from '../../services/webhooks/subscriptions.js';
import { formatDate, formatDatetime, formatIsoDate, formatTime } from './format.js';
import type { TimeFormat } from '../../core/booking/index.js';
import type { AcuityBlock } from './schemas.js';

export function renderBlock(b: BlockView, zone: string, timeFormat: TimeFormat): AcuityBlock {
  const span = `${formatDate(b.start, zone)} ${formatTime(b.start, zone, timeFormat)} - ${formatTime(b.end, zone, timeFormat)}`;
  return {
    id: b.id,
    calendarID: b.resource?.id ?? null,
    calendar: b.resource?.name ?? '',
    start: formatDatetime(b.start, zone),
    end: formatDatetime(b.end, zone),
    until: b.until === null ? null : formatDatetime(b.until, zone),
    recurring: b.weekly ? 'weekly' : null,
    notes: b.notes ?? '',
    description: `Blocked off ${span}${b.weekly ? ', weekly' : ''}`,
  };
}

export const certificateId = (c: Pick<CertificateView, 'kind' | 'id'>): number => (c.kind === 'package' ? c.id * 2 : c.id * 2 + 1);
export const certificateKey = (id: number): { kind: 'package' | 'coupon'; id: number } =>
  id % 2 === 0 ? { kind: 'package', id: id / 2 } : { kind: 'coupon', id: (id - 1) / 2 };

export function renderCertificate(c: CertificateView, zone: string) {
  const expiration = c.expiresAt === null ? null : formatIsoDate(c.expiresAt, zone);
  if (c.kind === 'coupon') {
    return {
      id: certificateId(c), certificate: c.code, couponID: c.couponId, productID: null, orderID: null, appointmentTypeIDs: c.serviceIds,
      productIDs: [], name: c.name ?? c.code, email: null, type: 'coupon', remainingCounts: null, remainingMinutes: null, expiration,
      discountType: c.discountType, discountAmount: c.discountType === 'price' ? Number(formatMoney(c.discountAmount)) : c.discountAmount,
      remainingUses: c.maxUses === null ? null : Math.max(0, c.maxUses - c.uses),
    };
  }
  return {
    id: certificateId(c), certificate: c.code, productID: c.productId, orderID: c.orderId, couponID: null, appointmentTypeIDs: c.serviceIds,
    name: c.name ?? c.code, email: c.email ?? '', type: c.type, remainingCounts: c.remainingCounts, remainingMinutes: c.remainingMinutes, expiration,
  };
}

export const renderProduct = (p: ProductView) => ({
  id: p.id, name: p.name, description: p.description ?? '', price: formatMoney(p.priceCents), type: p.type, hidden: p.hidden,
  appointmentTypeIDs: p.serviceIds, counts: p.counts, minutes: p.minutes, expires: p.validDays === null ? null : `${p.validDays} days`,
});

export const renderOrder = (o: OrderView, zone: string) => ({
  id: o.id, total: formatMoney(o.totalCents), status: o.status, time: formatDatetime(o.createdAt, zone), firstName: o.firstName,
  lastName: o.lastName, phone: o.phone ?? '', email: o.email ?? '', title: o.productName ?? '', notes: o.notes ?? '',
  items: o.productId === null ? [] : [{ productID: o.productId, name: o.productName ?? '', quantity: o.quantity, price: formatMoney(o.quantity ? Math.round(o.totalCents / o.quantity) : 0), total: formatMoney(o.totalCents) }],
  certificates: o.certificateCodes,
});

export const renderWebhook = (w: WebhookView) => ({ id: w.id, event: w.event, target: w.target, status: w.status });
