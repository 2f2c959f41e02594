// Table types added by migration 008_onsched_setup, merged into the Database interface of schema.ts.
import type { ColumnType } from 'kysely';

type Limit = ColumnType<number, number | undefined, number>;

declare module './schema.js' {
  interface ServiceTable {
    booking_limit: Limit; max_booking_limit: Limit; max_resource_booking_limit: Limit;
    daily_booking_limit_count: Limit; daily_booking_limit_minutes: Limit;
  }
}

export {};
