// Table types for Kysely. Times are epoch milliseconds (BIGINT on PostgreSQL, INTEGER on SQLite);
// booleans are stored as 0/1 integers so both backends read them the same way; JSON columns are text.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
type Json = string;
type Flag = number; // 0 | 1

export interface MetaTable { key: string; value: string }

export interface CompanyTable {
  id: Id; uid: string; name: string; timezone: string; settings: Json;
  api_key_hash: string; api_key_enc: string; client_id: string; client_secret_hash: string;
  created_at: number;
  /** The booking page's address, /book/{slug} (migration 011). */
  slug: ColumnType<string | null, string | null | undefined>;
  /** JSON array of origins allowed to frame the booking page. */
  embed_sites: ColumnType<string, string | undefined>;
  /** Set when the company was deleted (soft: data kept, credentials revoked). Migration 009. */
  deleted_at: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface LocationTable {
  id: Id; uid: string; company_id: number; name: string; timezone: string; is_primary: Flag;
  expiration_delay: number; hours: Json; address: string | null; deleted: ColumnType<Flag, Flag | undefined>;
  created_at: number;
}

export interface ResourceTable {
  id: Id; uid: string; company_id: number; location_id: number; name: string; email: string | null;
  phone: string | null; description: string | null; timezone: string | null; hours: Json; overrides: Json; capacity: number;
  /** Upcoming bookings one customer may have with the resource; 0 = unlimited (migration 014). */
  booking_limit: ColumnType<number, number | undefined, number>;
  deleted: ColumnType<Flag, Flag | undefined>; created_at: number;
}

export interface ServiceTable {
  id: Id; uid: string; company_id: number; location_id: number | null; scope: 'company' | 'location';
  type: 'service' | 'class'; name: string; description: string | null; category: string | null; color: string | null;
  duration: number; interval: number; padding_before: number; padding_after: number; price_cents: number;
  capacity: number; round_robin: string; min_hours_in_advance: number | null; max_days_in_advance: number | null;
  private: Flag; deleted: ColumnType<Flag, Flag | undefined>; created_at: number;
}

export interface ServiceResourceTable { service_id: number; resource_id: number }
export interface ServiceAddonTable { service_id: number; addon_id: number }
export interface ServiceFormTable { service_id: number; form_id: number }

export interface AddonTable {
  id: Id; uid: string; company_id: number; name: string; duration: number; price_cents: number; private: Flag;
}

export interface FormTable { id: Id; uid: string; company_id: number; name: string; description: string | null; hidden: Flag }

export interface FormFieldTable {
  id: Id; uid: string; form_id: number; name: string; type: string; required: Flag; options: Json | null; position: number;
}

export interface LabelTable { id: Id; uid: string; company_id: number; name: string; color: string | null }

export interface CouponTable {
  id: Id; uid: string; company_id: number; code: string; name: string | null; discount_type: 'percentage' | 'price';
  discount_amount: number; expires_at: number | null; max_uses: number | null; uses: number; service_ids: Json;
}

export interface PackageTable {
  id: Id; uid: string; company_id: number; code: string; name: string | null; type: 'counts' | 'minutes';
  remaining_counts: number | null; remaining_minutes: number | null; expires_at: number | null;
  service_ids: Json; email: string | null;
}

export interface ClassSessionTable {
  id: Id; uid: string; company_id: number; service_id: number; resource_id: number; start_at: number; end_at: number;
  seats: number; name: string | null;
}

export interface BlockTable {
  id: Id; uid: string; company_id: number; location_id: number | null; resource_id: number | null;
  start_at: number; end_at: number; weekly: Flag; until: number | null; notes: string | null; created_at: number;
}

export interface CustomerTable {
  id: Id; uid: string; company_id: number; first_name: string; last_name: string; email: string | null;
  email_key: string | null; phone: string | null; timezone: string | null; notes: string | null; created_at: number;
}

export interface AppointmentTable {
  id: Id; uid: string; company_id: number; location_id: number; service_id: number; customer_id: number | null;
  class_session_id: number | null; status: string; confirmed: Flag; start_at: number; end_at: number;
  padding_before: number; padding_after: number; expires_at: number | null; price_cents: number; discount_cents: number;
  addon_ids: Json; label_ids: Json; custom_fields: Json; form_answers: Json; notes: string | null; certificate: string | null;
  timezone: string | null; round_robin: string | null; round_robin_reason: string | null;
  rescheduled_from_id: number | null; rescheduled_to_id: number | null; cancel_note: string | null;
  no_show: Flag; created_at: number; updated_at: number;
}

/** One row per resource an appointment occupies; `live` mirrors the appointment's status for the exclusion constraint. */
export interface AppointmentResourceTable {
  appointment_id: number; resource_id: number; busy_start: number; busy_end: number; live: Flag; exclusive: Flag;
  expires_at: number | null;
}

export interface IdempotencyTable {
  company_id: number; scope: string; key: string; request_hash: string; status_code: number; response: Json;
  created_at: number;
}

export interface AccessTokenTable { token_hash: string; company_id: number; expires_at: number }

export interface Database {
  meta: MetaTable;
  companies: CompanyTable;
  locations: LocationTable;
  resources: ResourceTable;
  services: ServiceTable;
  service_resources: ServiceResourceTable;
  service_addons: ServiceAddonTable;
  service_forms: ServiceFormTable;
  addons: AddonTable;
  forms: FormTable;
  form_fields: FormFieldTable;
  labels: LabelTable;
  coupons: CouponTable;
  packages: PackageTable;
  class_sessions: ClassSessionTable;
  blocks: BlockTable;
  customers: CustomerTable;
  appointments: AppointmentTable;
  appointment_resources: AppointmentResourceTable;
  idempotency_keys: IdempotencyTable;
  access_tokens: AccessTokenTable;
}

export type CompanyRow = Selectable<CompanyTable>;
export type LocationRow = Selectable<LocationTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type CustomerRow = Selectable<CustomerTable>;
export type AppointmentRow = Selectable<AppointmentTable>;
export type NewAppointment = Insertable<AppointmentTable>;
export type AppointmentUpdate = Updateable<AppointmentTable>;
export type BlockRow = Selectable<BlockTable>;
