// A company's notification settings: when reminders go out, where the booking page lives (for
// cancel/reschedule links), and Acuity's account-level webhook URLs. Declared once: it validates the
// setup document's `notifications` object and the admin API, and types the services.
import { Type, type Static } from '@sinclair/typebox';

const Url = Type.String({ pattern: '^https?://', maxLength: 2000, description: 'An absolute http(s) URL' });

export const NotificationSettingsSchema = Type.Object({
  bookingPageUrl: Type.Optional(Type.Union([Url, Type.Null()])),
  /** Minutes before the start; each becomes one reminder email to the customer. */
  reminderMinutesBefore: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 60 * 24 * 90 }), { maxItems: 10 })),
  /** Acuity's account-level webhooks, one URL per action. */
  acuityWebhooks: Type.Optional(Type.Object({
    scheduled: Type.Optional(Url), rescheduled: Type.Optional(Url), canceled: Type.Optional(Url), changed: Type.Optional(Url),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export type NotificationSettingsInput = Static<typeof NotificationSettingsSchema>;

export interface NotificationSettings {
  bookingPageUrl: string | null;
  reminderMinutesBefore: number[];
  acuityWebhooks: Partial<Record<'scheduled' | 'rescheduled' | 'canceled' | 'changed', string>>;
}

/** One reminder a day ahead, as Acuity does by default; set [] to send none. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { bookingPageUrl: null, reminderMinutesBefore: [1440], acuityWebhooks: {} };

export function withNotificationDefaults(input: NotificationSettingsInput | undefined): NotificationSettings {
  return {
    bookingPageUrl: input?.bookingPageUrl ?? DEFAULT_NOTIFICATION_SETTINGS.bookingPageUrl,
    reminderMinutesBefore: [...new Set(input?.reminderMinutesBefore ?? DEFAULT_NOTIFICATION_SETTINGS.reminderMinutesBefore)].sort((a, b) => b - a),
    acuityWebhooks: { ...(input?.acuityWebhooks ?? {}) },
  };
}
