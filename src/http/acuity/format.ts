// Acuity's wire formats for time: datetimes like 2016-02-03T14:00:00-0800, display dates like
// "June 17, 2013", display times per the account's setting ("10:15am" or "10:15"), and lenient
// parsing of what clients send.
import { DateTime } from 'luxon';
import type { TimeFormat } from '../../core/booking/index.js';

const at = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).setLocale('en-US');

/** 2016-02-03T14:00:00-0800 */
export const formatDatetime = (ms: number, zone: string): string => at(ms, zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZZ");

/** June 17, 2013 */
export const formatDate = (ms: number, zone: string): string => at(ms, zone).toFormat('MMMM d, yyyy');

/** 2013-06-17 */
export const formatIsoDate = (ms: number, zone: string): string => at(ms, zone).toFormat('yyyy-MM-dd');

/** 10:15am, or 10:15 on a 24-hour account. */
export function formatTime(ms: number, zone: string, format: TimeFormat): string {
  const local = at(ms, zone);
  return format === '24hr' ? local.toFormat('HH:mm') : `${local.toFormat('h:mm')}${local.hour < 12 ? 'am' : 'pm'}`;
}

// Formats tried after ISO 8601, SQL and RFC 2822, for what people and PHP's strtotime users send.
const LENIENT_FORMATS = [
  'MMMM d, yyyy h:mma', 'MMMM d, yyyy h:mm a', 'MMMM d, yyyy H:mm', 'MMMM d yyyy h:mma', 'MMM d, yyyy h:mma', 'MMM d, yyyy h:mm a',
  'M/d/yyyy h:mma', 'M/d/yyyy h:mm a', 'M/d/yyyy H:mm', 'yyyy-MM-dd h:mma', 'yyyy-MM-dd h:mm a', 'MMMM d, yyyy', 'M/d/yyyy',
];

/**
 * An instant from a client's datetime, or null. With an offset (or Z) it is taken as written;
 * without one it is read as a wall time in `zone`.
 */
export function parseDatetime(input: unknown, zone: string): number | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const text = String(input).trim();
  if (!text || text.length > 64) return null;
  const candidates = [
    () => DateTime.fromISO(text, { zone }),
    () => DateTime.fromSQL(text, { zone }),
    () => DateTime.fromRFC2822(text, { zone }),
    ...LENIENT_FORMATS.map((f) => () => DateTime.fromFormat(text.toUpperCase().replace(/\s+/g, ' '), f, { zone, locale: 'en-US' })),
  ];
  for (const parse of candidates) {
    const parsed = parse();
    if (parsed.isValid) {
      const ms = parsed.toMillis();
      // Years outside 1970–9999 are typos, not appointments.
      return ms >= 0 && ms < 253_402_300_800_000 ? ms : null;
    }
  }
  return null;
}

/** The start of a local date (YYYY-MM-DD) in `zone`, or null. */
export function startOfDate(date: unknown, zone: string): number | null {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null;
  const parsed = DateTime.fromISO(date.trim(), { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** [start, end) of a month (YYYY-MM) in `zone`, or null. */
export function monthWindow(month: unknown, zone: string): { start: number; end: number } | null {
  if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month.trim())) return null;
  const start = DateTime.fromISO(`${month.trim()}-01`, { zone });
  return start.isValid ? { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() } : null;
}

/** The start of the local date after `dayStart` (23, 24 or 25 hours later across DST). */
export const nextDayStart = (dayStart: number, zone: string): number => DateTime.fromMillis(dayStart, { zone }).plus({ days: 1 }).toMillis();
