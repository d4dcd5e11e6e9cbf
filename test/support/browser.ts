/** Real headless Chromium (the system's, never a downloaded one) driven by playwright-core. */
import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

const chromiumPath = (): string => {
  const configured = process.env.BATON_CHROMIUM_PATH;
  if (configured) return configured;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      'Chromium is not installed: apt-get install -y chromium (npm test does it when run as root).',
    );
  }
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
