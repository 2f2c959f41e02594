// Certificates are the codes a client types at booking: coupons (a discount, possibly limited in
// uses) and packages (prepaid counts of appointments or minutes). Acuity calls both "certificates".

import { DomainError } from '../errors.js';
import type { Millis } from '../types.js';
import type { DiscountType } from './price.js';

export interface Coupon {
  code: string;
  discountType: DiscountType;
  /** Percent, or cents for `price` (see price.ts). */
  discountAmount: number;
  /** The first instant the coupon no longer works; null: never expires. */
  expiresAt: Millis | null;
  /** null: unlimited. */
  maxUses: number | null;
  uses: number;
  /** Services it applies to; empty: all. */
  serviceIds: readonly number[];
}

export interface Package {
  code: string;
  type: 'counts' | 'minutes';
  /** null: unlimited (and ignored for a minutes package). */
  remainingCounts: number | null;
  /** null: unlimited (and ignored for a counts package). */
  remainingMinutes: number | null;
  expiresAt: Millis | null;
  serviceIds: readonly number[];
  /** The client the package belongs to; null: anyone holding the code. */
  email: string | null;
}

export type Certificate = Coupon | Package;

export const isCoupon = (certificate: Certificate): certificate is Coupon => 'discountType' in certificate;

export type CertificateErrorCode = 'invalid_certificate' | 'expired_certificate' | 'certificate_uses' | 'invalid_certificate_type';

/**
 * A certificate error that also names the service, so a surface can render Acuity's
 * `... for appointment type "1".` messages. `value` stays the code exactly as the client typed it.
 */
export class CertificateError extends DomainError {
  declare readonly code: CertificateErrorCode;
  readonly serviceId?: number;
  constructor(code: CertificateErrorCode, certificate: string, serviceId?: number) {
    super(code, { message: certificateMessage(code, certificate, serviceId), field: 'certificate', value: certificate });
    this.serviceId = serviceId;
  }
}

function certificateMessage(code: CertificateErrorCode, certificate: string, serviceId?: number): string {
  switch (code) {
    case 'expired_certificate':
      return `The certificate "${certificate}" is expired.`;
    case 'certificate_uses':
      return `The certificate "${certificate}" has no remaining uses for service "${serviceId}".`;
    case 'invalid_certificate_type':
      return `The certificate "${certificate}" is invalid for service "${serviceId}".`;
    default:
      return `The certificate "${certificate}" is invalid.`;
  }
}

export interface CertificateContext {
  serviceId: number;
  /** Minutes the appointment lasts, add-ons included: what a minutes package is charged. */
  durationMinutes: number;
  now: Millis;
  /** The booking client's email. When given, a package that belongs to someone else is unknown. */
  email?: string | null;
}

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The certificate `code` names, if it may pay for this booking; otherwise a CertificateError.
 * Checks run from "what is it" to "is it enough": unknown, expired, wrong service, used up, so that
 * a used-up package for another service reports the wrong service, the more useful of the two.
 * Generic so that callers get their own record back (ids and all).
 */
export function checkCertificate<C extends Certificate>(code: string, candidates: readonly C[], context: CertificateContext): C {
  const found = candidates.find((c) => sameText(c.code, code) && belongsTo(c, context.email));
  if (!found) throw new CertificateError('invalid_certificate', code);
  if (found.expiresAt !== null && found.expiresAt <= context.now) throw new CertificateError('expired_certificate', code);
  if (found.serviceIds.length > 0 && !found.serviceIds.includes(context.serviceId)) {
    throw new CertificateError('invalid_certificate_type', code, context.serviceId);
  }
  if (!hasRemaining(found, context.durationMinutes)) throw new CertificateError('certificate_uses', code, context.serviceId);
  return found;
}

function belongsTo(certificate: Certificate, email: string | null | undefined): boolean {
  if (isCoupon(certificate) || certificate.email === null || email == null) return true;
  return sameText(certificate.email, email);
}

function hasRemaining(certificate: Certificate, durationMinutes: number): boolean {
  if (isCoupon(certificate)) return certificate.maxUses === null || certificate.uses < certificate.maxUses;
  if (certificate.type === 'counts') return certificate.remainingCounts === null || certificate.remainingCounts >= 1;
  return certificate.remainingMinutes === null || certificate.remainingMinutes >= durationMinutes;
}

export interface PackageBalance {
  remainingCounts: number | null;
  remainingMinutes: number | null;
}

/**
 * The package's balance after paying for one appointment of `durationMinutes`. Unlimited (null)
 * balances stay unlimited. Throws certificate_uses if the balance does not cover it, so a caller that
 * skipped checkCertificate can never drive a balance below zero.
 */
export function redeem(pkg: Package, durationMinutes: number): PackageBalance {
  if (!hasRemaining(pkg, durationMinutes)) throw new CertificateError('certificate_uses', pkg.code);
  const { remainingCounts, remainingMinutes } = pkg;
  if (pkg.type === 'counts') {
    return { remainingCounts: remainingCounts === null ? null : remainingCounts - 1, remainingMinutes };
  }
  return { remainingCounts, remainingMinutes: remainingMinutes === null ? null : remainingMinutes - durationMinutes };
}
