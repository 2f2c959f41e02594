// The business the booking page suites book with: a New York practice whose only open day is just
// after the next daylight-saving change, so every booking crosses one (today's UTC offset is not
// that day's). One person, 09:00-12:00 that day, half-hour checkups with an intake form.
import { DateTime } from 'luxon';
import type { CompanyDocument } from '../../src/services/setup/document.js';

export const ZONE = 'America/New_York';

/** The first date at least three days ahead whose New York offset differs from today's, plus one day. */
export function dayAfterNextDstChange(now = Date.now()): string {
  const today = DateTime.fromMillis(now, { zone: ZONE });
  let day = today.plus({ days: 3 }).startOf('day');
  while (day.set({ hour: 12 }).offset === today.offset) day = day.plus({ days: 1 });
  return day.plus({ days: 1 }).toISODate()!;
}

export function practice(slug: string, openDay: string, embedSites: string[] = []): CompanyDocument {
  return {
    name: 'Hudson <b>Health</b>', timezone: ZONE, slug, embedSites,
    settings: { minHoursInAdvance: 0, maxDaysInAdvance: 250, clientCanCancel: true, clientCanReschedule: true },
    setup: {
      locations: [{ ref: 'main', name: 'Main', timezone: ZONE, primary: true, expirationDelay: 300 }],
      resources: [{ ref: 'dana', name: 'Dana', location: 'main', email: 'dana@example.com', hours: {}, overrides: [{ date: openDay, hours: [['09:00', '12:00']] }] }],
      services: [{ ref: 'checkup', name: 'Checkup <script>alert(1)</script>', duration: 30, interval: 30, price: '40.00', resources: ['dana'], forms: ['intake'], addons: ['xray'] }],
      addons: [{ ref: 'xray', name: 'X-ray', duration: 0, price: '25.00' }],
      forms: [{ ref: 'intake', name: 'Intake', fields: [
        { ref: 'first', name: 'First visit?', type: 'yesno', required: true },
        { ref: 'reason', name: 'Reason', type: 'textbox' },
        { ref: 'notes', name: 'Anything else', type: 'textarea' },
        { ref: 'insurer', name: 'Insurer', type: 'dropdown', options: ['Aetna', 'Cigna'] },
        { ref: 'consent', name: 'I agree to the terms', type: 'checkbox' },
        { ref: 'topics', name: 'Topics', type: 'checkboxlist', options: ['Back', 'Knee'] },
        { ref: 'home', name: 'Home address', type: 'address' },
        { ref: 'referral', name: 'Referral letter', type: 'file' },
      ] }],
      coupons: [{ ref: 'ten', code: 'TENOFF', discountType: 'percentage', discountAmount: 10 }],
    },
  };
}

/** 09:00 New York on the open day, plus `slot` half hours, as an instant. */
export const slotAt = (openDay: string, slot = 0): number =>
  DateTime.fromISO(`${openDay}T09:00`, { zone: ZONE }).plus({ minutes: 30 * slot }).toMillis();
