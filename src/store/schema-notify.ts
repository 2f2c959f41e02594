// Table types added by migrations 004_outbox and 006_notify_retries, merged into the Database interface of schema.ts
// (declaration merging keeps the shared schema file untouched by these additions).
import type { Generated, Selectable } from 'kysely';

/** What happened to an appointment, as the notifications see it. */
/** `confirmed`: confirmed: true was set (OnSched's APPOINTMENT_CONFIRMED); no email, no Acuity webhook. */
export type AppointmentEventType = 'scheduled' | 'rescheduled' | 'canceled' | 'changed' | 'confirmed';

export interface NotificationSettingsTable { company_id: number; settings: string; updated_at: number }

export interface NotificationEventTable {
  id: Generated<number>; company_id: number; appointment_id: number; type: AppointmentEventType; no_email: number;
  ical_uid: string; ical_sequence: number;
  /** The appointment's time when the change committed: the email describes this change, not a later one. */
  start_at: number; end_at: number;
  created_at: number;
  /** Set once the dispatcher has written this event's deliveries. */
  expanded_at: number | null;
  /** Failed expansions so far (006); the next try is not before next_attempt_at (0: now). */
  attempts: Generated<number>; next_attempt_at: Generated<number>; last_error: string | null;
  /** Set when expansion was given up (after the deliveries' give-up total); expanded_at stays null. */
  failed_at: number | null;
}

/** `failed`: its expansion kept failing for the give-up total (006). */
export type ReminderStatus = 'pending' | 'enqueued' | 'canceled' | 'skipped' | 'failed';

export interface NotificationReminderTable {
  id: Generated<number>; company_id: number; appointment_id: number; minutes_before: number; due_at: number;
  status: ReminderStatus; created_at: number; done_at: number | null;
  /** Failed expansions so far (006); the next try is not before next_attempt_at (0: now). */
  attempts: Generated<number>; next_attempt_at: Generated<number>; last_error: string | null;
}

/** pending → sending (leased) → delivered | logged (no SMTP configured) | failed (gave up), or back to pending. */
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'logged' | 'failed';
export type DeliveryChannel = 'email' | 'webhook';

export interface NotificationDeliveryTable {
  id: Generated<number>; company_id: number; event_id: number | null; reminder_id: number | null; appointment_id: number | null;
  dedupe_key: string; channel: DeliveryChannel; purpose: string; target: string; payload: string;
  status: DeliveryStatus; attempts: Generated<number>; next_attempt_at: number; give_up_at: number;
  claimed_by: string | null; lease_until: number | null; last_error: string | null; last_response_status: number | null;
  created_at: number; finished_at: number | null;
}

export interface LocationWebhookTable {
  id: Generated<number>; uid: string; company_id: number; location_id: number | null; url: string;
  /** JSON object of extra request headers, sealed with the server's SecretBox (plain JSON in rows from before 006). */
  headers: string;
  /** JSON list of trigger names. */
  triggers: string;
  active: number;
  /** The signing secret, sealed with the server's SecretBox. */
  secret_enc: string;
  created_at: number; updated_at: number;
}

export type NotificationEventRow = Selectable<NotificationEventTable>;
export type NotificationReminderRow = Selectable<NotificationReminderTable>;
export type NotificationDeliveryRow = Selectable<NotificationDeliveryTable>;
export type LocationWebhookRow = Selectable<LocationWebhookTable>;

declare module './schema.js' {
  interface Database {
    notification_settings: NotificationSettingsTable;
    notification_events: NotificationEventTable;
    notification_reminders: NotificationReminderTable;
    notification_deliveries: NotificationDeliveryTable;
    location_webhooks: LocationWebhookTable;
  }
}
