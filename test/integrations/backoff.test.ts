// Retry timing with the default policy: the first retry within 10 s, then doubling, never over the cap.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { retryDelay } from '../../src/integrations/dispatch/backoff.js';

describe('retry backoff', () => {
  const { retryBaseMs: baseMs, retryMaxMs: maxMs, giveUpAfterMs } = readConfig({}).notifications;
  const policy = { baseMs, maxMs, giveUpAfterMs };

  it('retries the first failure within 10 s, whatever the jitter', () => {
    expect(retryDelay(1, policy, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(retryDelay(1, policy, () => 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('doubles each time and stops growing at the cap', () => {
    const plain = [1, 2, 3, 4, 5].map((n) => retryDelay(n, policy, () => 0.5));
    expect(plain).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(retryDelay(30, policy, () => 0.5)).toBe(3_600_000);
    expect(retryDelay(10_000, policy, () => 0.999)).toBeLessThanOrEqual(3_600_000 * 1.2);
  });

  it('defaults to giving up after 24 hours, and reads its settings from the environment', () => {
    expect(giveUpAfterMs).toBe(86_400_000);
    const c = readConfig({ OPENSLOT_RETRY_BASE_MS: '200', OPENSLOT_DELIVERY_GIVE_UP_MS: '60000', SMTP_URL: 'smtp://h:25', OPENSLOT_MAIL_FROM: 'a@b.c' }).notifications;
    expect(c).toMatchObject({ retryBaseMs: 200, giveUpAfterMs: 60_000, smtpUrl: 'smtp://h:25', mailFrom: 'a@b.c' });
    expect(() => readConfig({ OPENSLOT_RETRY_BASE_MS: 'soon' })).toThrow(/OPENSLOT_RETRY_BASE_MS/);
  });
});
