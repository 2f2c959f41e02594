import { describe, expect, it } from 'vitest';
import {
  CertificateError,
  checkCertificate,
  redeem,
  type Certificate,
  type Coupon,
  type Package,
} from '../../../src/core/booking/certificates.js';
import { DomainError } from '../../../src/core/errors.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const DAY = 24 * 60 * 60 * 1000;

const coupon = (overrides: Partial<Coupon> = {}): Coupon => ({
  code: 'TENOFF',
  discountType: 'percentage',
  discountAmount: 10,
  expiresAt: null,
  maxUses: null,
  uses: 0,
  serviceIds: [],
  ...overrides,
});

const pkg = (overrides: Partial<Package> = {}): Package => ({
  code: '8013DA6F',
  type: 'counts',
  remainingCounts: 3,
  remainingMinutes: null,
  expiresAt: null,
  serviceIds: [1],
  email: null,
  ...overrides,
});

const context = { serviceId: 1, durationMinutes: 30, now: NOW };

function errorOf(run: () => unknown): CertificateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateError);
    expect(error).toBeInstanceOf(DomainError);
    return error as CertificateError;
  }
  throw new Error('expected a CertificateError');
}

describe('checkCertificate', () => {
  it('returns the matching record itself, extra properties included', () => {
    const stored = { ...coupon(), id: 7 };
    const found = checkCertificate('TENOFF', [{ ...pkg(), id: 6 }, stored], context);
    expect(found).toBe(stored);
    expect(found.id).toBe(7);
  });

  it('matches codes case-insensitively and ignores surrounding spaces', () => {
    expect(checkCertificate(' tenOFF ', [coupon()], context).code).toBe('TENOFF');
  });

  it('rejects an unknown code with invalid_certificate, quoting the code as typed', () => {
    const error = errorOf(() => checkCertificate('NOCODENOPROBLEM', [coupon(), pkg()], context));
    expect(error.code).toBe('invalid_certificate');
    expect(error.value).toBe('NOCODENOPROBLEM');
    expect(error.field).toBe('certificate');
    expect(error.message).toBe('The certificate "NOCODENOPROBLEM" is invalid.');
  });

  it('rejects an expired certificate; the expiry instant itself is already expired', () => {
    const error = errorOf(() => checkCertificate('expired', [coupon({ code: 'EXPIRED', expiresAt: NOW })], context));
    expect(error.code).toBe('expired_certificate');
    expect(error.value).toBe('expired');
    expect(error.message).toBe('The certificate "expired" is expired.');
    expect(checkCertificate('EXPIRED', [coupon({ code: 'EXPIRED', expiresAt: NOW + 1 })], context).code).toBe('EXPIRED');
  });

  it('rejects a certificate for another service with invalid_certificate_type, naming the service', () => {
    const error = errorOf(() => checkCertificate('E5E5325C', [pkg({ code: 'E5E5325C', serviceIds: [1, 2] })], { ...context, serviceId: 5 }));
    expect(error.code).toBe('invalid_certificate_type');
    expect(error.value).toBe('E5E5325C');
    expect(error.serviceId).toBe(5);
  });

  it('treats an empty service list as every service', () => {
    expect(() => checkCertificate('TENOFF', [coupon({ serviceIds: [] })], { ...context, serviceId: 99 })).not.toThrow();
  });

  it('rejects a coupon that reached its maximum uses with certificate_uses', () => {
    const error = errorOf(() => checkCertificate('TENOFF', [coupon({ maxUses: 2, uses: 2 })], context));
    expect(error.code).toBe('certificate_uses');
    expect(error.value).toBe('TENOFF');
    expect(error.serviceId).toBe(1);
    expect(() => checkCertificate('TENOFF', [coupon({ maxUses: 2, uses: 1 })], context)).not.toThrow();
    expect(() => checkCertificate('TENOFF', [coupon({ maxUses: null, uses: 1000 })], context)).not.toThrow();
  });

  it('rejects a counts package with no counts left', () => {
    expect(errorOf(() => checkCertificate('8013DA6F', [pkg({ remainingCounts: 0 })], context)).code).toBe('certificate_uses');
    expect(() => checkCertificate('8013DA6F', [pkg({ remainingCounts: 1 })], context)).not.toThrow();
    expect(() => checkCertificate('8013DA6F', [pkg({ remainingCounts: null })], context)).not.toThrow();
  });

  it('rejects a minutes package that does not cover the appointment length', () => {
    const minutes = (remainingMinutes: number) => [pkg({ type: 'minutes', remainingCounts: null, remainingMinutes })];
    expect(errorOf(() => checkCertificate('8013DA6F', minutes(29), context)).code).toBe('certificate_uses');
    expect(() => checkCertificate('8013DA6F', minutes(30), context)).not.toThrow();
    expect(errorOf(() => checkCertificate('8013DA6F', minutes(30), { ...context, durationMinutes: 45 })).code).toBe('certificate_uses');
  });

  it('reports the wrong service before the exhausted balance, and expiry before both', () => {
    const usedUp = pkg({ remainingCounts: 0, serviceIds: [1] });
    expect(errorOf(() => checkCertificate('8013DA6F', [usedUp], { ...context, serviceId: 5 })).code).toBe('invalid_certificate_type');
    const expiredAndUsedUp = pkg({ remainingCounts: 0, expiresAt: NOW - DAY });
    expect(errorOf(() => checkCertificate('8013DA6F', [expiredAndUsedUp], { ...context, serviceId: 5 })).code).toBe('expired_certificate');
  });

  it("treats someone else's package as unknown when the client's email is given", () => {
    const owned = pkg({ email: 'Ann@Example.com' });
    expect(errorOf(() => checkCertificate('8013DA6F', [owned], { ...context, email: 'bob@example.com' })).code).toBe('invalid_certificate');
    expect(() => checkCertificate('8013DA6F', [owned], { ...context, email: 'ann@example.COM' })).not.toThrow();
    expect(() => checkCertificate('8013DA6F', [owned], context)).not.toThrow();
  });

  it('ignores the email for coupons', () => {
    const candidates: Certificate[] = [coupon()];
    expect(() => checkCertificate('TENOFF', candidates, { ...context, email: 'anyone@example.com' })).not.toThrow();
  });
});

describe('redeem', () => {
  it('takes one count from a counts package', () => {
    expect(redeem(pkg({ remainingCounts: 3 }), 30)).toEqual({ remainingCounts: 2, remainingMinutes: null });
  });

  it('takes the appointment length from a minutes package', () => {
    expect(redeem(pkg({ type: 'minutes', remainingCounts: null, remainingMinutes: 120 }), 45)).toEqual({ remainingCounts: null, remainingMinutes: 75 });
  });

  it('leaves unlimited balances unlimited', () => {
    expect(redeem(pkg({ remainingCounts: null }), 30)).toEqual({ remainingCounts: null, remainingMinutes: null });
  });

  it('refuses to drive a balance below zero', () => {
    expect(errorOf(() => redeem(pkg({ remainingCounts: 0 }), 30)).code).toBe('certificate_uses');
    expect(errorOf(() => redeem(pkg({ type: 'minutes', remainingMinutes: 20 }), 30)).code).toBe('certificate_uses');
  });
});
