// Takes the README's screenshot of the booking page (docs/booking-page.png): the fixture practice,
// a visitor in Kolkata on a phone-sized screen who has picked a time.
import { buildWeb } from '../../scripts/build-web.mjs';
import { launchChromium } from '../../test/support/browser.js';
import { adminHeaders, api, startTestServer } from '../../test/support/server.js';
import { dayAfterNextDstChange, practice } from '../../test/e2e/booking-page-fixture.js';

await buildWeb();
const app = await startTestServer('sqlite::memory:', { OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
try {
  const doc = practice('hudson-health', dayAfterNextDstChange());
  doc.name = 'Hudson Health';
  doc.setup!.services![0].name = 'Checkup';
  const created = await api(app.url, 'POST', '/admin/v1/companies', { body: doc, headers: adminHeaders });
  const browser = await launchChromium();
  const page = await browser.newPage({ timezoneId: 'Asia/Kolkata', viewport: { width: 420, height: 1200 }, deviceScaleFactor: 1 });
  await page.goto(`${app.url}/book/hudson-health/${created.json.refs.checkup.id}`);
  await page.locator('button.time').nth(1).click();
  await page.getByLabel('First name').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL('../../docs/booking-page.png', import.meta.url).pathname, fullPage: false });
  await browser.close();
} finally {
  await app.close();
}
