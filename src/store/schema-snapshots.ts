// Columns added by migration 015_snapshots_and_hold_options, merged into the Database interfaces.
import type { ColumnType } from 'kysely';

declare module './schema.js' {
  interface AppointmentTable {
    /** OnSched's allowPaddingOverflow, as chosen when the appointment was made (0/1). */
    padding_overflow: ColumnType<number, number | undefined, number>;
    /** OnSched's ignoreExternalEvents, as chosen when the appointment was made (0/1). */
    ignore_external_events: ColumnType<number, number | undefined, number>;
  }
}

declare module './schema-notify.js' {
  interface NotificationEventTable {
    /** What the event's emails need (EmailSnapshot JSON), committed with the change; null: none. */
    email_snapshot: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
