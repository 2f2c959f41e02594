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

declare module './schema.js' {
  interface Database { allocations: AllocationTable }
  interface ServiceTable {
    booking_limit: Limit; max_booking_limit: Limit; max_resource_booking_limit: Limit;
    daily_booking_limit_count: Limit; daily_booking_limit_minutes: Limit;
  }
}
