/**
 * The demo's run: the source article's scenario, driven through the web UI at a human pace with
 * captions, on a fresh simulated device. Headless unless a display exists (`DISPLAY`); records a
 * video and a screenshot per step into `demo-output/<time>/` at the repository's root, and prints
 * that folder at the end.
 *
 *   DEMO_PACE_MS=1200   pause between steps (typing and pointer moves scale with it); 0 = as fast as it goes
 *   DEMO_APPLY_MS=5000  how long the simulated compute apply takes, so its progress can be watched
 *   DEMO_HEADED=1 / 0   force a visible browser window, or none
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { chromiumLaunchOptions } from '../fixtures/browser';
import { startServer } from '../fixtures/server';
import { Console } from '../pages/console';
import { Ui } from '../pages/ui';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PACE = Number(process.env.DEMO_PACE_MS ?? 1200);
const APPLY_MS = Number(process.env.DEMO_APPLY_MS ?? 5000);
const HEADED = process.env.DEMO_HEADED
  ? process.env.DEMO_HEADED === '1'
  : Boolean(process.env.DISPLAY);
const VIEWPORT = { width: 1280, height: 800 };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Draws the caption in the top bar's free middle, where it hides no content, above any blade (and
 * keeps it across full page loads); it never takes a click. Plain
 * JavaScript in a string: a function would be compiled by tsx with helpers the page lacks.
 */
const CAPTIONS_SCRIPT = `
(() => {
  const bar = () => {
    let el = document.getElementById('demo-caption');
    if (!el) {
      el = document.createElement('div');
      el.id = 'demo-caption';
      el.setAttribute('aria-hidden', 'true');
      // A popover lives in the top layer, so it can sit above an open blade's backdrop.
      el.popover = 'manual';
      Object.assign(el.style, {
        position: 'fixed', inset: 'auto', top: '4px', left: '300px', margin: '0',
        width: 'max-content', maxWidth: '440px', padding: '5px 12px', border: '0',
        borderRadius: '6px', background: '#f7b500', color: '#111',
        font: '600 13px/1.35 system-ui, "Noto Sans CJK JP", sans-serif',
        boxShadow: '0 2px 8px rgba(0,0,0,0.35)', pointerEvents: 'none', overflow: 'visible',
      });
      document.body.append(el);
    }
    return el;
  };
  const raise = () => {
    const el = document.getElementById('demo-caption');
    if (!el || !el.textContent) return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
  };
  const show = (text) => {
    const el = bar();
    el.textContent = text;
    if (text) raise();
    else if (el.matches(':popover-open')) el.hidePopover();
  };
  window.__demoCaption = show;
  window.__demoCaptionRaise = raise;
  const saved = sessionStorage.getItem('demo-caption');
  if (saved) document.addEventListener('DOMContentLoaded', () => show(saved));
})();
`;

/** Presses and types like a person: the target is outlined for a moment, letters come one by one. */
class DemoUi extends Ui {
  private async point(target: Locator) {
    await target.scrollIntoViewIfNeeded();
    await target.evaluate((el) => {
      const html = el as HTMLElement;
      html.dataset.demoOutline = html.style.outline;
      html.style.outline = '3px solid #f7b500';
      html.style.outlineOffset = '2px';
    });
    await wait(PACE / 3);
    await target
      .evaluate((el) => {
        const html = el as HTMLElement;
        html.style.outline = html.dataset.demoOutline ?? '';
        html.style.outlineOffset = '';
      })
      .catch(() => undefined);
  }

  override async press(target: Locator): Promise<void> {
    await this.point(target);
    await target.click();
    await wait(PACE / 3);
    // A blade or dialog that just opened covers the caption: bring the caption back on top.
    await this.page
      .evaluate(() =>
        (window as unknown as { __demoCaptionRaise?: () => void }).__demoCaptionRaise?.(),
      )
      .catch(() => undefined);
  }

  override async type(target: Locator, text: string): Promise<void> {
    await this.point(target);
    await target.fill('');
    await target.pressSequentially(text, { delay: Math.min(90, PACE / 15) });
    await wait(PACE / 4);
  }
}

