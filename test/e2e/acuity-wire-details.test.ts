// Acuity wire details that recorded real responses pin down: each form answer has its own id
// (not its field's), formsText follows Acuity's layout, add-ons carry `active`, an appointment's
// calendarID is a number, and GET /api/v1/meta answers without credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { api } from '../support/server.js';
import { backends } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, startServer, type Call, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);

describe.each(backends)('Acuity wire details on $name', (backend) => {
  let app: RunningApp;
  let company: Company;
  let call: Call;
  beforeAll(async () => {
    app = await startServer(backend, { OPENSLOT_WEBHOOK_SOURCE_RANGES: '203.0.113.0/24, 2001:db8::/32' });
    company = await createCompany(app, acuityClinic({ classDay: nextWeekday(4) }));
    call = basicClient(app, company);
  });
  afterAll(async () => { await app?.close(); await backend.dropAll(); });

  const book = async (extra: Record<string, unknown>) => {
    const [slot] = (await call('/availability/times', { qs: { date: DAY, appointmentTypeID: company.refs.session.id } })).body as Array<{ time: string }>;
    const r = await call('/appointments', { method: 'POST', body: {
      datetime: slot!.time, appointmentTypeID: company.refs.session.id, firstName: 'Ada', lastName: 'Lovelace', ...extra,
    } });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('gives each answer its own id, distinct from its fieldID and from other appointments\' answers, and renders formsText as Acuity does', async () => {
    const R = company.refs;
    const a = await book({ email: 'ada@example.com', phone: '2125550143', fields: [{ id: R.first.id, value: 'yes' }, { id: R.topics.id, value: 'A,C' }] });
    const b = await book({ email: 'ada2@example.com', fields: [{ id: R.first.id, value: 'no' }] });
    const values = (x: any) => x.forms[0].values as Array<{ id: number; fieldID: number; value: string }>;
    expect(values(a).map((v) => v.fieldID)).toEqual([R.first.id, R.topics.id, R.scan.id]);
    for (const v of [...values(a), ...values(b)]) expect(v.id).not.toBe(v.fieldID);
    expect(new Set([...values(a), ...values(b)].map((v) => v.id)).size).toBe(6);
    // Stable: the same ids when the appointment is read again.
    expect(values((await call(`/appointments/${a.id}`)).body)).toEqual(values(a));
    expect(a.formsText).toBe(
      'Name: Ada Lovelace\nPhone: (212) 555-0143\nE-mail: ada@example.com\nPrice: $50.00\n\n'
      + 'Location\n============\n1 Main St\n\n\n'
      + 'Intake\n============\nFirst visit?: yes\n\nTopics: A,C\n\nScan: \n\n',
    );
    expect(a.calendarID).toBe(R.alice.id);
    const listed = (await call('/appointments', { qs: { minDate: DAY, maxDate: DAY } })).body as any[];
    for (const x of listed) expect(x.calendarID).toEqual(expect.any(Number));
  });

  it('shows add-ons with active', async () => {
    const addons = (await call('/appointment-addons')).body as any[];
    expect(addons.length).toBeGreaterThan(0);
    for (const addon of addons) expect(addon).toMatchObject({ id: expect.any(Number), active: true, private: expect.any(Boolean) });
  });

  it('answers GET /api/v1/meta without credentials with the configured webhook source ranges', async () => {
    const r = await api(app.url, 'GET', '/api/v1/meta');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ hooks: ['203.0.113.0/24', '2001:db8::/32'] });
    const plain = await startServer(backend);
    try {
      expect((await api(plain.url, 'GET', '/api/v1/meta')).json).toEqual({ hooks: [] });
    } finally {
      await plain.close();
    }
  });
});
