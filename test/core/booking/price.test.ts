import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, priceAppointment } from '../../../src/core/booking/price.js';

describe('priceAppointment', () => {
  it('adds add-ons to the service price', () => {
    expect(priceAppointment({ servicePriceCents: 5000, addons: [{ priceCents: 1500 }, { priceCents: 250 }] })).toEqual({
      basePrice: 5000,
      addonsPrice: 1750,
      discount: 0,
      total: 6750,
    });
  });

  it('lets a negative add-on lower the price', () => {
    expect(priceAppointment({ servicePriceCents: 5000, addons: [{ priceCents: -1000 }] }).total).toBe(4000);
  });

  it('never goes below zero when negative add-ons outweigh the service', () => {
    expect(priceAppointment({ servicePriceCents: 1000, addons: [{ priceCents: -2500 }] })).toEqual({
      basePrice: 1000,
      addonsPrice: -2500,
      discount: 0,
      total: 0,
    });
  });

  it('takes a percentage off service plus add-ons', () => {
    const price = priceAppointment({
      servicePriceCents: 5000,
      addons: [{ priceCents: 1500 }],
      coupon: { discountType: 'percentage', discountAmount: 10 },
    });
    expect(price).toEqual({ basePrice: 5000, addonsPrice: 1500, discount: 650, total: 5850 });
  });

  it('rounds a percentage half-up to the cent', () => {
    const tenPercent = { discountType: 'percentage', discountAmount: 10 } as const;
    expect(priceAppointment({ servicePriceCents: 1005, addons: [], coupon: tenPercent }).discount).toBe(101); // 100.5
    expect(priceAppointment({ servicePriceCents: 1004, addons: [], coupon: tenPercent }).discount).toBe(100); // 100.4
    expect(priceAppointment({ servicePriceCents: 1006, addons: [], coupon: tenPercent }).discount).toBe(101); // 100.6
    // 1.14 % of 2500 is exactly 28.5, but 2500 * 1.14 / 100 is 28.499999999999996 in floating point.
    const odd = { discountType: 'percentage', discountAmount: 1.14 } as const;
    expect(priceAppointment({ servicePriceCents: 2500, addons: [], coupon: odd }).discount).toBe(29);
    expect(priceAppointment({ servicePriceCents: 333, addons: [], coupon: { discountType: 'percentage', discountAmount: 12.5 } }).discount).toBe(42); // 41.625
  });

  it('caps a percentage at 100', () => {
    const price = priceAppointment({ servicePriceCents: 5000, addons: [], coupon: { discountType: 'percentage', discountAmount: 150 } });
    expect(price).toEqual({ basePrice: 5000, addonsPrice: 0, discount: 5000, total: 0 });
  });

  it('takes a fixed amount in cents off, and never more than the price', () => {
    expect(priceAppointment({ servicePriceCents: 5000, addons: [], coupon: { discountType: 'price', discountAmount: 1200 } })).toMatchObject({
      discount: 1200,
      total: 3800,
    });
    expect(priceAppointment({ servicePriceCents: 500, addons: [], coupon: { discountType: 'price', discountAmount: 1200 } })).toMatchObject({
      discount: 500,
      total: 0,
    });
  });

  it('rejects fractional cents and negative discounts', () => {
    expect(() => priceAppointment({ servicePriceCents: 50.5, addons: [] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => priceAppointment({ servicePriceCents: 100, addons: [{ priceCents: 0.1 }] })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'addons[0].priceCents' }),
    );
    expect(() => priceAppointment({ servicePriceCents: 100, addons: [], coupon: { discountType: 'price', discountAmount: 9.5 } })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => priceAppointment({ servicePriceCents: 100, addons: [], coupon: { discountType: 'percentage', discountAmount: -5 } })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('always yields total = max(0, base + add-ons) − discount with 0 ≤ total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 5 }),
        fc.oneof(
          fc.constant(undefined),
          fc.record({ discountType: fc.constant('percentage' as const), discountAmount: fc.integer({ min: 0, max: 200 }) }),
          fc.record({ discountType: fc.constant('price' as const), discountAmount: fc.integer({ min: 0, max: 2_000_000 }) }),
        ),
        (service, addonPrices, coupon) => {
          const price = priceAppointment({ servicePriceCents: service, addons: addonPrices.map((priceCents) => ({ priceCents })), coupon });
          const subtotal = Math.max(0, service + addonPrices.reduce((a, b) => a + b, 0));
          expect(Number.isInteger(price.total)).toBe(true);
          expect(price.total).toBeGreaterThanOrEqual(0);
          expect(price.discount).toBeGreaterThanOrEqual(0);
          expect(price.total + price.discount).toBe(subtotal);
        },
      ),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['50.00', 5000],
    ['50', 5000],
    ['50.5', 5050],
    ['0.05', 5],
    ['0', 0],
    ['-15.00', -1500],
    ['-0.05', -5],
    ['1234567.89', 123456789],
  ])('%s is %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it('reads "-0.00" as plain zero', () => {
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
  });

  it.each(['', ' 5.00', '5.00 ', 'abc', '1.234', '5.', '.5', '+5', '1,000.00', '5,00', '--5', '1e3', '99999999999999999999'])(
    'rejects %j',
    (text) => {
      expect(() => parseMoney(text)).toThrow(expect.objectContaining({ code: 'invalid_input', value: text }));
    },
  );

  it('rejects non-strings from untyped callers', () => {
    expect(() => parseMoney(50 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('formatMoney', () => {
  it.each([
    [5000, '50.00'],
    [5, '0.05'],
    [0, '0.00'],
    [-1500, '-15.00'],
    [-5, '-0.05'],
    [123456789, '1234567.89'],
  ])('%i cents is %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('rejects fractional cents', () => {
    expect(() => formatMoney(1.5)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('round-trips with parseMoney', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => parseMoney(formatMoney(cents)) === cents));
  });
});