/** The scenario, step by step, on a signed-out page of a fresh device. */
async function play(page: Page, outDir: string, transcript: string[], password: string) {
  const app = new Console(page, { ui: new DemoUi(page, false) });
  const { shell, network, compute, overview, routes, kubernetes } = app;
  const started = Date.now();
  let shot = 0;

  const caption = async (text: string) => {
    transcript.push(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);
    console.log(`  · ${text}`);
    await page.evaluate((t) => {
      sessionStorage.setItem('demo-caption', t);
      (window as unknown as { __demoCaption: (t: string) => void }).__demoCaption(t);
    }, text);
    await wait(PACE);
  };
  const screenshot = async (name: string) => {
    shot += 1;
    const file = join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
  };

  await page.goto('/');
  await expect(app.signInPage.heading).toBeVisible();
  await caption(
    'edgenet: the Compute network page of an Azure Stack Edge Pro GPU, on a simulated device',
  );
  await caption('Sign in with the device password');
  await screenshot('sign-in');
  await app.signInPage.signIn(password);
  await expect(shell.heading('overview')).toBeVisible();
  await caption('Overview: nothing is configured yet — the drawing says what to do next');
  await screenshot('overview-empty');

  await shell.go('network');
  await caption('Network: Port3 gets a static address on the private network 192.168.20.0/24');
  const blade = await network.configure('Port3');
  await blade.setStatic({
    address: '192.168.20.10',
    subnetMask: '255.255.255.0',
    gateway: '192.168.20.1',
  });
  await screenshot('network-port3-blade');
  await blade.apply();
  await expect(network.row('Port3')).toContainText('192.168.20.10/24');
  await caption('Port3: static 192.168.20.10/24, gateway 192.168.20.1');
  await screenshot('network-port3-static');

  await shell.go('compute');
  await caption('Compute: enable Port3 for compute — its external virtual switch will be created');
  await compute.enable('Port3');
  await caption(
    'Kubernetes node IPs .50–.51 (one master and one worker VM), external service IPs .60–.65',
  );
  await compute.setRanges({
    nodes: ['192.168.20.50', '192.168.20.51'],
    services: ['192.168.20.60', '192.168.20.65'],
  });
  await screenshot('compute-ranges');
  await caption('Every rule is checked while typing; Apply starts the job');
  await compute.apply();
  await expect(compute.progress).toBeVisible();
  await caption('The progress panel follows each step: switch, VMs, Calico, MetalLB, CoreDNS');
  await screenshot('compute-progress');
  await compute.waitConfigured(APPLY_MS + 30_000);
  await caption('Compute is configured');
  await screenshot('compute-configured');

  await shell.go('overview');
  await expect(overview.vmLabel('worker', 'worker1')).toBeVisible();
  await caption(
    'Overview: Port3 → vswitch-Port3 → the master (192.168.20.50) and worker (192.168.20.51) VMs, each with two NICs',
  );
  await overview.topology.scrollIntoViewIfNeeded();
  await screenshot('overview-topology');

  await shell.go('kubernetes');
  await expect(kubernetes.pods('coredns')).toHaveCount(2);
  await caption('Kubernetes: Calico, MetalLB and CoreDNS pods are running');
  await kubernetes.components.scrollIntoViewIfNeeded();
  await screenshot('kubernetes');

  await shell.go('routes');
  await caption(
    'Routes: Add-HcsNetRoute without PowerShell — first the article’s 192.168.20.0/24 via 192.168.20.1',
  );
  let add = await routes.openAdd();
  await add.fill({
    destination: '192.168.20.0',
    prefixLength: '24',
    nextHop: '192.168.20.1',
    metric: '100',
  });
  await caption('Inside Port3’s own subnet: a warning, not an error — it can still be added');
  await screenshot('routes-warning');
  await add.add();
  await shell.expectToast(
    app.ui.t('routes.added', { destination: '192.168.20.0/24', interface: 'Port3' }),
  );
  await caption('Then 192.168.21.0/24, another subnet of the private network, via the same router');
  add = await routes.openAdd();
  await add.fill({
    destination: '192.168.21.0',
    prefixLength: '24',
    nextHop: '192.168.20.1',
    metric: '100',
  });
  await add.add();
  await shell.expectToast(
    app.ui.t('routes.added', { destination: '192.168.21.0/24', interface: 'Port3' }),
  );
  await expect(routes.row('192.168.21.0/24')).toBeVisible();
  await caption('Where does 192.168.21.7 go? The tester explains the choice');
  await routes.tester.scrollIntoViewIfNeeded();
  await routes.lookup('192.168.21.7');
  await expect(routes.chosenRoute).toHaveText('192.168.21.0/24 (Port3)');
  await screenshot('routes-tester');

  await caption('English and Japanese, switchable at any time');
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await shell.setLanguage('ja');
  await caption('日本語: ルート構成 — 宛先、プレフィックス長、次ホップ、メトリック');
  await screenshot('routes-ja');
  await shell.go('compute');
  await caption('コンピューティング: Kubernetes ノード IP と Kubernetes 外部サービス IP');
  await screenshot('compute-ja');
  await shell.setLanguage('en');
  await shell.go('overview');
  await caption(
    'That is the scenario: one command, a fresh simulated device, every step on screen',
  );
  await screenshot('the-end');
}

export async function runDemo({ video }: { video: boolean }): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');
  const outDir = join(REPO, 'demo-output', stamp);
  await mkdir(outDir, { recursive: true });
  const transcript: string[] = [];

  console.log(`edgenet demo: starting a simulated device (compute apply ${APPLY_MS} ms)…`);
  const server = await startServer({ applyMs: APPLY_MS });
  // Ctrl-C: stop the device's server too, not only this script.
  const interrupt = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const started = Date.now();
  try {
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: !HEADED });
    context = await browser.newContext({
      baseURL: server.url,
      viewport: VIEWPORT,
      locale: 'en-US',
      ...(video ? { recordVideo: { dir: outDir, size: VIEWPORT } } : {}),
    });
    await context.addInitScript({ content: CAPTIONS_SCRIPT });
    page = await context.newPage();
    await play(page, outDir, transcript, server.password);
  } finally {
    const recording = page?.video();
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server.stop();
    process.off('SIGINT', interrupt);
    if (recording)
      await rename(await recording.path(), join(outDir, 'demo.webm')).catch(() => undefined);
    await writeFile(join(outDir, 'captions.txt'), `${transcript.join('\n')}\n`);
  }
  console.log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.log(`${video ? 'Video, screenshots' : 'Screenshots'} and captions: ${outDir}`);
  console.log(`  (${relative(process.cwd(), outDir) || '.'})`);
}
