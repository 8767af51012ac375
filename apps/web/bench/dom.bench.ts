/**
 * The Routes page at 100, 10,000 and 100,000 custom routes, in Debian's Chromium against the real
 * (compiled) server and the built app (`npm run build` first):
 * - DOM nodes: the route table is virtualised, so the count must barely grow (≤ 1.2× at 10,000);
 * - first rows: from navigation to the first screen of rows (≤ 1.5× the 100-route case at 100,000);
 * - filter: from typing a filter to the table showing only what matches (≤ 100 ms at 100,000);
 * - `GET /api/routes` as the page's own request sees it, at 100,000 routes (≤ 150 ms): the page asks
 *   for a page of rows (ADR 0042); "cold" is the first request after the server started (one
 *   sample per case), "warm" the median of the later loads; both wait behind the configuration
 *   and the effective table the page loads at the same time, so the same page GET is also timed
 *   alone;
 * - for reference, the server's cold work on a new order (`sort=destination&dir=desc`, the whole
 *   list indexed once) and the whole list without paging (CLI, export) cold and warm.
 * Each figure is the median of BENCH_REPEAT (default 3) loads; the machine may be shared, so the
 * medians and the ratios measured in the same run are what to read.
 *   npm run bench -w @edgenet/web
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioDevice, seedDevice, startServer } from '@edgenet/server/testing';
import { chromium, type Page } from '@playwright/test';

const PASSWORD = 'Bench#Pass1';
const DOM_BUDGET = 1.2;
const FIRST_ROWS_BUDGET = 1.5;
const FILTER_BUDGET_MS = 100;
const ROUTES_GET_BUDGET_MS = 150;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

process.env.EDGENET_TEST_SERVER ??= 'compiled';

interface Measured {
  routes: number;
  domNodes: number;
  firstRowsMs: number;
  filterMs: number;
  routesGetMs: number;
}

interface Case extends Measured {
  routesGetColdMs: number;
  sortedColdMs: number;
  pageAloneMs: number;
  wholeColdMs: number;
  wholeWarmMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Types a filter that matches one route and waits until the table shows only it. */
async function filterSettles(page: Page): Promise<number> {
  const filter = page.getByLabel('Filter', { exact: true });
  // 10.0.7.0/24 exists in every case (the first routes are 10.0.0.0/24, 10.0.1.0/24, …).
  return page
    .evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[id$="-filter"]');
      const table = document.querySelector('[data-testid="routes-table"]');
      if (!input || !table) throw new Error('no filter or table');
      const started = performance.now();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, '10.0.7.0/');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        const rows = table.querySelectorAll('[role="row"]');
        const text = table.textContent ?? '';
        // The header row and the one matching route.
        if (rows.length <= 3 && text.includes('10.0.7.0') && !text.includes('10.0.8.0')) break;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - started;
    })
    .finally(() => filter.fill(''));
}

