// The booking page's own services: company slugs, manage tokens, extending and booking a hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/services/appointments/create-appointment.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import { slugify } from '../../src/services/companies/company-slug.js';
import { bookHold } from '../../src/services/booking-page/book-hold.js';
import { extendHold } from '../../src/services/booking-page/extend-hold.js';
import { findBookingCompany } from '../../src/services/booking-page/find-company.js';
import { manageToken, openManageToken } from '../../src/services/booking-page/manage-token.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { at, fixture, type Fixture } from './harness.js';

const NOW = at('2027-03-01T12:00:00Z');
const NINE = at('2027-03-10T14:00:00Z');

describe.each(backends)('booking page services on $name', (backend) => {
  let f: Fixture;
  beforeAll(async () => { f = await fixture(backend, { ...clinic({ expirationDelay: 60 }), slug: 'test-clinic' }, NOW); });
  afterAll(async () => { await f?.close(); await backend.dropAll(); });
  const R = () => f.company.refs;
  const hold = (start: number) => createAppointment(f.ctx, f.company.id, { serviceKey: R().session.uid, start }, { status: 'IN', onGrid: true });

  it('finds a company by slug or uid; a second company with the same name gets a derived slug, the same chosen slug is refused', async () => {
    expect(f.company.slug).toBe('test-clinic');
    expect((await findBookingCompany(f.ctx.store.db, 'test-clinic')).id).toBe(f.company.id);
    expect((await findBookingCompany(f.ctx.store.db, f.company.uid)).id).toBe(f.company.id);
    await expect(findBookingCompany(f.ctx.store.db, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    const twin = await createCompany(f.ctx, { ...clinic(), setup: {} });
    expect(twin.slug).toBe('test-clinic-' + twin.uid.slice(0, 8));
    await expect(createCompany(f.ctx, { ...clinic(), slug: 'test-clinic', setup: {} })).rejects.toMatchObject({ code: 'slug_taken' });
    expect(slugify("Dr. Müller's Clinic")).toBe('dr-muller-s-clinic');
  });

  it('a manage token opens its appointment until a week after its end, and a changed character is refused', () => {
    const uid = '0b6f3c1e-9d2a-4c57-8e1f-2a3b4c5d6e7f';
    const token = manageToken(f.ctx, uid, NINE);
    expect(openManageToken(f.ctx, token).appointmentUid).toBe(uid);
    const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(() => openManageToken(f.ctx, forged)).toThrow(/not valid/);
    expect(() => openManageToken(f.ctx, 'x'.repeat(20))).toThrow(/not valid/);
    const later = { ...f.ctx, now: () => NINE + 7 * 86_400_000 + 1000 };
    expect(() => openManageToken(later, token)).toThrow(/expired/);
  });

  it('extends a live hold by the location delay, at most ten delays after it was placed', async () => {
    const h = await hold(NINE);
    f.ctx.clock.now = NOW + 50_000;
    expect((await extendHold(f.ctx, f.company.id, h.uid)).expiresAt).toBe(NOW + 110_000);
    for (let t = 100_000; t <= 550_000; t += 50_000) {
      f.ctx.clock.now = NOW + t;
      expect((await extendHold(f.ctx, f.company.id, h.uid)).expiresAt).toBe(NOW + Math.min(t + 60_000, 600_000));
    }
    await expect(extendHold(f.ctx, f.company.id, h.uid)).rejects.toMatchObject({ code: 'limit_reached' });
    f.ctx.clock.now = NOW + 600_001;
    await expect(extendHold(f.ctx, f.company.id, h.uid)).rejects.toMatchObject({ code: 'hold_expired' });
    f.ctx.clock.now = NOW;
  });

  it('books a hold with answers and a coupon, and a bad answer changes nothing', async () => {
    const h = await hold(NINE + 3_600_000);
    const customer = { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' };
    const fields = await f.ctx.store.db.selectFrom('form_fields').select(['id', 'name']).execute();
    const first = fields.find((x) => x.name === 'First visit?')!.id;
    await expect(bookHold(f.ctx, f.company.id, h.uid, { customer, answers: [] })).rejects.toMatchObject({ code: 'required_field' });
    const row = await f.ctx.store.db.selectFrom('appointments').select(['status', 'customer_id']).where('uid', '=', h.uid).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'IN', customer_id: null });
    const booked = await bookHold(f.ctx, f.company.id, h.uid, { customer, answers: [{ id: first, value: 'yes' }], certificate: 'TENOFF', timezone: 'Asia/Kolkata' });
    expect(booked).toMatchObject({ status: 'BK', priceCents: 4500, discountCents: 500, certificate: 'TENOFF', timezone: 'Asia/Kolkata', expiresAt: null });
    expect(booked.customer?.email).toBe('ann@example.com');
    const events = await f.ctx.store.db.selectFrom('notification_events').select('type').execute();
    expect(events.map((e) => e.type)).toContain('scheduled');
  });
});
