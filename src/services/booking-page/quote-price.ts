// The total the booking page shows before the customer books: service, chosen add-ons, and a
// coupon or package code checked (not spent) against the same rules the booking will apply.
import { priceAppointment } from '../../core/booking/index.js';
import { checkCertificateCode } from '../certificates/certificates.js';
import type { ServiceContext } from '../context.js';
import { loadAddons } from '../scheduling/load-setup.js';
import type { ServiceRow } from '../../store/schema.js';

export interface Quote { totalCents: number; discountCents: number; code: string | null }

export async function quotePrice(ctx: ServiceContext, companyId: number, service: ServiceRow, q: { addonIds: number[]; code?: string; email?: string }): Promise<Quote> {
  const addons = (await loadAddons(ctx.store.db, companyId, service, q.addonIds, false)).map((a) => ({ priceCents: a.price_cents }));
  if (!q.code) {
    const price = priceAppointment({ servicePriceCents: service.price_cents, addons });
    return { totalCents: price.total, discountCents: 0, code: null };
  }
  const found = await checkCertificateCode(ctx, companyId, { code: q.code, serviceKey: service.id, email: q.email ?? null });
  const full = priceAppointment({ servicePriceCents: service.price_cents, addons });
  if (found.kind === 'package') return { totalCents: 0, discountCents: full.total, code: found.code };
  const price = priceAppointment({ servicePriceCents: service.price_cents, addons, coupon: { discountType: found.discountType, discountAmount: found.discountAmount } });
  return { totalCents: price.total, discountCents: price.discount, code: found.code };
}
