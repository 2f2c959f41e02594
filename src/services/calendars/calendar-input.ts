// A connected calendar as clients describe it: `{type: "ics", url}` for a feed (Google's and
// Outlook's "secret address in iCal format"; basic-auth credentials optional) or
// `{type: "caldav", url, username, password}` for a CalDAV calendar collection. Declared once: the
// setup document, the admin API and the OnSched surface validate with this schema.
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from '../../core/errors.js';

export const MAX_CALENDARS_PER_RESOURCE = 10;

export const ExternalCalendarSchema = Type.Object({
  // An enum (not a union of literals), so a wrong value's error lists the allowed ones.
  type: Type.Unsafe<'ics' | 'caldav'>({ type: 'string', enum: ['ics', 'caldav'], description: 'ics: an iCalendar feed URL; caldav: a CalDAV calendar collection' }),
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s):// (or webcal://) URL of the feed or calendar collection' }),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  intervalMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: "Minutes between reads (default: the server's)" })),
}, { additionalProperties: false });
export type ExternalCalendarInput = Static<typeof ExternalCalendarSchema>;

/** What is sealed in the store: everything needed to read the calendar. */
export interface CalendarSource { url: string; username?: string; password?: string }

/** Google and Apple hand out webcal:// links; they are plain HTTPS feeds. */
const fetchableUrl = (url: string) => url.replace(/^webcals?:\/\//i, 'https://');

const invalid = (field: string, message: string, value?: unknown) => new DomainError('invalid_input', { field, message, value });

export interface CheckedCalendar {
  type: 'ics' | 'caldav';
  source: CalendarSource;
  /** Identifies the calendar among a resource's, so it is not connected twice. */
  hash: string;
  /** The URL without its secret parts, for lists. */
  displayUrl: string;
  intervalMinutes: number | null;
}

/** What the schema cannot say: a usable URL, credentials where CalDAV needs them. `path` prefixes field names. */
export function checkCalendarInput(input: ExternalCalendarInput, path = ''): CheckedCalendar {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  if (input.type !== 'ics' && input.type !== 'caldav') throw invalid(field('type'), `${field('type')} must be "ics" or "caldav"`, input.type);
  let url: URL;
  try {
    url = new URL(fetchableUrl(input.url.trim()));
  } catch {
    throw invalid(field('url'), `${field('url')} is not a URL`, input.url);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(field('url'), `${field('url')} must be an http(s) or webcal URL`, input.url);
  if (url.username || url.password) throw invalid(field('url'), `${field('url')} must not carry credentials; send username and password instead`);
  if (input.type === 'caldav' && (input.username === undefined || input.password === undefined)) {
    throw invalid(field(input.username === undefined ? 'username' : 'password'), `A CalDAV calendar needs ${field('username')} and ${field('password')}`);
  }
  if (input.intervalMinutes !== undefined && !(Number.isInteger(input.intervalMinutes) && input.intervalMinutes >= 1 && input.intervalMinutes <= 1440)) {
    throw invalid(field('intervalMinutes'), `${field('intervalMinutes')} must be a whole number of minutes from 1 to 1440`, input.intervalMinutes);
  }
  const href = url.href;
  return {
    type: input.type,
    source: { url: href, ...(input.username !== undefined ? { username: input.username, password: input.password ?? '' } : {}) },
    hash: createHash('sha256').update(`${input.type}\n${href}`).digest('hex'),
    displayUrl: displayUrl(url, input.type),
    intervalMinutes: input.intervalMinutes ?? null,
  };
}

/**
 * A feed's address is its password (Google's and Outlook's secret addresses carry the secret in
 * the path), so lists show only where it points: origin and file name. A CalDAV URL is not secret
 * (its credentials are separate) and is shown whole, without any query string.
 */
function displayUrl(url: URL, type: 'ics' | 'caldav'): string {
  if (type === 'caldav') return `${url.origin}${url.pathname}`;
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (!last) return `${url.origin}/`;
  return segments.length > 1 ? `${url.origin}/…/${last}` : `${url.origin}/${last}`;
}
