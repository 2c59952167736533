// Finds the Chromium the browser tests drive: GATEPASS_CHROMIUM, else Debian's.
import fs from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  if (process.env.GATEPASS_CHROMIUM) return fs.existsSync(process.env.GATEPASS_CHROMIUM) ? process.env.GATEPASS_CHROMIUM : undefined;
  return CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

/** Flags for a sandboxed CI machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
