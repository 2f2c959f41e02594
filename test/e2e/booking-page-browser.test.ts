// The booking page in a real browser (Chromium), on SQLite and PostgreSQL: a visitor in Kolkata
// books a New York business across a DST change, by mouse and by keyboard alone; axe finds no WCAG
// A/AA violation in any state; two visitors race for one time; reschedule and cancel from the
// manage link; the embed on another origin; no horizontal scroll at 320 px.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { clockTime } from '../../src/http/booking/picker-markup.js';
import { buildWeb } from '../../scripts/build-web.mjs';
import { axeViolations, chromiumAvailable, launchChromium } from '../support/browser.js';
import { backends } from '../support/databases.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { dayAfterNextDstChange, practice, slotAt } from './booking-page-fixture.js';

const KOLKATA = 'Asia/Kolkata';
const suite = chromiumAvailable ? describe.each(backends) : describe.skip.each(backends);

suite('booking page in Chromium on $name', { timeout: 120_000 }, (backend) => {
  let app: RunningApp;
  let browser: Browser;
  let embedHost: Server;
  let embedOrigin: string;
  const openDay = dayAfterNextDstChange();
  const companies: Record<string, { slug: string; service: number }> = {};

  beforeAll(async () => {
    await buildWeb();
    embedHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(embedPage));
    await new Promise<void>((resolve) => embedHost.listen(0, '127.0.0.1', resolve));
    embedOrigin = `http://127.0.0.1:${(embedHost.address() as AddressInfo).port}`;
    app = await startTestServer(await backend.create(), { OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
    for (const name of ['mouse', 'keys', 'race', 'manage', 'embed', 'narrow']) {
      const slug = `${name}-${backend.name}`;
      const created = await api(app.url, 'POST', '/admin/v1/companies', { body: practice(slug, openDay, [embedOrigin]), headers: adminHeaders });
      expect(created.status).toBe(201);
      companies[name] = { slug, service: created.json.refs.checkup.id };
    }
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    embedHost?.close();
    await backend.dropAll();
  });

  let embedPage = '';
  const pageUrl = (name: string) => `${app.url}/book/${companies[name].slug}/${companies[name].service}`;
  const open = async (name: string, options: { width?: number } = {}) => {
    const context = await browser.newContext({ timezoneId: KOLKATA, locale: 'en-US', viewport: { width: options.width ?? 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(pageUrl(name));
    return page;
  };
  const timeLabel = (slot: number) => clockTime(slotAt(openDay, slot), KOLKATA, 'en-US');
  const stored = (slug: string) => app.services.store.db.selectFrom('appointments as a').innerJoin('companies as c', 'c.id', 'a.company_id')
    .select(['a.start_at', 'a.status', 'a.form_answers', 'a.price_cents']).where('c.slug', '=', slug).where('a.status', '!=', 'IN').execute();
  const expectAccessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  const fillDetails = async (page: Page) => {
    await page.getByLabel('First name').fill('Asha');
    await page.getByLabel('Last name').fill('Rao <img src=x onerror=alert(1)>');
    await page.getByLabel('Email').fill('asha@example.com');
    await page.getByRole('radiogroup', { name: 'First visit? *' }).getByLabel('Yes').check();
    await page.getByLabel('Insurer').selectOption('Cigna');
    await page.getByRole('group', { name: 'Topics' }).getByLabel('Knee').check();
  };

  it('books from Kolkata for New York across the DST change: the instant stored is the one shown', async () => {
    const page = await open('mouse');
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe(KOLKATA);
    expect(await page.locator('h1').first().textContent()).toBe('Checkup <script>alert(1)</script>');
    await expectAccessible(page);
    const dayName = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: KOLKATA }).format(slotAt(openDay));
    expect(await page.getByRole('button', { name: dayName }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: timeLabel(1), exact: true }).click();
    await expect.poll(() => page.locator('#countdown').textContent()).toMatch(/held for you for [45]:\d\d/);
    const heldUntil = async () => (await app.services.store.db.selectFrom('appointments').select('expires_at').where('status', '=', 'IN').orderBy('id', 'desc').executeTakeFirstOrThrow()).expires_at!;
    const firstExpiry = await heldUntil();
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Hold it longer' }).click();
    await expect.poll(heldUntil).toBeGreaterThan(firstExpiry);
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'correct the marked' }).count()).toBe(1);
    expect(await page.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await fillDetails(page);
    await page.getByLabel('Coupon or package code').fill('TENOFF');
    await page.getByRole('button', { name: 'Check code' }).click();
    await expect.poll(() => page.locator('#total').textContent()).toBe('$36.00');
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Book/ }).click();
    await page.waitForURL(/\/book\/manage\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('confirmed');
    const shown = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: KOLKATA }).format(slotAt(openDay, 1));
    expect(await page.locator('#visitor-time').textContent()).toBe(shown);
    expect(await page.locator('#business-time').textContent()).toContain('9:30');
    const [row] = await stored(companies.mouse.slug);
    expect(row).toMatchObject({ start_at: slotAt(openDay, 1), status: 'BK', price_cents: 3600 });
    expect(Number(await page.locator('#visitor-time').getAttribute('data-start').then((s) => Date.parse(s!)))).toBe(row.start_at);
    expect(await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')).toMatch(/calendar\.ics$/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('books with the keyboard alone', async () => {
    const page = await open('keys');
    const tabTo = async (match: (el: { tag: string; text: string; label: string | null; id: string }) => boolean, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => { const a = document.activeElement as HTMLElement; return { tag: a.tagName, text: a.textContent ?? '', label: a.getAttribute('aria-label'), id: a.id }; });
        if (match(el)) return;
      }
      throw new Error('focus never reached the element');
    };
    await tabTo((el) => el.text === timeLabel(2));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-firstName');
    await page.keyboard.type('Ravi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kumar');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ravi@example.com');
    await tabTo((el) => el.id === 'f-field-' + '1-0' || /^f-field-\d+-0$/.test(el.id));
    await page.keyboard.press('Space');
    await tabTo((el) => el.id === 'book');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/book\/manage\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('confirmed');
    expect((await stored(companies.keys.slug)).map((r) => r.start_at)).toEqual([slotAt(openDay, 2)]);
    await page.context().close();
  });

  it('two visitors on one time: the second gets the alert and fresh times, the first books', async () => {
    const first = await open('race');
    const second = await open('race');
    await first.getByRole('button', { name: timeLabel(0), exact: true }).click();
    await first.getByLabel('First name').waitFor();
    await second.getByRole('button', { name: timeLabel(0), exact: true }).click();
    await expect.poll(() => second.getByRole('alert').first().textContent()).toContain('just taken');
    await expect.poll(() => second.getByRole('button', { name: timeLabel(0), exact: true }).count()).toBe(0);
    await expectAccessible(second);
    await fillDetails(first);
    await first.getByRole('button', { name: /^Book/ }).click();
    await first.waitForURL(/\/book\/manage\//);
    expect((await stored(companies.race.slug)).map((r) => r.start_at)).toEqual([slotAt(openDay, 0)]);
    await first.context().close();
    await second.context().close();
  });

  it('reschedules and then cancels from the manage link', async () => {
    const page = await open('manage');
    await page.getByRole('button', { name: timeLabel(0), exact: true }).click();
    await fillDetails(page);
    await page.getByRole('button', { name: /^Book/ }).click();
    await page.waitForURL(/\/book\/manage\//);
    await page.getByRole('link', { name: 'Reschedule' }).click();
    await page.getByRole('button', { name: timeLabel(3), exact: true }).click();
    await page.waitForURL(/done=rescheduled/);
    expect(await page.getByRole('status').textContent()).toContain('moved');
    expect((await stored(companies.manage.slug)).map((r) => r.start_at)).toEqual([slotAt(openDay, 3)]);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(/\/book\/manage\/[^/]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('canceled');
    expect((await stored(companies.manage.slug)).map((r) => r.status)).toEqual(['CN']);
    await page.context().close();
  });

  it('embeds on a page from another origin, the frame growing to its content', async () => {
    embedPage = `<!doctype html><html lang="en"><title>Clinic site</title><h1>Our clinic</h1>`
      + `<script src="${app.url}/embed.js"></script><openslot-booking company="${companies.embed.slug}" service="${companies.embed.service}"></openslot-booking>`;
    const context = await browser.newContext({ timezoneId: KOLKATA, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(embedOrigin);
    const frame = page.frameLocator('openslot-booking iframe');
    await frame.getByRole('button', { name: timeLabel(0), exact: true }).waitFor();
    await expect.poll(() => page.locator('openslot-booking iframe').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height)).toBeGreaterThan(600);
    const csp = (await api(app.url, 'GET', `/book/${companies.embed.slug}`)).headers.get('content-security-policy');
    expect(csp).toContain(`frame-ancestors 'self' ${embedOrigin}`);
    await context.close();
  });

  it('opens the page in a dialog from the popup button, and lists the services accessibly', async () => {
    embedPage = `<!doctype html><html lang="en"><title>Clinic site</title><h1>Our clinic</h1>`
      + `<script src="${app.url}/embed.js"></script><openslot-booking company="${companies.embed.slug}" mode="popup" label="Book a checkup"></openslot-booking>`;
    const context = await browser.newContext({ timezoneId: KOLKATA, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(embedOrigin);
    await page.getByRole('button', { name: 'Book a checkup' }).click();
    await page.getByRole('dialog').waitFor();
    // No service attribute: the dialog shows the company's service list.
    await page.frameLocator('openslot-booking dialog iframe').getByRole('link', { name: /^Checkup/ }).waitFor();
    await page.goto(`${app.url}/book/${companies.embed.slug}`);
    expect(await page.getByRole('link', { name: /^Checkup/ }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it('has no horizontal scroll at 320 px, before and after a time is picked', async () => {
    const page = await open('narrow', { width: 320 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: timeLabel(0), exact: true }).click();
    await page.getByLabel('First name').waitFor();
    expect(await overflow()).toBe(0);
    await page.context().close();
  });
});
