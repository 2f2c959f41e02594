// Table types added by migration 008_onsched_setup, merged into the Database interface of schema.ts.
import type { ColumnType, Generated, Selectable } from 'kysely';

type Limit = ColumnType<number, number | undefined, number>;

export interface AllocationTable {
  id: Generated<number>; uid: string; company_id: number; kind: 'weekly' | 'single';
  /** Scope: a resource, a service, or both (a pair); never neither. */
  resource_id: number | null; service_id: number | null;
  /** weekly: JSON [{dayOfWeek 0 = Sunday, startTime "HH:MM", endTime}]. */
  windows: ColumnType<string, string | undefined, string>;
  /** single: UTC epoch milliseconds. */
  start_at: number | null; end_at: number | null;
  description: string | null; bookings_per_slot: number | null; created_at: number;
}
export type AllocationRow = Selectable<AllocationTable>;

export interface RecurringBlockTable {
  id: Generated<number>; uid: string; company_id: number;
  location_id: number | null; resource_id: number | null; service_id: number | null;
  name: string | null; frequency: string; interval: number;
  /** Local dates "YYYY-MM-DD" in `iana`; the end is inclusive. */
  start_date: string; end_date: string | null;
  /** Local "HH:MM"; an end not after the start runs into the next day. */
  start_time: string; end_time: string; iana: string;
  /** JSON [0–6], Sunday first. */
  weekdays: ColumnType<string, string | undefined, string>;
  day_of_month: number | null; created_at: number;
}
export type RecurringBlockRow = Selectable<RecurringBlockTable>;

declare module './schema.js' {
  interface Database { allocations: AllocationTable; recurring_blocks: RecurringBlockTable }
  interface BlockTable { service_id: ColumnType<number | null, number | null | undefined, number | null> }
  interface ServiceTable {
    booking_limit: Limit; max_booking_limit: Limit; max_resource_booking_limit: Limit;
    daily_booking_limit_count: Limit; daily_booking_limit_minutes: Limit;
  }
}
