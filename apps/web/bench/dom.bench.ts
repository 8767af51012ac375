/**
 * DOM nodes on the Routes page with 10,000 custom routes beside the same page with 100, in
 * Debian's Chromium against the real server and the built app (`npm run build` first). The route
 * table is virtualised, so the count must barely grow. Budget: ≤ 1.2×.
 *   npm run bench -w @edgenet/web
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioDevice, seedDevice, startServer } from '@edgenet/server/testing';
import { chromium } from '@playwright/test';

const PASSWORD = 'Bench#Pass1';
const BUDGET = 1.2;

async function measure(
  routeCount: number,
): Promise<{ routes: number; domNodes: number; loadMs: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgenet-bench-dom-'));
  await seedDevice(dataDir, scenarioDevice(routeCount), PASSWORD);
  const server = await startServer({ dataDir, initialPassword: PASSWORD });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post(`${server.url}/api/session`, {
      data: { password: PASSWORD },
      headers: { Origin: server.url },
    });
    if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}`);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/routes`);
    // The last of the first screen of rows: the table has loaded and rendered.
    await page
      .getByTestId('routes-table')
      .getByText('10.0.0.0', { exact: false })
      .first()
      .waitFor();
    const loadMs = Date.now() - started;
    await page.waitForTimeout(300);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { routes: routeCount, domNodes, loadMs };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const small = await measure(100);
const large = await measure(10_000);
const ratio = Math.round((large.domNodes / small.domNodes) * 100) / 100;
console.table([small, large]);
console.log(
  `DOM nodes at 10,000 routes: ${ratio}× those at 100; budget ${BUDGET}×: ${ratio <= BUDGET ? 'met' : 'NOT met'}`,
);
console.log(
  JSON.stringify({ bench: 'dom', small, large, ratio, budget: BUDGET, met: ratio <= BUDGET }),
);
