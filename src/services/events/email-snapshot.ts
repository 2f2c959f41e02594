// What a notification email is composed from, taken inside the transaction that changed the
// appointment and stored with its outbox event: the appointment as that change left it and the
// company's rendering inputs (name, zone, time format, booking page URL). A confirmation delivered
// after a later cancel or move, a renamed company or a changed setting still describes the booking
// it confirms. Reminders are not snapshotted: they describe the appointment as it is when due.
import type { Tx } from '../../store/transaction.js';
import type { AppointmentView } from '../appointments/view.js';
import { companySettings, getCompany } from '../companies/get-company.js';
import { loadNotificationSettings } from '../notifications/notification-settings.js';

export interface EmailSnapshot {
  appointment: AppointmentView;
  company: { name: string; timezone: string; timeFormat: 'ampm' | '24hr' };
  bookingPageUrl: string | null;
}

/** The company's rendering inputs and the appointment, as they are now (in `tx`). */
export async function emailInputs(tx: Tx, companyId: number, appointment: AppointmentView): Promise<EmailSnapshot> {
  const company = await getCompany(tx, companyId);
  const settings = await loadNotificationSettings(tx, companyId);
  return {
    appointment,
    company: { name: company.name, timezone: company.timezone, timeFormat: companySettings(company).timeFormat },
    bookingPageUrl: settings.bookingPageUrl,
  };
}

export const parseEmailSnapshot = (json: string): EmailSnapshot => JSON.parse(json) as EmailSnapshot;
