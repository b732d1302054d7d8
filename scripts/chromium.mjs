// Debian's Chromium, shared by the end-to-end tests and the benchmark: never a browser downloaded by a tool.
import { existsSync } from 'node:fs';

/** Flags for a quiet, offline, sandbox-free Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `$CHROMIUM_PATH` or Debian's /usr/bin/chromium; throws with what to do when neither exists. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => !!candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'Chromium was not found at $CHROMIUM_PATH or /usr/bin/chromium. ' +
        'Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}
