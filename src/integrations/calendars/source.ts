// What a connected calendar is read from, and what a read returns. The source (URL and any
// credentials) is kept sealed in the store and opened only for the read; its URL was checked and
// made fetchable (webcal:// → https://) when the calendar was connected. It is declared once, where
// it is checked and sealed (calendar-input.ts).
import type { CalendarSource } from '../../services/calendars/calendar-input.js';

export type { CalendarSource };

/** What tells whether a calendar changed since the last read: HTTP validators, or a CalDAV ctag. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
  ctag: string | null;
}

export type CalendarRead =
  | { changed: false; validators: Validators }
  | { changed: true; documents: string[]; validators: Validators };

export interface ReadOptions {
  /** The previous read's validators, or null to read everything (the stored window no longer covers enough). */
  previous: Validators | null;
  /** CalDAV servers are asked only for events in this range. */
  window: { start: number; end: number };
  signal: AbortSignal;
  maxBytes: number;
  /** fetch under the operator's outbound address policy (checked at each connection and redirect). */
  http: typeof fetch;
}

export function basicAuth(source: CalendarSource): Record<string, string> {
  if (source.username === undefined) return {};
  return { authorization: `Basic ${Buffer.from(`${source.username}:${source.password ?? ''}`, 'utf8').toString('base64')}` };
}
