// The official Acuity client (npm acuityscheduling 0.1.9), unchanged, pointed at a real OpenSlot
// server with its `base` option; plus the business the Acuity suites book against.
import { createRequire } from 'node:module';
import type { RunningApp } from '../../src/app.js';
import type { CompanyDocument } from '../../src/services/setup/document.js';
import type { TestBackend } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { WEEKDAYS_9_TO_5 } from '../support/clinic.js';

interface RawClient {
  request(path: string, options: Record<string, unknown>, cb: (err: Error | null, res: { statusCode: number; headers: Record<string, string> }, body: any) => void): void;
}
interface OAuthClient extends RawClient {
  getAuthorizeUrl(params: { scope: string; state?: string }): string;
  requestAccessToken(code: string, cb: (err: Error | null, token: any) => void): void;
  accessToken: string | null;
  isConnected(): boolean;
}
interface AcuityModule {
  basic(config: { userId: number | string; apiKey: string; base: string }): RawClient;
  oauth(config: { clientId: string; clientSecret: string; redirectUri: string; base: string; accessToken?: string }): OAuthClient;
}

export const Acuity = createRequire(import.meta.url)('acuityscheduling') as AcuityModule;

export interface Company {
  id: number; uid: string; apiKey: string; clientId: string; clientSecret: string;
  refs: Record<string, { id: number; uid: string }>;
}

export interface Answer { status: number; body: any; headers: Record<string, string> }
export interface CallOptions { method?: string; qs?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> }
export type Call = (path: string, options?: CallOptions) => Promise<Answer>;

/** A promise-returning `request` of the official client. */
export function caller(client: RawClient): Call {
  return (path, options = {}) => new Promise((resolve, reject) => {
    client.request(path, { ...options }, (err, res, body) => (err ? reject(err) : resolve({ status: res.statusCode, body, headers: res.headers })));
  });
}

export const basicClient = (app: RunningApp, company: Company, apiKey = company.apiKey): Call =>
  caller(Acuity.basic({ userId: company.id, apiKey, base: app.url }));

export async function startServer(backend: TestBackend, env: Record<string, string> = {}): Promise<RunningApp> {
  return startTestServer(await backend.create(), env);
}

export async function createCompany(app: RunningApp, doc: CompanyDocument): Promise<Company> {
  const r = await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
  if (r.status !== 201) throw new Error(`company not created: ${r.status} ${r.text}`);
  return r.json;
}

/** YYYY-MM-DD of the next `isoWeekday` (1 = Monday) at least `minDaysAhead` days from now, in UTC. */
export function nextWeekday(isoWeekday: number, minDaysAhead = 3): string {
  const d = new Date(Date.now() + minDaysAhead * 86_400_000);
  while (((d.getUTCDay() + 6) % 7) + 1 !== isoWeekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A New York practice: Alice and Bob work weekdays 09–17, Carol in Kolkata (+05:30) and Dev in
 * Kathmandu (+05:45) 09–17 their time. A 60-minute session (Alice; intake form; a public and a
 * private add-on; coupons and packages), a 30-minute consultation (Alice or Bob), a far-away
 * session (Carol, Dev), and a yoga class with two seats on `classDay` at 10:00 New York.
 */
export function acuityClinic(opts: { classDay: string; settings?: CompanyDocument['settings'] }): CompanyDocument {
  return {
    name: 'Acuity Clinic', timezone: 'America/New_York',
    settings: { minHoursInAdvance: 0, maxDaysInAdvance: 60, ...opts.settings },
    setup: {
      locations: [{ ref: 'main', name: 'Main St', timezone: 'America/New_York', primary: true, address: '1 Main St' }],
      resources: [
        { ref: 'alice', name: 'Alice', location: 'main', email: 'alice@example.com', hours: WEEKDAYS_9_TO_5 },
        { ref: 'bob', name: 'Bob', location: 'main', email: 'bob@example.com', hours: WEEKDAYS_9_TO_5 },
        { ref: 'carol', name: 'Carol', location: 'main', timezone: 'Asia/Kolkata', hours: WEEKDAYS_9_TO_5 },
        { ref: 'dev', name: 'Dev', location: 'main', timezone: 'Asia/Kathmandu', hours: WEEKDAYS_9_TO_5 },
        { ref: 'idle', name: 'Idle', location: 'main', hours: {} },
      ],
      services: [
        { ref: 'session', name: 'Session', duration: 60, interval: 60, price: '50.00', category: 'Therapy', resources: ['alice'], forms: ['intake'], addons: ['extra', 'secret'] },
        { ref: 'consult', name: 'Consultation', duration: 30, interval: 30, price: '40.00', resources: ['alice', 'bob'], roundRobin: 'BALANCED' },
        { ref: 'remote', name: 'Remote session', duration: 60, interval: 60, price: '30.00', resources: ['carol', 'dev'] },
        { ref: 'yoga', name: 'Yoga', type: 'class', duration: 60, capacity: 2, price: '20.00', resources: ['bob'] },
        { ref: 'nobody', name: 'Nobody offers this', duration: 30, price: '10.00', resources: ['idle'] },
      ],
      addons: [
        { ref: 'extra', name: 'Extra time', duration: 30, price: '15.00' },
        { ref: 'secret', name: 'Staff-only extra', duration: 15, price: '5.00', private: true },
      ],
      forms: [{ ref: 'intake', name: 'Intake', fields: [
        { ref: 'first', name: 'First visit?', type: 'yesno', required: true },
        { ref: 'topics', name: 'Topics', type: 'checkboxlist', options: ['A', 'B', 'C'] },
        { ref: 'scan', name: 'Scan', type: 'file' },
      ] }],
      labels: [{ ref: 'vip', name: 'VIP', color: 'pink' }, { ref: 'late', name: 'Late', color: 'red' }],
      coupons: [
        { ref: 'tenoff', code: 'TENOFF', discountType: 'percentage', discountAmount: 10, services: ['session'] },
        { ref: 'fiveoff', code: 'FIVEOFF', discountType: 'price', discountAmount: 5 },
        { ref: 'expired', code: 'EXPIRED', discountType: 'percentage', discountAmount: 50, expiration: '2020-01-01T00:00:00Z' },
        { ref: 'consultonly', code: 'CONSULTONLY', discountType: 'percentage', discountAmount: 20, services: ['consult'] },
      ],
      packages: [
        { ref: 'twopack', code: 'TWOPACK', type: 'counts', counts: 2, services: ['session'] },
        { ref: 'usedup', code: 'USEDUP', type: 'counts', counts: 0, services: ['session'] },
      ],
      classes: [{ ref: 'morning', service: 'yoga', resource: 'bob', start: `${opts.classDay}T10:00:00`, seats: 2 }],
    },
  };
}

/** A valid client booking of `datetime` for the session, with its required intake answer. */
export function sessionBooking(R: Company['refs'], datetime: string, extra: Record<string, unknown> = {}) {
  return {
    datetime, appointmentTypeID: R.session.id, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com',
    fields: [{ id: R.first.id, value: 'yes' }], ...extra,
  };
}
