// Table types added by migration 005_external_calendars, merged into the Database interface of
// schema.ts (declaration merging keeps the shared schema file untouched by these additions).
import type { Generated, Selectable } from 'kysely';

export type ExternalCalendarType = 'ics' | 'caldav';

export interface ExternalCalendarTable {
  id: Generated<number>; uid: string; company_id: number; resource_id: number; type: ExternalCalendarType;
  /** Sealed JSON {url, username?, password?}. */
  source_enc: string;
  source_hash: string;
  /** The URL with anything secret left out, for lists. */
  display_url: string;
  /** null: the server's default interval. */
  interval_minutes: number | null;
  next_sync_at: number; lease_until: number | null; claimed_by: string | null;
  last_attempt_at: number | null; last_success_at: number | null; last_error: string | null; failures: Generated<number>;
  etag: string | null; last_modified: string | null; ctag: string | null;
  busy_from: number | null; busy_until: number | null; busy_count: Generated<number>;
  created_at: number; updated_at: number;
}

export interface ExternalBusyTable { calendar_id: number; resource_id: number; start_at: number; end_at: number }

export interface ResourceFeedTable { resource_id: number; company_id: number; token_hash: string; token_enc: string; created_at: number }

export type ExternalCalendarRow = Selectable<ExternalCalendarTable>;

declare module './schema.js' {
  interface Database {
    external_calendars: ExternalCalendarTable;
    external_busy: ExternalBusyTable;
    resource_feeds: ResourceFeedTable;
  }
}
