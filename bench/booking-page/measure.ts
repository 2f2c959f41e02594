// Booking page budgets: gzip size of the page's script and of the embed loader (esbuild output,
// as served), requests the page makes before its first times show, layout shift while the times
// load and change (PerformanceObserver 'layout-shift' in Chromium), and how fast the server
// renders the time picker. `npx tsx bench/booking-page/measure.ts [runs]`; exits 1 over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../../scripts/build-web.mjs';
import { launchChromium, chromiumAvailable } from '../../test/support/browser.js';
import { adminHeaders, api, startTestServer } from '../../test/support/server.js';
import { dayAfterNextDstChange, practice } from '../../test/e2e/booking-page-fixture.js';

const runs = Number(process.argv[2] ?? 50);
const manifest = await buildWeb();
const gz = (file: string) => gzipSync(readFileSync(new URL(`../../dist/web/${file}`, import.meta.url))).length;
const rows: Array<[string, string, string]> = [
  ['Page JavaScript (booking.js), gzip', `${(gz(manifest['booking.js']) / 1024).toFixed(1)} KB`, '≤ 25 KB'],
  ['Page stylesheet (booking.css), gzip', `${(gz(manifest['booking.css']) / 1024).toFixed(1)} KB`, '–'],
  ['Embed loader (embed.js), gzip', `${(gz(manifest['embed.js']) / 1024).toFixed(2)} KB`, '≤ 3 KB'],
];
let over = gz(manifest['booking.js']) > 25 * 1024 || gz(manifest['embed.js']) > 3 * 1024;

const app = await startTestServer(`sqlite:${process.env.TMPDIR ?? '/tmp'}/openslot-bench-${process.pid}.db`, { OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
try {
  const created = await api(app.url, 'POST', '/admin/v1/companies', { body: practice('bench', dayAfterNextDstChange()), headers: adminHeaders });
  const url = `${app.url}/book/bench/${created.json.refs.checkup.id}`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await api(app.url, 'GET', new URL(url).pathname);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push([`Time picker HTML from the server (SQLite, ${runs} runs; 4 months searched)`, `median ${times[runs >> 1].toFixed(1)} ms`, `p95 ${times[Math.floor(runs * 0.95)].toFixed(1)} ms`]);

  if (chromiumAvailable) {
    const browser = await launchChromium();
    const context = await browser.newContext({ timezoneId: 'Asia/Kolkata', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const apiCalls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/book/api/')) apiCalls.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('button.time').first().waitFor();
    const before = apiCalls.length;
    rows.push(['Requests to /book/api before the first times show', String(before), '0']);
    await page.waitForTimeout(500);
    const clsLoad = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.locator('button.time').first().waitFor();
    await page.waitForTimeout(500);
    const clsAfter = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    rows.push(['Layout shift (CLS) on load, times re-rendered in the visitor zone', clsLoad.toFixed(4), '0 (≤ 0.1 is "good")']);
    rows.push(['Layout shift after two month changes reload the times (shifts within 500 ms of a click do not count, as in CLS)', clsAfter.toFixed(4), '0']);
    over ||= before > 0;
    await browser.close();
  } else {
    console.warn('NOTICE: /usr/bin/chromium is missing: layout shift not measured.');
  }
} finally {
  await app.close();
}

console.log('| What | Measured | Budget |\n|---|---|---|');
for (const [what, value, budget] of rows) console.log(`| ${what} | ${value} | ${budget} |`);
if (over) { console.error('Over budget.'); process.exit(1); }
