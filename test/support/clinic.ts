// The business most tests set up: one New York location, two people working weekdays 09:00-17:00.
import type { CompanyDocument } from '../../src/services/setup/document.js';

const day: [string, string][] = [['09:00', '17:00']];
export const WEEKDAYS_9_TO_5 = { mon: day, tue: day, wed: day, thu: day, fri: day };

export function clinic(overrides: { expirationDelay?: number; capacity?: number } = {}): CompanyDocument {
  return {
    name: 'Test Clinic', timezone: 'America/New_York', settings: { minHoursInAdvance: 0, maxDaysInAdvance: 60 },
    setup: {
      locations: [{ ref: 'main', name: 'Main St', timezone: 'America/New_York', primary: true, expirationDelay: overrides.expirationDelay ?? 300 }],
      resources: [
        { ref: 'alice', name: 'Alice', location: 'main', email: 'alice@example.com', hours: WEEKDAYS_9_TO_5 },
        { ref: 'bob', name: 'Bob', location: 'main', email: 'bob@example.com', hours: WEEKDAYS_9_TO_5 },
      ],
      services: [
        { ref: 'consult', name: 'Consultation', duration: 30, interval: 30, price: '40.00', scope: 'company', resources: ['alice', 'bob'], roundRobin: 'BALANCED' },
        { ref: 'session', name: 'Session', duration: 60, interval: 60, price: '50.00', scope: 'company', resources: ['alice'], forms: ['intake'], addons: ['extra'] },
        { ref: 'yoga', name: 'Yoga class', type: 'class', duration: 60, capacity: overrides.capacity ?? 3, scope: 'company', resources: ['bob'] },
      ],
      addons: [{ ref: 'extra', name: 'Extra time', duration: 30, price: '15.00' }],
      forms: [{ ref: 'intake', name: 'Intake', fields: [
        { ref: 'first', name: 'First visit?', type: 'yesno', required: true },
        { ref: 'topics', name: 'Topics', type: 'checkboxlist', options: ['A', 'B', 'C'] },
      ] }],
      labels: [{ ref: 'vip', name: 'VIP', color: 'pink' }],
      coupons: [{ ref: 'tenoff', code: 'TENOFF', discountType: 'percentage', discountAmount: 10, services: ['session'] }],
      packages: [{ ref: 'five', code: 'FIVEPACK', type: 'counts', counts: 2, services: ['session'] }],
    },
  };
}

/** The next date (YYYY-MM-DD, UTC) at least `minDaysAhead` away that falls on ISO weekday `isoWeekday` (1 = Monday). */
export function nextWeekday(isoWeekday: number, minDaysAhead = 2, from = Date.now()): string {
  const d = new Date(from + minDaysAhead * 86_400_000);
  while (((d.getUTCDay() + 6) % 7) + 1 !== isoWeekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instant of 09:00 in New York (the clinic's zone) plus `slot` half hours, on `date` (YYYY-MM-DD). */
export function clinicSlot(date: string, slot: number): number {
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'shortOffset' })
    .formatToParts(Date.parse(`${date}T12:00Z`)).find((p) => p.type === 'timeZoneName')!.value; // "GMT-5"
  return Date.parse(`${date}T00:00:00Z`) + ((9 - Number(offset.replace('GMT', ''))) * 60 + slot * 30) * 60_000;
}
