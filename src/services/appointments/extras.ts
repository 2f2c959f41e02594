// The parts of a booking beyond time and place: intake answers, certificate, labels, and the price.
import { checkCertificate, isCoupon, priceAppointment, redeem, validateAnswers, type FieldAnswer, type FieldAnswerInput, type FormField } from '../../core/booking/index.js';
import type { ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';

export async function serviceFormFields(tx: Tx, serviceId: number): Promise<FormField[]> {
  const rows = await tx.selectFrom('form_fields as f').innerJoin('service_forms as sf', 'sf.form_id', 'f.form_id')
    .select(['f.id', 'f.name', 'f.type', 'f.required', 'f.options']).where('sf.service_id', '=', serviceId)
    .orderBy('f.form_id').orderBy('f.position').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type as FormField['type'], required: r.required === 1, options: r.options ? JSON.parse(r.options) : null }));
}

export async function checkAnswers(tx: Tx, service: ServiceRow, answers: FieldAnswerInput[] | undefined, enforceRequired: boolean): Promise<FieldAnswer[]> {
  const fields = await serviceFormFields(tx, service.id);
  if (fields.length === 0 && !answers?.length) return [];
  return validateAnswers(fields, answers ?? [], { enforceRequired });
}

export async function checkLabels(tx: Tx, companyId: number, keys: Key[] | undefined): Promise<number[]> {
  const ids: number[] = [];
  for (const key of keys ?? []) ids.push((await findOwned(tx, 'labels', companyId, key, 'Label', 'labels')).id);
  return ids;
}

export interface Charge { priceCents: number; discountCents: number; certificate: string | null }

/**
 * Prices the booking and, when a certificate pays part of it, checks and spends it in the same
 * transaction: a coupon's use is counted, a package's counts or minutes go down.
 */
export async function chargeBooking(tx: Tx, companyId: number, service: ServiceRow, addonPrices: number[],
  code: string | undefined, ctx: { lengthMinutes: number; now: number; email: string | null }): Promise<Charge> {
  const addons = addonPrices.map((priceCents) => ({ priceCents }));
  if (!code) {
    const price = priceAppointment({ servicePriceCents: service.price_cents, addons });
    return { priceCents: price.total, discountCents: 0, certificate: null };
  }
  const coupons = (await tx.selectFrom('coupons').selectAll().where('company_id', '=', companyId).execute()).map((c) => ({
    id: c.id, kind: 'coupon' as const, code: c.code, discountType: c.discount_type, discountAmount: c.discount_amount,
    expiresAt: c.expires_at, maxUses: c.max_uses, uses: c.uses, serviceIds: JSON.parse(c.service_ids) as number[],
  }));
  const packages = (await tx.selectFrom('packages').selectAll().where('company_id', '=', companyId).execute()).map((p) => ({
    id: p.id, kind: 'package' as const, code: p.code, type: p.type, remainingCounts: p.remaining_counts, remainingMinutes: p.remaining_minutes,
    expiresAt: p.expires_at, serviceIds: JSON.parse(p.service_ids) as number[], email: p.email,
  }));
  const found = checkCertificate(code, [...coupons, ...packages], { serviceId: service.id, durationMinutes: ctx.lengthMinutes, now: ctx.now, email: ctx.email });
  if (isCoupon(found) && found.kind === 'coupon') {
    await tx.updateTable('coupons').set({ uses: found.uses + 1 }).where('id', '=', found.id).execute();
    const price = priceAppointment({ servicePriceCents: service.price_cents, addons, coupon: { discountType: found.discountType, discountAmount: found.discountAmount } });
    return { priceCents: price.total, discountCents: price.discount, certificate: found.code };
  }
  if (found.kind !== 'package') throw new Error('unreachable: a certificate is a coupon or a package');
  const balance = redeem(found, ctx.lengthMinutes);
  await tx.updateTable('packages').set({ remaining_counts: balance.remainingCounts, remaining_minutes: balance.remainingMinutes }).where('id', '=', found.id).execute();
  // A package pays for the whole appointment.
  const price = priceAppointment({ servicePriceCents: service.price_cents, addons });
  return { priceCents: 0, discountCents: price.total, certificate: found.code };
}
