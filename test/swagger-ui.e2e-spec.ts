import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

/** Debian's chromium package (`.ci/run` installs it); Playwright's own download is not reachable. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const found = existsSync(CHROMIUM);
const title = found
  ? 'Swagger UI in a real browser'
  : `Swagger UI in a real browser: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

if (!found) console.warn(title);

(found ? describe : describe.skip)(title, () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startTestGateway();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('authorizes with the demo key and publishes with "Try it out" (201)', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.url.replace('[::1]', '127.0.0.1')}/docs`);

    await page.click('button.btn.authorize');
    await page.fill('.auth-container input', DEMO_KEY);
    await page.click('.auth-btn-wrapper button.authorize');
    await page.click('.auth-btn-wrapper button.btn-done');

    const operation = page.locator('#operations-applications-publishApplication');
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('button.execute').click();

    const status = operation.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    expect((await status.textContent())?.trim()).toBe('201');
    expect(gateway.sandbox.calls('app-center')).toHaveLength(1);
  }, 60_000);
});
