import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, describeInChromium } from './support/chromium';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

describeInChromium('Swagger UI in a real browser', () => {
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
