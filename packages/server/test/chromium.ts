// Headless Chromium as the browser tests (packages/web/e2e) and the browser benchmarks launch it, so that the timings
// the benchmarks report are taken in the same browser the specs prove the journeys in.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium, as verified on these machines (STACK.md); never a browser download. Playwright's launch() gives
// the browser a fresh profile of its own (a mkdtemp --user-data-dir, removed on close) and refuses one passed in args.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Rejects (never throws) when Chromium is not installed, so a caller's cleanup of what it started still runs. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
