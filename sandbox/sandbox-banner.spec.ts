import { sandboxBanner } from './sandbox-banner';

describe('sandboxBanner', () => {
  const banner = sandboxBanner('http://127.0.0.1:3000', 'sandbox-demo-key');

  it('names the gateway URL, the Swagger UI URL and the demo key', () => {
    expect(banner).toContain('http://127.0.0.1:3000/v1');
    expect(banner).toContain('http://127.0.0.1:3000/docs');
    expect(banner).toMatch(/Demo API key\S*\s+sandbox-demo-key/);
  });

  it('gives one curl to paste that uses the demo key', () => {
    expect(banner).toContain(
      "curl -s http://127.0.0.1:3000/v1/teams -H 'Authorization: Bearer sandbox-demo-key'",
    );
  });
});
