import { describe, expect, it } from 'vitest';
import { formatDate, formatDatetime, formatTime, monthWindow, parseDatetime } from '../../../src/http/acuity/format.js';
import { flag, list, normalizeQuery, single } from '../../../src/http/acuity/query.js';
import { RateLimiter, rateLimitConfig } from '../../../src/http/acuity/rate-limit.js';

const NY = 'America/New_York';

describe('Acuity datetimes', () => {
  it('formats with the offset written without a colon, in the zone given', () => {
    const t = Date.parse('2016-02-03T22:00:00Z');
    expect(formatDatetime(t, 'America/Los_Angeles')).toBe('2016-02-03T14:00:00-0800');
    expect(formatDatetime(t, 'Asia/Kathmandu')).toBe('2016-02-04T03:45:00+0545');
    expect(formatDate(t, 'America/Los_Angeles')).toBe('February 3, 2016');
  });

  it('shows times per the account setting', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(formatTime(at('2016-06-17T14:15:00Z'), NY, 'ampm')).toBe('10:15am');
    expect(formatTime(at('2016-06-17T04:05:00Z'), NY, 'ampm')).toBe('12:05am');
    expect(formatTime(at('2016-06-17T16:05:00Z'), NY, 'ampm')).toBe('12:05pm');
    expect(formatTime(at('2016-06-17T18:15:00Z'), NY, '24hr')).toBe('14:15');
  });

  it.each([
    ['2016-02-03T14:00:00-0800', '2016-02-03T22:00:00.000Z'],
    ['2016-02-03T14:00:00-08:00', '2016-02-03T22:00:00.000Z'],
    ['2016-02-03T14:00:00Z', '2016-02-03T14:00:00.000Z'],
    ['2016-02-03T14:00:00', '2016-02-03T19:00:00.000Z'],
    ['2016-02-03 14:00', '2016-02-03T19:00:00.000Z'],
    ['February 3, 2016 2:00pm', '2016-02-03T19:00:00.000Z'],
    ['2/3/2016 2:00 PM', '2016-02-03T19:00:00.000Z'],
    ['2016-07-03T14:00:00', '2016-07-03T18:00:00.000Z'],
  ])('reads %s leniently (without an offset: in New York)', (input, utc) => {
    expect(new Date(parseDatetime(input, NY)!).toISOString()).toBe(utc);
  });

  it.each(['asdf', '', '2016-02-30T10:00:00', '25:00', 'tomorrow', '12345678901234567890', null, {}, []])('rejects %j', (input) => {
    expect(parseDatetime(input, NY)).toBeNull();
  });

  it('windows a month in a zone', () => {
    expect(monthWindow('2016-02', 'UTC')).toEqual({ start: Date.parse('2016-02-01T00:00:00Z'), end: Date.parse('2016-03-01T00:00:00Z') });
    expect(monthWindow('2016-13', 'UTC')).toBeNull();
    expect(monthWindow('May', 'UTC')).toBeNull();
  });
});

describe('Acuity query strings', () => {
  it('reads addonIDs[]=…, addonIDs[0]=… and repeats alike, in index order', () => {
    expect(list(normalizeQuery({ 'addonIDs[]': ['1', '2'] }), 'addonIDs')).toEqual(['1', '2']);
    expect(list(normalizeQuery({ 'addonIDs[1]': '2', 'addonIDs[0]': '1' }), 'addonIDs')).toEqual(['1', '2']);
    expect(list(normalizeQuery({ addonIDs: ['1', '2'] }), 'addonIDs')).toEqual(['1', '2']);
    expect(list(normalizeQuery({ addonIDs: '1,2' }), 'addonIDs')).toEqual(['1', '2']);
    expect(list(normalizeQuery({}), 'addonIDs')).toEqual([]);
  });

  it('reads single values and flags', () => {
    const q = normalizeQuery({ admin: 'true', noEmail: '1', canceled: 'false', date: ' 2016-02-03 ', empty: '' });
    expect([flag(q, 'admin'), flag(q, 'noEmail'), flag(q, 'canceled'), flag(q, 'missing')]).toEqual([true, true, false, false]);
    expect(single(q, 'date')).toBe('2016-02-03');
    expect(single(q, 'empty')).toBeUndefined();
  });
});

describe('Acuity rate limiter', () => {
  it('is off unless configured', () => {
    expect(rateLimitConfig({})).toEqual({ perSecond: null, concurrent: null });
    expect(rateLimitConfig({ OPENSLOT_ACUITY_RATE_LIMIT: '10', OPENSLOT_ACUITY_MAX_CONCURRENT: '20' })).toEqual({ perSecond: 10, concurrent: 20 });
    expect(() => rateLimitConfig({ OPENSLOT_ACUITY_RATE_LIMIT: 'ten' })).toThrow(/OPENSLOT_ACUITY_RATE_LIMIT/);
  });

  it('admits N per rolling second per key', () => {
    const limiter = new RateLimiter({ perSecond: 2, concurrent: null });
    const admitted = (key: string, at: number) => { const ok = limiter.enter(key, at); if (ok) limiter.leave(key); return ok; };
    expect([admitted('a', 0), admitted('a', 100), admitted('a', 200), admitted('b', 200)]).toEqual([true, true, false, true]);
    expect(admitted('a', 999)).toBe(false);
    expect(admitted('a', 1001)).toBe(true);
  });

  it('admits N at once per key and one more after one leaves', () => {
    const limiter = new RateLimiter({ perSecond: null, concurrent: 2 });
    expect([limiter.enter('a', 0), limiter.enter('a', 0), limiter.enter('a', 0), limiter.enter('b', 0)]).toEqual([true, true, false, true]);
    limiter.leave('a');
    expect(limiter.enter('a', 0)).toBe(true);
  });
});
