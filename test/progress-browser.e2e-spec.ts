import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, describeInChromium } from './support/chromium';
import { fastProgress, installAndDeploy, newRainbondApp } from './support/event-stream';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

describeInChromium('Progress events in a real browser', () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startTestGateway(fastProgress, {
      lifecycle: { stepMs: 600, failingBuilds: [] },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('follows an install with EventSource and a stream ticket until settled', async () => {
    const id = await newRainbondApp(gateway, 'progress-browser');
    const origin = gateway.url.replace('[::1]', '127.0.0.1');
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${origin}/docs`);
    await installAndDeploy(gateway, id);

    // what a front-end does: an authenticated POST for a ticket, then EventSource on its URL
    const seen = await page.evaluate(
      async ({ key, app }) => {
        const base = `/v1/teams/acme/applications/${app}/events`;
        const issued = await fetch(`${base}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}` },
        });
        const { url } = (await issued.json()) as { url: string };
        return new Promise<{ type: string; id: string; states: string[] }[]>((resolve, reject) => {
          const events: { type: string; id: string; states: string[] }[] = [];
          const source = new EventSource(url);
          const record = (type: string) => (event: Event) => {
            const message = event as Event & { data: string; lastEventId: string };
            const progress = JSON.parse(message.data) as {
              rainbond: { components: { state: string }[] };
            };
            events.push({
              type,
              id: message.lastEventId,
              states: progress.rainbond.components.map((component) => component.state),
            });
            if (type === 'settled') {
              source.close();
              resolve(events);
            }
          };
          source.addEventListener('status', record('status'));
          source.addEventListener('settled', record('settled'));
          setTimeout(() => reject(new Error(JSON.stringify(events))), 15_000);
        });
      },
      { key: DEMO_KEY, app: id },
    );

    expect(seen.at(-1)).toMatchObject({ type: 'settled', states: ['running'] });
    expect(seen.filter((event) => event.type === 'status').length).toBeGreaterThanOrEqual(2);
    expect(seen.every((event) => event.id.length > 0)).toBe(true);
    // no access token ever went into a URL
    expect(requested.some((url) => url.includes(DEMO_KEY))).toBe(false);
    expect(requested.some((url) => url.includes('/events?ticket='))).toBe(true);
  }, 60_000);
});
