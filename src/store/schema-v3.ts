// Table types added by migration 007_onsched_v3, merged into the Database interface of schema.ts
// (declaration merging keeps the shared schema file untouched by these additions).
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface AppointmentAuditTable {
  id: Generated<number>; company_id: number; appointment_id: number;
  from_status: string | null; to_status: string; actor: string; created_at: number;
}
export type AppointmentAuditRow = Selectable<AppointmentAuditTable>;

declare module './schema.js' {
  interface Database { appointment_audit: AppointmentAuditTable }
  interface CompanyTable { public_key: string | null; public_client_id: string | null }
  interface ServiceTable {
    duration_select: ColumnType<number, number | undefined, number>;
    duration_min: ColumnType<number | null, number | null | undefined, number | null>;
    duration_max: ColumnType<number | null, number | null | undefined, number | null>;
    duration_interval: ColumnType<number | null, number | null | undefined, number | null>;
  }
  interface CustomerTable { custom_fields: ColumnType<string | null, string | null | undefined, string | null> }
  interface AppointmentTable {
    cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
    metadata: ColumnType<string | null, string | null | undefined, string | null>;
  }
}

declare module './schema-notify.js' {
  interface NotificationEventTable {
    /** The /v3 appointment object as committed with the change (JSON), for webhooks and emails. */
    appointment_snapshot: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
