// The records beside appointments, through the official client: blocks, check-times, certificates,
// clients, products and orders, webhooks; plus Idempotency-Key replays and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { recordOrder } from '../../src/services/commerce/orders.js';
import { createProduct } from '../../src/services/commerce/products.js';
import { sqliteBackend } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, sessionBooking, startServer, type Call, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);

describe('Acuity records', () => {
  let app: RunningApp;
  let company: Company;
  let call: Call;
  let R: Company['refs'];
  let times: string[];
  const openTimes = async () => (await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.session.id } })).body.map((t: { time: string }) => t.time) as string[];

  beforeAll(async () => {
    app = await startServer(sqliteBackend);
    company = await createCompany(app, acuityClinic({ classDay: DAY }));
    R = company.refs;
    call = basicClient(app, company);
    times = await openTimes();
  });
  afterAll(async () => { await app?.close(); await sqliteBackend.dropAll(); });

  it('blocks: created on a calendar they take time off it; listed, read, deleted', async () => {
    const created = await call('/blocks', { method: 'POST', body: { start: times[2], end: times[4], calendarID: R.alice.id, notes: 'Dentist' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ calendarID: R.alice.id, start: times[2], end: times[4], notes: 'Dentist', recurring: null, until: null });
    expect(created.body.description).toContain('Blocked off');
    expect(await openTimes()).toEqual(times.filter((t) => t !== times[2] && t !== times[3]));
    expect((await call('/blocks', { qs: { minDate: DAY, maxDate: DAY, calendarID: R.alice.id } })).body).toEqual([created.body]);
    expect((await call('/blocks', { qs: { calendarID: R.bob.id } })).body).toEqual([]);
    expect((await call(`/blocks/${created.body.id}`)).body).toEqual(created.body);
    const removed = await call(`/blocks/${created.body.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await call(`/blocks/${created.body.id}`)).status).toBe(404);
    expect(await openTimes()).toEqual(times);
    const bare = await call('/blocks', { method: 'POST', body: { start: `${DAY}T12:00:00`, end: `${DAY}T13:00:00`, calendarID: R.carol.id } });
    expect(bare.body).toMatchObject({ start: `${DAY}T12:00:00+0530`, end: `${DAY}T13:00:00+0530` });
    expect((await call('/blocks', { method: 'POST', body: { start: times[0], end: times[1] } })).body.error).toBe('required_calendar_id');
    expect((await call('/blocks', { method: 'POST', body: { start: times[1], end: times[0], calendarID: R.alice.id } })).body.error).toBe('invalid_end');
  });

  it('check-times: one object or many, valid with the calendar that would be used, else the booking\'s error', async () => {
    const one = await call('/availability/check-times', { method: 'POST', body: { datetime: times[0], appointmentTypeID: R.consult.id } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ datetime: times[0], appointmentTypeID: R.consult.id, valid: true, calendarID: expect.any(Number) });
    const many = await call('/availability/check-times', { method: 'POST', body: [
      { datetime: times[1], appointmentTypeID: R.session.id, calendarID: R.alice.id },
      { datetime: `${DAY}T03:00:00`, appointmentTypeID: R.session.id },
      { datetime: '2020-01-01T10:00:00-0500', appointmentTypeID: R.session.id },
      { datetime: times[1], appointmentTypeID: R.session.id, calendarID: R.bob.id },
    ] });
    expect(many.body).toEqual([
      expect.objectContaining({ valid: true, calendarID: R.alice.id }),
      expect.objectContaining({ valid: false, error: 'not_available', reason: `The time "${DAY}T03:00:00" is not an available time slot.` }),
      expect.objectContaining({ valid: false, error: 'not_available_min_hours_in_advance' }),
      expect.objectContaining({ valid: false, error: 'not_available', calendarID: R.bob.id }),
    ]);
    const bad = await call('/availability/check-times', { method: 'POST', body: [{ datetime: times[0] }] });
    expect(bad.body).toMatchObject({ status_code: 400, error: 'required_appointment_type_id' });
  });

  it('certificates: listed, checked, issued from a coupon and from a package product, deleted', async () => {
    const all = (await call('/certificates')).body;
    expect(all.map((c: { certificate: string }) => c.certificate)).toEqual(expect.arrayContaining(['TWOPACK', 'USEDUP', 'TENOFF', 'FIVEOFF']));
    expect(all.find((c: { certificate: string }) => c.certificate === 'TWOPACK')).toMatchObject({ type: 'counts', remainingCounts: 2, appointmentTypeIDs: [R.session.id] });
    const tenoff = await call('/certificates/check', { qs: { certificate: 'tenoff', appointmentTypeID: R.session.id } });
    expect(tenoff.body).toMatchObject({ certificate: 'TENOFF', couponID: R.tenoff.id, discountType: 'percentage', discountAmount: 10 });
    expect((await call('/certificates/check', { qs: { certificate: 'TENOFF', appointmentTypeID: R.consult.id } })).body)
      .toEqual({ status_code: 400, error: 'invalid_certificate_type', message: `The certificate "TENOFF" is invalid for appointment type "${R.consult.id}".` });
    expect((await call('/certificates/check', { qs: { certificate: 'EXPIRED', appointmentTypeID: R.session.id } })).body.error).toBe('expired_certificate');

    const code = await call('/certificates', { method: 'POST', body: { couponID: R.tenoff.id, certificate: 'SPRING10' } });
    expect(code.body).toMatchObject({ certificate: 'SPRING10', couponID: R.tenoff.id, discountAmount: 10 });
    const booked = await call('/appointments', { method: 'POST', body: sessionBooking(R, times[0], { certificate: 'SPRING10' }) });
    expect(booked.body).toMatchObject({ certificate: 'SPRING10', priceSold: '45.00' });
    expect((await call('/certificates', { method: 'POST', body: { couponID: R.tenoff.id, certificate: 'spring10' } })).body.error).toBe('invalid_certificate');

    const product = await createProduct(app.services, company.id, { name: 'Three sessions', type: 'appointments', priceCents: 12000, counts: 3, serviceIds: [R.session.id] });
    const pack = await call('/certificates', { method: 'POST', body: { productID: product.id, email: 'ada@example.com' } });
    expect(pack.body).toMatchObject({ productID: product.id, orderID: null, type: 'counts', remainingCounts: 3, email: 'ada@example.com', name: 'Three sessions' });
    expect(pack.body.certificate).toMatch(/^[0-9A-F]{8}$/);
    expect((await call('/certificates', { qs: { productID: product.id } })).body.map((c: { id: number }) => c.id)).toEqual([pack.body.id]);
    expect((await call('/certificates', { method: 'POST', body: { productID: 987654 } })).body.error).toBe('invalid_product');
    expect((await call('/certificates', { method: 'POST', body: {} })).body.error).toBe('required_product_id');

    for (const id of [pack.body.id, code.body.id]) expect((await call(`/certificates/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/certificates/${pack.body.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await call('/certificates/check', { qs: { certificate: pack.body.certificate, appointmentTypeID: R.session.id } })).body.error).toBe('invalid_certificate');
  });

  it('products and orders: an order of a package product issues its certificate', async () => {
    const product = await createProduct(app.services, company.id, { name: 'Five hours', type: 'minutes', priceCents: 25000, minutes: 300 });
    const order = await recordOrder(app.services, company.id, { productId: product.id, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    expect((await call('/products')).body).toContainEqual(expect.objectContaining({ id: product.id, name: 'Five hours', type: 'minutes', price: '250.00', minutes: 300 }));
    const orders = (await call('/orders')).body;
    expect(orders[0]).toMatchObject({ id: order.id, total: '250.00', status: 'completed', firstName: 'Grace', email: 'grace@example.com', items: [{ productID: product.id, quantity: 1 }] });
    expect((await call(`/orders/${order.id}`)).body).toEqual(orders[0]);
    expect((await call('/orders/424242')).status).toBe(404);
    const certificates = (await call('/certificates', { qs: { orderID: order.id } })).body;
    expect(certificates).toEqual([expect.objectContaining({ orderID: order.id, productID: product.id, type: 'minutes', remainingMinutes: 300, email: 'grace@example.com' })]);
  });

  it('clients: created, searched, updated and deleted by name', async () => {
    const created = await call('/clients', { method: 'POST', body: { firstName: 'Mary', lastName: 'Shelley', email: 'mary@example.com', phone: '555-0101', notes: 'Prefers mornings' } });
    expect(created.body).toEqual({ firstName: 'Mary', lastName: 'Shelley', email: 'mary@example.com', phone: '555-0101', notes: 'Prefers mornings' });
    expect((await call('/clients', { method: 'POST', body: { firstName: 'Other', lastName: 'Mary', email: 'MARY@example.com' } })).body.error).toBe('duplicate_client');
    expect((await call('/clients', { method: 'POST', body: { lastName: 'Nobody' } })).body.error).toBe('required_first_name');
    expect((await call('/clients', { qs: { search: 'shel' } })).body).toEqual([created.body]);
    expect((await call('/clients', { qs: { search: 'mary shelley' } })).body).toHaveLength(1);
    const updated = await call('/clients', { method: 'PUT', qs: { firstName: 'mary', lastName: 'shelley' }, body: { phone: '555-0202' } });
    expect(updated.body).toMatchObject({ firstName: 'Mary', phone: '555-0202' });
    expect((await call('/clients', { method: 'PUT', qs: { firstName: 'No', lastName: 'One' }, body: {} })).status).toBe(404);
    expect((await call('/clients', { method: 'DELETE', qs: { firstName: 'Mary', lastName: 'Shelley', phone: '555-0202' } })).status).toBe(204);
    expect((await call('/clients', { qs: { search: 'shelley' } })).body).toEqual([]);
  });

  it('webhooks: subscribed, listed, deleted; at most 25; events and targets checked', async () => {
    const made = await call('/webhooks', { method: 'POST', body: { event: 'appointment.scheduled', target: 'https://hooks.example.com/a' } });
    expect(made.body).toEqual({ id: expect.any(Number), event: 'appointment.scheduled', target: 'https://hooks.example.com/a', status: 'active' });
    expect((await call('/webhooks')).body).toEqual([made.body]);
    expect((await call('/webhooks', { method: 'POST', body: { event: 'appointment.exploded', target: 'https://x.example.com' } })).body.error).toBe('invalid_event');
    expect((await call('/webhooks', { method: 'POST', body: { event: 'order.completed', target: 'ftp://x.example.com' } })).body.error).toBe('invalid_target');
    for (let i = 1; i < 25; i++) {
      expect((await call('/webhooks', { method: 'POST', body: { event: 'appointment.changed', target: `https://hooks.example.com/${i}` } })).status).toBe(200);
    }
    const over = await call('/webhooks', { method: 'POST', body: { event: 'appointment.changed', target: 'https://hooks.example.com/26' } });
    expect(over.status).toBe(400);
    expect(over.body.error).toBe('too_many_webhooks');
    expect((await call(`/webhooks/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/webhooks')).body).toHaveLength(24);
    expect((await call(`/webhooks/${made.body.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('replays a booking retried with the same Idempotency-Key instead of booking twice', async () => {
    const body = sessionBooking(R, times[6], { email: 'retry@example.com' });
    const headers = { 'Idempotency-Key': 'booking-42' };
    const first = await call('/appointments', { method: 'POST', body, headers });
    const retry = await call('/appointments', { method: 'POST', body, headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect((await call('/appointments', { qs: { email: 'retry@example.com' } })).body).toHaveLength(1);
    const other = await call('/appointments', { method: 'POST', body: { ...body, datetime: times[7] }, headers });
    expect(other.body).toMatchObject({ status_code: 400, error: 'idempotency_mismatch' });
  });

  it('reschedules onto another calendar, or onto any free one with calendarID null', async () => {
    const consult = (await call('/availability/times', { qs: { date: DAY, appointmentTypeID: R.consult.id, calendarID: R.bob.id } })).body.map((t: { time: string }) => t.time);
    const booked = await call('/appointments', { method: 'POST', body: { datetime: consult[3], appointmentTypeID: R.consult.id, calendarID: R.bob.id, firstName: 'C', lastName: 'D', email: 'cd@example.com' } });
    expect(booked.body.calendarID).toBe(R.bob.id);
    const toAlice = await call(`/appointments/${booked.body.id}/reschedule`, { method: 'PUT', body: { datetime: consult[4], calendarID: R.alice.id } });
    expect(toAlice.body).toMatchObject({ id: booked.body.id, calendarID: R.alice.id, datetime: consult[4] });
    await call('/blocks', { method: 'POST', body: { start: consult[5], end: consult[6], calendarID: R.alice.id } });
    const anywhere = await call(`/appointments/${booked.body.id}/reschedule`, { method: 'PUT', body: { datetime: consult[5], calendarID: null } });
    expect(anywhere.body).toMatchObject({ id: booked.body.id, calendarID: R.bob.id, datetime: consult[5] });
  });

  it('serves its OpenAPI document at /api/v1/openapi.json without credentials', async () => {
    const r = await fetch(`${app.url}/api/v1/openapi.json`);
    expect(r.status).toBe(200);
    const doc = await r.json();
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/appointments', '/api/v1/availability/times', '/api/v1/appointments/{id}/reschedule', '/api/v1/webhooks']));
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(doc.components.securitySchemes.basic).toEqual({ type: 'http', scheme: 'basic' });
    const docs = await (await fetch(`${app.url}/docs/json`)).json();
    expect(Object.keys(docs.paths)).toContain('/api/v1/appointments');
  });
});
