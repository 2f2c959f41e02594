// The business `openslot demo` loads: a clinic in New York with two practitioners.
import type { CompanyDocument } from '../services/setup/document.js';

const day: [string, string][] = [['09:00', '17:00']];
const weekdays = { mon: day, tue: day, wed: day, thu: day, fri: day };

export const demoCompany: CompanyDocument = {
  name: 'Demo Clinic',
  timezone: 'America/New_York',
  settings: { minHoursInAdvance: 0, maxDaysInAdvance: 60, timeFormat: 'ampm' },
  setup: {
    locations: [{ ref: 'main', name: 'Main St', timezone: 'America/New_York', primary: true, expirationDelay: 300 }],
    resources: [
      { ref: 'alice', name: 'Alice', location: 'main', email: 'alice@example.com', hours: weekdays },
      { ref: 'bob', name: 'Bob', location: 'main', email: 'bob@example.com', hours: weekdays },
    ],
    services: [
      { ref: 'consult', name: 'Consultation', duration: 30, interval: 15, price: '50.00', scope: 'company', resources: ['alice', 'bob'], roundRobin: 'BALANCED', forms: ['intake'], addons: ['extra'] },
    ],
    addons: [{ ref: 'extra', name: 'Extra time', duration: 15, price: '15.00' }],
    forms: [{ ref: 'intake', name: 'Intake', fields: [{ ref: 'first', name: 'First visit?', type: 'yesno', required: false }] }],
    labels: [{ ref: 'vip', name: 'VIP', color: 'pink' }],
    coupons: [{ ref: 'tenoff', code: 'TENOFF', discountType: 'percentage', discountAmount: 10, services: ['consult'] }],
  },
};
