// Exponential backoff with jitter: after the n-th failed attempt wait about base × 2^(n−1), never
// more than max. The ±20 % jitter keeps many deliveries that failed together (a receiver restart)
// from all retrying in the same instant.
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Measured from when the delivery was created. */
  giveUpAfterMs: number;
}

export function retryDelay(failedAttempts: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
  const plain = Math.min(policy.baseMs * 2 ** exponent, policy.maxMs);
  return Math.round(plain * (0.8 + 0.4 * random()));
}
