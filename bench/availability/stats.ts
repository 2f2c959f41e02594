/** "median X ms, p95 Y ms, fastest Z ms" for a list of timings in milliseconds. */
export function summarize(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return `median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, fastest ${ms(sorted[0])}`;
}
