/**
 * Journey: carry a plan to another device. Export the article's configuration as a PowerShell
 * script from the Routes page, then on a fresh device (its ports and compute set up the same way,
 * no routes) paste it into Import with one extra line that is wrong; the preview names the line
 * and why; fix it key by key; preview again; Apply. The new device holds the same routes, stored
 * as one revision; at 800×480 the blade fits and its controls are touch-sized.
 */
import { readFile } from 'node:fs/promises';
import { ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import { expect, type Locator } from '@playwright/test';
import { signedInApi } from '../fixtures/api';
import { expectKioskFriendly } from '../fixtures/layout';
import { startServer } from '../fixtures/server';
import { test } from '../fixtures/test';

test.use({ serverOptions: { applyMs: 0 } });

const BAD_LINE =
  'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "10.128.0.0/16" -NextHop "192.168.20.1" -RouteMetric 70000';

test('export the article’s routes, import them into a fresh device, fixing one line', async ({
  app,
  api,
  page,
}) => {
  const { ui, shell } = app;
  const t = ui.t.bind(ui);
  let script = '';

  await test.step('set-up (API): the article’s device with its two routes', async () => {
    await api.configureScenario();
    for (const route of ARTICLE_ROUTES) await api.addRoute(route);
    await app.useSessionOf(api);
    await app.open('routes');
  });

  await test.step('Export → PowerShell script downloads the plan', async () => {
    await ui.press(page.getByText(t('exchange.export'), { exact: true }));
    const link = page.getByRole('link', {
      name: new RegExp(t('exchange.format.ps1').replace(/[().]/g, '\\$&')),
    });
    const [download] = await Promise.all([page.waitForEvent('download'), ui.press(link)]);
    expect(download.suggestedFilename()).toMatch(/\.ps1$/);
    script = await readFile((await download.path()) as string, 'utf8');
    expect(script.match(/^Add-HcsNetRoute /gm)).toHaveLength(2);
  });

  const fresh = await startServer({ applyMs: 0 });
  try {
    const freshApi = await signedInApi(fresh.url, fresh.password);
    try {
      await test.step('a fresh device: same ports and compute, no routes', async () => {
        await freshApi.configureScenario();
        await page.context().clearCookies();
        await app.useSessionOf(freshApi);
        await page.goto(`${fresh.url}/routes`);
        await expect(shell.heading('routes')).toBeVisible();
      });

      const blade = page.getByRole('dialog', { name: t('exchange.importTitle') });
      const text = blade.getByRole('textbox', { name: t('exchange.text') });
      const preview = blade.getByRole('button', { name: t('exchange.preview'), exact: true });
      const apply = blade.getByRole('button', { name: t('common.apply'), exact: true });
      const previewTable: Locator = blade.getByRole('table', { name: t('exchange.previewTable') });
      const badLineNumber = script.trimEnd().split('\n').length + 1;

      await test.step('paste the script plus one wrong line; the preview names the line', async () => {
        await ui.press(page.getByRole('button', { name: t('exchange.import'), exact: true }));
        await expect(blade).toBeVisible();
        await text.fill(`${script.trimEnd()}\n${BAD_LINE}\n`);
        await ui.press(preview);
        await expect(blade.getByTestId('import-summary')).toContainText('3 to add');
        await expect(previewTable).toContainText(
          `Line ${badLineNumber}: Route metric "70000" must be a whole number from 0 to 65535.`,
        );
        await expect(apply).toBeDisabled();
      });

      await test.step('fix the metric key by key and preview again', async () => {
        await text.focus();
        await page.keyboard.press('Control+End');
        // The text ends "70000\n": back over the newline and the five digits.
        for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
        await text.pressSequentially('250');
        await expect(blade).toContainText(t('exchange.previewStale'));
        await ui.press(preview);
        await expect(blade.getByTestId('import-summary')).toContainText('0 error(s)');
        await expect(apply).toBeEnabled();
      });

      await test.step('800×480: the blade fits, its controls are touch-sized', async () => {
        await page.setViewportSize({ width: 800, height: 480 });
        await expectKioskFriendly(page, 'import blade');
        await page.screenshot({ path: test.info().outputPath('import-800.png') });
        await page.setViewportSize({ width: 1366, height: 768 });
      });

      await test.step('Apply: one revision, the same routes as the source plus the fixed one', async () => {
        const before = await freshApi.revision();
        await ui.press(apply);
        await shell.expectToast(
          t('exchange.imported', { add: 3, change: 0, remove: 0, revision: before + 1 }),
        );
        await expect(blade).toBeHidden();
        expect(await freshApi.revision()).toBe(before + 1);
        const stored = (await freshApi.routes()).routes.map(
          ({ interfaceAlias, destinationPrefix, nextHop, routeMetric }) => ({
            interfaceAlias,
            destinationPrefix,
            nextHop,
            routeMetric,
          }),
        );
        expect(stored).toEqual([
          ...ARTICLE_ROUTES,
          {
            interfaceAlias: 'Port3',
            destinationPrefix: '10.128.0.0/16',
            nextHop: '192.168.20.1',
            routeMetric: 250,
          },
        ]);
        await expect(app.routes.row('10.128.0.0/16')).toBeVisible();
      });

      await test.step('800×480: the Routes page with a route ticked stays kiosk-friendly', async () => {
        await page.setViewportSize({ width: 800, height: 480 });
        await ui.press(
          page.getByRole('checkbox', {
            name: t('exchange.selectRoute', { destination: '10.128.0.0/16', interface: 'Port3' }),
          }),
        );
        await expect(
          page.getByRole('button', { name: t('exchange.removeSelected', { count: 1 }) }),
        ).toBeVisible();
        await expectKioskFriendly(page, 'routes with a route selected');
      });
    } finally {
      await freshApi.dispose();
    }
  } finally {
    await fresh.stop();
  }
});
