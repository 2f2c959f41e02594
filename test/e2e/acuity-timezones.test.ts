// Time zones at the Acuity edge: times shown in the calendar's zone unless another is asked for,
// +05:30 and +05:45 offsets, datetimes without an offset read in the calendar's zone, a DST day
// in New York, and the account's 24-hour display.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sqliteBackend } from '../support/databases.js';
import { acuityClinic, basicClient, createCompany, nextWeekday, startServer, type Call, type Company } from './acuity-client.js';

const DAY = nextWeekday(3);
const NEXT_DAY = DateTime.fromISO(DAY).plus({ days: 1 }).toISODate()!;

/** The next spring-forward Sunday in New York (second Sunday of March) at least three days away. */
function nextSpringForward(): string {
  for (let year = DateTime.now().year; ; year++) {
    const march = DateTime.fromObject({ year, month: 3, day: 1 }, { zone: 'America/New_York' });
    const secondSunday = march.plus({ days: ((7 - march.weekday) % 7) + 7 });
    if (secondSunday.diffNow('days').days > 3) return secondSunday.toISODate()!;
  }
}

describe('Acuity time zones', () => {
  let app: RunningApp;
  let company: Company;
  let call: Call;
  let R: Company['refs'];
  const times = async (qs: Record<string, unknown>) => (await call('/availability/times', { qs })).body.map((t: { time: string }) => t.time) as string[];

  beforeAll(async () => {
    app = await startServer(sqliteBackend);
    company = await createCompany(app, acuityClinic({ classDay: DAY }));
    R = company.refs;
    call = basicClient(app, company);
  });
  afterAll(async () => { await app?.close(); await sqliteBackend.dropAll(); });

  it('shows a calendar\'s times in its own zone: +05:30 in Kolkata, +05:45 in Kathmandu', async () => {
    const kolkata = await times({ date: DAY, appointmentTypeID: R.remote.id, calendarID: R.carol.id });
    expect(kolkata).toHaveLength(8);
    expect(kolkata[0]).toBe(`${DAY}T09:00:00+0530`);
    expect(kolkata[7]).toBe(`${DAY}T16:00:00+0530`);
    const kathmandu = await times({ date: DAY, appointmentTypeID: R.remote.id, calendarID: R.dev.id });
    expect(kathmandu[0]).toBe(`${DAY}T09:00:00+0545`);
  });

  it('keys days and shows times in the requested zone instead', async () => {
    const local = [
      ...await times({ date: DAY, appointmentTypeID: R.remote.id, calendarID: R.carol.id }),
      ...await times({ date: NEXT_DAY, appointmentTypeID: R.remote.id, calendarID: R.carol.id }),
    ];
    const expected = local.map((t) => DateTime.fromISO(t).setZone('America/New_York'))
      .filter((t) => t.toISODate() === DAY).map((t) => t.toFormat("yyyy-MM-dd'T'HH:mm:ssZZZ"));
    const inNewYork = await times({ date: DAY, appointmentTypeID: R.remote.id, calendarID: R.carol.id, timezone: 'America/New_York' });
    expect(expected.length).toBeGreaterThan(0);
    expect(inNewYork).toEqual(expected);
    const dates = await call('/availability/dates', { qs: { month: DAY.slice(0, 7), appointmentTypeID: R.remote.id, calendarID: R.carol.id, timezone: 'Pacific/Kiritimati' } });
    // Kiritimati (+14) sees Kolkata's Monday-to-Friday hours on its Mondays to Saturdays.
    const weekdays = dates.body.map(({ date }: { date: string }) => new Date(`${date}T12:00:00Z`).getUTCDay());
    expect(weekdays).not.toContain(0);
    const fridayLeft = [...Array(7).keys()].some((i) => { const d = DateTime.fromISO(DAY).plus({ days: i }); return d.weekday === 5 && d.month === DateTime.fromISO(DAY).month && d.day < d.daysInMonth!; });
    if (fridayLeft) expect(weekdays).toContain(6);
  });

  it('reads a datetime without an offset in the calendar\'s zone and one with an offset as written', async () => {
    const bare = await call('/appointments', { method: 'POST', body: {
      datetime: `${DAY}T10:00:00`, appointmentTypeID: R.remote.id, calendarID: R.carol.id, firstName: 'Ravi', lastName: 'K', email: 'ravi@example.com',
    } });
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ datetime: `${DAY}T10:00:00+0530`, calendarTimezone: 'Asia/Kolkata', timezone: 'Asia/Kolkata', time: '10:00am' });
    const offset = await call('/appointments', { method: 'POST', body: {
      datetime: DateTime.fromISO(`${DAY}T11:00:00`, { zone: 'Asia/Kathmandu' }).toUTC().toISO(), appointmentTypeID: R.remote.id, calendarID: R.dev.id,
      firstName: 'Sita', lastName: 'S', email: 'sita@example.com', timezone: 'Europe/London',
    } });
    expect(offset.status).toBe(200);
    expect(offset.body.datetime).toBe(`${DAY}T11:00:00+0545`);
    expect(offset.body.time).toBe(DateTime.fromISO(`${DAY}T11:00:00`, { zone: 'Asia/Kathmandu' }).setZone('Europe/London').toFormat('h:mma').toLowerCase());
  });

  it('offers the hours of a spring-forward day in New York with the offset changing and 02:00 skipped', async () => {
    const day = nextSpringForward();
    const doc = acuityClinic({ classDay: DAY, settings: { maxDaysInAdvance: 400 } });
    doc.setup!.resources!.push({ ref: 'night', name: 'Night', location: 'main', hours: { sun: [['00:00', '06:00']] } });
    doc.setup!.services!.push({ ref: 'owl', name: 'Night owl', duration: 60, resources: ['night'] });
    const other = await createCompany(app, doc);
    const r = await basicClient(app, other)('/availability/times', { qs: { date: day, appointmentTypeID: other.refs.owl.id } });
    expect(r.body.map((t: { time: string }) => t.time)).toEqual([
      `${day}T00:00:00-0500`, `${day}T01:00:00-0500`, `${day}T03:00:00-0400`, `${day}T04:00:00-0400`, `${day}T05:00:00-0400`,
    ]);
  });

  it('shows times in 24-hour form on a 24hr account', async () => {
    const other = await createCompany(app, acuityClinic({ classDay: DAY, settings: { timeFormat: '24hr' } }));
    const as = basicClient(app, other);
    expect((await as('/me')).body.timeFormat).toBe('24hr');
    const [, , , , , afternoon] = (await as('/availability/times', { qs: { date: DAY, appointmentTypeID: other.refs.session.id } })).body;
    const r = await as('/appointments', { method: 'POST', body: {
      datetime: afternoon.time, appointmentTypeID: other.refs.session.id, firstName: 'Ada', lastName: 'L', email: 'ada@example.com',
      fields: [{ id: other.refs.first.id, value: 'yes' }],
    } });
    expect(r.body).toMatchObject({ time: '14:00', endTime: '15:00' });
  });
});
