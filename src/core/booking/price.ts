// Prices in integer cents. Money crosses the wire as decimal strings ("50.00"); converting once at
// the edge keeps every sum exact, where floating-point dollars would drift (0.1 + 0.2).

import { DomainError } from '../errors.js';

export type DiscountType = 'percentage' | 'price';

export interface Discount {
  discountType: DiscountType;
  /**
   * For `percentage`: percent off (10 = 10 %, fractions allowed, above 100 acts as 100).
   * For `price`: cents off, like every other amount here.
   */
  discountAmount: number;
}

export interface PriceInput {
  servicePriceCents: number;
  /** Add-on prices may be negative (a cheaper variant of the service). */
  addons: readonly { priceCents: number }[];
  coupon?: Discount | null;
}

export interface AppointmentPrice {
  basePrice: number;
  /** Sum of the add-ons; may be negative. */
  addonsPrice: number;
  /** The discount actually applied: never more than what it is taken from. */
  discount: number;
  /** What the client pays; never negative. */
  total: number;
}

export function priceAppointment({ servicePriceCents, addons, coupon }: PriceInput): AppointmentPrice {
  assertCents(servicePriceCents, 'servicePriceCents');
  addons.forEach((addon, i) => assertCents(addon.priceCents, `addons[${i}].priceCents`));
  const addonsPrice = addons.reduce((sum, addon) => sum + addon.priceCents, 0);
  // Negative add-ons can outweigh the service; the client is never paid to book.
  const subtotal = Math.max(0, servicePriceCents + addonsPrice);
  const discount = coupon ? Math.min(subtotal, discountOn(subtotal, coupon)) : 0;
  return { basePrice: servicePriceCents, addonsPrice, discount, total: subtotal - discount };
}

function discountOn(subtotal: number, { discountType, discountAmount }: Discount): number {
  if (!Number.isFinite(discountAmount) || discountAmount < 0) {
    throw new DomainError('invalid_input', {
      message: `The discount amount must be a non-negative number, got ${discountAmount}.`,
      field: 'discountAmount',
      value: discountAmount,
    });
  }
  if (discountType === 'price') {
    assertCents(discountAmount, 'discountAmount');
    return discountAmount;
  }
  return percentOfCents(subtotal, Math.min(discountAmount, 100));
}

// Percentages are scaled to an integer and divided in BigInt so that 10 % of 1005 cents is exactly
// 100.5 and rounds half-up to 101, which float arithmetic cannot promise for every input.
const PERCENT_SCALE = 1_000_000n;

function percentOfCents(cents: number, percent: number): number {
  const scaledPercent = BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  const denominator = 100n * PERCENT_SCALE;
  const numerator = BigInt(cents) * scaledPercent;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

function assertCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('invalid_input', {
      message: `"${field}" must be a whole number of cents, got ${value}.`,
      field,
      value,
    });
  }
}

// Optional minus, digits, optional one or two decimals. No "+", no thousands separators,
// no bare "." or "5.": a setup document with those is more likely a typo than a price.
const MONEY = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "50.00" → 5000, "-15.5" → -1550. Throws invalid_input on anything else. */
export function parseMoney(text: string): number {
  const match = typeof text === 'string' ? MONEY.exec(text) : null;
  if (!match) {
    throw new DomainError('invalid_input', { message: `Invalid money amount "${String(text)}".`, value: text });
  }
  const [, minus, whole, fraction = ''] = match;
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(magnitude)) {
    throw new DomainError('invalid_input', { message: `Money amount "${text}" is too large.`, value: text });
  }
  // `0 * -1` would be -0, which prints as "0" but compares oddly in tests and JSON round trips.
  return minus && magnitude !== 0 ? -magnitude : magnitude;
}

/** 5000 → "50.00", -5 → "-0.05". */
export function formatMoney(cents: number): string {
  assertCents(cents, 'cents');
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${sign}${whole}.${fraction}`;
}
