// Acuity's documented limits, per credential: requests per second and concurrent requests. Off
// unless configured; counted per server process (several processes each count their own).
//   OPENSLOT_ACUITY_RATE_LIMIT      requests per rolling second per credential (Acuity: 10)
//   OPENSLOT_ACUITY_MAX_CONCURRENT  requests in flight at once per credential (Acuity: 20)

export interface RateLimitConfig {
  perSecond: number | null;
  concurrent: number | null;
}

function positive(name: string, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '' || value.trim() === '0' || value.trim().toLowerCase() === 'off') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of requests (got "${value}")`);
  return n;
}

export function rateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    perSecond: positive('OPENSLOT_ACUITY_RATE_LIMIT', env.OPENSLOT_ACUITY_RATE_LIMIT),
    concurrent: positive('OPENSLOT_ACUITY_MAX_CONCURRENT', env.OPENSLOT_ACUITY_MAX_CONCURRENT),
  };
}

export const isRateLimited = (c: RateLimitConfig): boolean => c.perSecond !== null || c.concurrent !== null;

export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly config: RateLimitConfig, private readonly windowMs = 1000) {}

  /** Admits a request (and counts it as in flight) or refuses it; every admitted one must leave(). */
  enter(key: string, now: number): boolean {
    const { perSecond, concurrent } = this.config;
    const flying = this.inFlight.get(key) ?? 0;
    if (concurrent !== null && flying >= concurrent) return false;
    if (perSecond !== null) {
      const times = (this.recent.get(key) ?? []).filter((t) => t > now - this.windowMs);
      if (times.length >= perSecond) {
        this.recent.set(key, times);
        return false;
      }
      times.push(now);
      this.recent.set(key, times);
    }
    this.inFlight.set(key, flying + 1);
    return true;
  }

  leave(key: string): void {
    const flying = (this.inFlight.get(key) ?? 1) - 1;
    if (flying <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, flying);
  }
}
