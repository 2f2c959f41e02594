// /admin/v1 shows every time as ISO 8601 in UTC, like the other APIs, while services hand out epoch
// milliseconds. One rule instead of a renderer per route: a number under a key that names a time
// (…At, …Until) becomes an ISO string on the way out, at any depth.
const TIME_KEY = /(At|Until)$/;

export function isoTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(isoTimes);
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [
    key, typeof v === 'number' && TIME_KEY.test(key) && Number.isFinite(v) ? new Date(v).toISOString() : isoTimes(v),
  ]));
}
