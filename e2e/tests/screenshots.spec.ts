/**
 * Screenshots of every page, in English and Japanese, at the desk (1280×800) and on the kiosk
 * (800×480), attached to the HTML report (`npx playwright show-report`). The device is set up
 * first (compute configured, two routes) so no page is empty.
 */
import type { TestInfo } from '@playwright/test';
import { signedInApi } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import type { Console } from '../pages/console';
import { SECTIONS, type Section } from '../pages/shell';

const NEW_PASSWORD = 'Edge-Admin1';

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, kiosk: false },
  { name: 'kiosk', viewport: { width: 800, height: 480 }, kiosk: true },
] as const;

/**
 * Attaches what the screen shows. At the desk, the whole page: the window is made as tall as the
 * page for the shot, so sticky parts (the Apply bar, the navigation) sit where a reader expects.
 * On the kiosk, screen by screen as the device shows it (its short-screen layout depends on the
 * 480 px height), scrolling down a screen at a time.
 */
async function shoot(app: Console, testInfo: TestInfo, name: string, kiosk: boolean) {
  const { page } = app;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const label = `${name} (${app.ui.locale})`;
  // The console scrolls inside #main (the notifications keep a strip of the window for themselves),
  // so the page's full height is the document's plus what #main hides.
  const height = await page.evaluate(() => {
    const main = document.getElementById('main');
    const hidden = main ? main.scrollHeight - main.clientHeight : 0;
    return document.documentElement.scrollHeight + hidden;
  });
  const scrollTo = (y: number) =>
    page.evaluate((top) => {
      window.scrollTo(0, top);
      document.getElementById('main')?.scrollTo(0, top);
    }, y);
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(0))));
  if (!kiosk || height <= viewport.height) {
    if (height > viewport.height) await page.setViewportSize({ ...viewport, height });
    await settle();
    const body = await page.screenshot({ animations: 'disabled' });
    if (height > viewport.height) await page.setViewportSize(viewport);
    await testInfo.attach(label, { body, contentType: 'image/png' });
    return;
  }
  const screens = Math.min(4, Math.ceil(height / viewport.height));
  for (let i = 0; i < screens; i++) {
    await scrollTo(i * viewport.height);
    await settle();
    const body = await page.screenshot({ animations: 'disabled' });
    await testInfo.attach(`${label}, screen ${i + 1} of ${screens}`, {
      body,
      contentType: 'image/png',
    });
  }
  await scrollTo(0);
}

/** What shows that a page has its content, not its loading state. */
async function ready(app: Console, section: Section): Promise<void> {
  switch (section) {
    case 'overview':
      await expect(app.overview.vmLabel('worker', 'worker1')).toBeVisible();
      break;
    case 'network':
      await expect(app.network.row('Port3')).toContainText('192.168.20.10');
      break;
    case 'compute':
      await expect(app.compute.state).toHaveText(app.ui.t('computeState.Configured'));
      break;
    case 'routes':
      await expect(app.routes.row('192.168.21.0/24')).toBeVisible();
      await expect(app.page.getByRole('table', { name: /master/ })).toBeVisible();
      break;
    case 'kubernetes':
      await expect(app.kubernetes.pods('coredns')).toHaveCount(2);
      break;
    case 'console':
      await expect(
        app.page.getByRole('textbox', { name: app.ui.t('console.input') }),
      ).toBeVisible();
      break;
  }
}

for (const { name, viewport, kiosk } of VIEWPORTS) {
  test.describe(`${name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, serverOptions: { initialPassword: null, applyMs: 200, kiosk } });

    test(`every page in English and Japanese (${name})`, async ({ app, edgenet }, testInfo) => {
      const { shell } = app;

      await test.step('sign-in and the forced password change', async () => {
        await app.signInPage.goto();
        await shoot(app, testInfo, `${name} — sign-in`, kiosk);
        await shell.setLanguage('ja');
        await shoot(app, testInfo, `${name} — sign-in`, kiosk);
        await app.signInPage.signIn('Password1');
        await expect(app.passwordPage.heading).toBeVisible();
        await app.ui.type(app.passwordPage.newPassword, 'edge');
        await shoot(app, testInfo, `${name} — password change`, kiosk);
        await shell.setLanguage('en');
        await shoot(app, testInfo, `${name} — password change`, kiosk);
        await app.passwordPage.change(NEW_PASSWORD);
        await expect(shell.heading('overview')).toBeVisible();
      });

      await test.step('set-up through the API: compute configured, two routes', async () => {
        const api = await signedInApi(edgenet.url, NEW_PASSWORD);
        await api.configureScenario();
        for (const destinationPrefix of ['192.168.21.0/24', '10.50.0.0/16']) {
          await api.addRoute({
            interfaceAlias: 'Port3',
            destinationPrefix,
            nextHop: '192.168.20.1',
            routeMetric: 100,
          });
        }
        await api.dispose();
        // The page was open during the set-up: load it afresh.
        await app.page.reload();
        await expect(shell.heading('overview')).toBeVisible();
      });

      for (const locale of ['en', 'ja'] as const) {
        await test.step(`every page (${locale})`, async () => {
          await shell.setLanguage(locale);
          for (const section of SECTIONS) {
            await shell.go(section);
            await ready(app, section);
            await shoot(app, testInfo, `${name} — ${section}`, kiosk);
            if (section === 'network') {
              const blade = await app.network.configure('Port3');
              await expect(blade.field('network.address')).toHaveValue('192.168.20.10');
              await shoot(app, testInfo, `${name} — network, Port3 blade`, kiosk);
              await app.ui.press(blade.closeButton);
            }
            if (section === 'routes') {
              const add = await app.routes.openAdd();
              await add.fill({
                destination: '192.168.22.5/24',
                nextHop: '192.168.20.1',
                metric: '50',
              });
              await expect(add.destinationGroup).toHaveAccessibleDescription(/192\.168\.22\.0\/24/);
              await shoot(app, testInfo, `${name} — routes, add blade with an issue`, kiosk);
              await app.ui.press(add.closeButton);
            }
          }
        });
      }
      // Sign-in and password change in two languages, then eight views in each.
      const shots = new Set(testInfo.attachments.map((a) => a.name.replace(/, screen .*/, '')));
      expect(shots.size).toBe(4 + 2 * 8);
    });
  });
}