async function measure(routeCount: number): Promise<Case> {
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
    const runs: Measured[] = [];
    // The first load is the cold one; at least two more give a warm median.
    for (let i = 0; i < Math.max(REPEAT, 3); i++) {
      const page = await context.newPage();
      const started = Date.now();
      const routesAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/routes');
      await page.goto(`${server.url}/routes`);
      await page
        .getByTestId('routes-table')
        .getByText('10.0.0.0', { exact: false })
        .first()
        .waitFor();
      const firstRowsMs = Date.now() - started;
      const timing = (await routesAnswer).request().timing();
      const routesGetMs = Math.round(timing.responseEnd - timing.requestStart);
      // The page also loads the whole configuration and the master VM's effective table (each
      // ~10–16 MB at 100,000 routes); the filter is timed once they are in, as a user types.
      await page.waitForLoadState('networkidle');
      const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      const filterMs = Math.round(await filterSettles(page));
      runs.push({ routes: routeCount, domNodes, firstRowsMs, filterMs, routesGetMs });
      await page.close();
    }
    const timed = async (path: string) => {
      const started = performance.now();
      const res = await context.request.get(`${server.url}${path}`);
      await res.body();
      if (!res.ok()) throw new Error(`${path} answered ${res.status()}`);
      return Math.round(performance.now() - started);
    };
    const sortedColdMs = await timed('/api/routes?sort=destination&dir=desc&offset=0&limit=100');
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push(await timed('/api/routes?offset=0&limit=100'));
    const wholeColdMs = await timed('/api/routes');
    const wholeWarm: number[] = [];
    for (let i = 0; i < 3; i++) wholeWarm.push(await timed('/api/routes'));
    const warm = runs.slice(1);
    return {
      routes: routeCount,
      domNodes: median(runs.map((r) => r.domNodes)),
      firstRowsMs: median(runs.map((r) => r.firstRowsMs)),
      filterMs: median(runs.map((r) => r.filterMs)),
      routesGetColdMs: (runs[0] as Measured).routesGetMs,
      routesGetMs: median(warm.map((r) => r.routesGetMs)),
      sortedColdMs,
      pageAloneMs: median(alone),
      wholeColdMs,
      wholeWarmMs: median(wholeWarm),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const small = await measure(100);
const medium = await measure(10_000);
const large = await measure(100_000);
const round2 = (x: number) => Math.round(x * 100) / 100;
const domRatio = round2(medium.domNodes / small.domNodes);
const firstRowsRatio = round2(large.firstRowsMs / small.firstRowsMs);
console.table([small, medium, large]);
const targets = {
  domNodesAt10kOver100: { budget: DOM_BUDGET, measured: domRatio, met: domRatio <= DOM_BUDGET },
  firstRowsAt100kOver100: {
    budget: FIRST_ROWS_BUDGET,
    measured: firstRowsRatio,
    met: firstRowsRatio <= FIRST_ROWS_BUDGET,
  },
  filterMsAt100k: {
    budget: FILTER_BUDGET_MS,
    measured: large.filterMs,
    met: large.filterMs <= FILTER_BUDGET_MS,
  },
  routesGetColdMsAt100k: {
    budget: ROUTES_GET_BUDGET_MS,
    measured: large.routesGetColdMs,
    met: large.routesGetColdMs <= ROUTES_GET_BUDGET_MS,
  },
  routesGetWarmMsAt100k: {
    budget: ROUTES_GET_BUDGET_MS,
    measured: large.routesGetMs,
    met: large.routesGetMs <= ROUTES_GET_BUDGET_MS,
  },
};
// The same figures as ratios of the 100-route case, measured in this run.
const ratio = (a: number, b: number) => round2(a / Math.max(b, 1));
console.table({
  'first rows': { at100: small.firstRowsMs, at100k: large.firstRowsMs, ratio: firstRowsRatio },
  'filter settles': {
    at100: small.filterMs,
    at100k: large.filterMs,
    ratio: ratio(large.filterMs, small.filterMs),
  },
  'page GET cold': {
    at100: small.routesGetColdMs,
    at100k: large.routesGetColdMs,
    ratio: ratio(large.routesGetColdMs, small.routesGetColdMs),
  },
  'page GET warm': {
    at100: small.routesGetMs,
    at100k: large.routesGetMs,
    ratio: ratio(large.routesGetMs, small.routesGetMs),
  },
  'page GET alone, warm': {
    at100: small.pageAloneMs,
    at100k: large.pageAloneMs,
    ratio: ratio(large.pageAloneMs, small.pageAloneMs),
  },
  'new order, cold': {
    at100: small.sortedColdMs,
    at100k: large.sortedColdMs,
    ratio: ratio(large.sortedColdMs, small.sortedColdMs),
  },
  'whole list cold': {
    at100: small.wholeColdMs,
    at100k: large.wholeColdMs,
    ratio: ratio(large.wholeColdMs, small.wholeColdMs),
  },
  'whole list warm': {
    at100: small.wholeWarmMs,
    at100k: large.wholeWarmMs,
    ratio: ratio(large.wholeWarmMs, small.wholeWarmMs),
  },
});
console.table(targets);
console.log(JSON.stringify({ bench: 'dom', small, medium, large, targets }));
