import { existsSync } from 'node:fs';

/** Debian's chromium package (`.ci/run` installs it); Playwright's own download is not reachable. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe` when Chromium is installed, else `describe.skip` under a title that says why. */
export function describeInChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  const title = `${name}: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  console.warn(title);
  describe.skip(title, body);
}
