// Table types added by migration 003_onsched, merged into the Database interface of schema.ts
// (declaration merging keeps the shared schema file untouched by this surface's additions).
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface WeeklyAllocationTable {
  id: Generated<number>; uid: string; company_id: number; resource_id: number; service_id: number;
  /** JSON list of weekday keys ("mon"…"sun"). */
  days: string;
  /** Local wall times "HH:MM" in the resource's zone; the end may be "24:00". */
  start_time: string; end_time: string; created_at: number;
}

export type WeeklyAllocationRow = Selectable<WeeklyAllocationTable>;

declare module './schema.js' {
  interface Database { weekly_allocations: WeeklyAllocationTable }
  // Soft deletion: a deleted customer is never found by id or email, but its appointments stay.
  interface CustomerTable { deleted: ColumnType<number, number | undefined, number> }
}
