// The parts of a booking beyond time and place: intake answers, certificate, labels, and the price.
import { CertificateError, checkCertificate, priceAppointment, validateAnswers, type FieldAnswer, type FieldAnswerInput, type FormField } from '../../core/booking/index.js';
import type { ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';
import { certificateCandidates } from '../certificates/certificates.js';

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
  const found = checkCertificate(code, await certificateCandidates(tx, companyId), { serviceId: service.id, durationMinutes: ctx.lengthMinutes, now: ctx.now, email: ctx.email });
  const view = found.view;
  const spent = view.kind === 'coupon' ? await spendCouponUse(tx, view.id) : await spendPackage(tx, view.id, view.type, ctx.lengthMinutes);
  // Another booking spent the last use between our read and our write.
  if (!spent) throw new CertificateError('certificate_uses', code, service.id);
  if (view.kind === 'coupon') {
    const price = priceAppointment({ servicePriceCents: service.price_cents, addons, coupon: { discountType: view.discountType, discountAmount: view.discountAmount } });
    return { priceCents: price.total, discountCents: price.discount, certificate: view.code };
  }
  // A package pays for the whole appointment.
  const price = priceAppointment({ servicePriceCents: service.price_cents, addons });
  return { priceCents: 0, discountCents: price.total, certificate: view.code };
}

// Spending is one conditional UPDATE, not read-then-write: two bookings on different resources hold
// different locks, and on PostgreSQL the second UPDATE re-checks its condition on the row the
// first one committed, so a last use can never be spent twice.
async function spendCouponUse(tx: Tx, couponId: number): Promise<boolean> {
  const result = await tx.updateTable('coupons').set((eb) => ({ uses: eb('uses', '+', 1) })).where('id', '=', couponId)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))])).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function spendPackage(tx: Tx, packageId: number, type: 'counts' | 'minutes', minutes: number): Promise<boolean> {
  const query = type === 'counts'
    ? tx.updateTable('packages').set((eb) => ({ remaining_counts: eb('remaining_counts', '-', 1) }))
      .where((eb) => eb.or([eb('remaining_counts', 'is', null), eb('remaining_counts', '>=', 1)]))
    : tx.updateTable('packages').set((eb) => ({ remaining_minutes: eb('remaining_minutes', '-', minutes) }))
      .where((eb) => eb.or([eb('remaining_minutes', 'is', null), eb('remaining_minutes', '>=', minutes)]));
  const result = await query.where('id', '=', packageId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
