/**
 * Issue 5's Console page: the device's cmdlet lines typed in the browser, executed by the server
 * through the same engine as the command line, and their effect on the Routes page.
 */

import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from '../fixtures/a11y';
import type { EdgenetApi } from '../fixtures/api';
import { expectKioskFriendly } from '../fixtures/layout';
import { expect, test } from '../fixtures/test';
import type { Console } from '../pages/console';
import { PowerShellPage } from '../pages/powershell';

/** The article's set-up through the API, then the Console page at `path`, signed in. */
async function openConsoleOnScenario(
  { page, api, app }: { page: Page; api: EdgenetApi; app: Console },
  path: string,
): Promise<PowerShellPage> {
  await api.configureScenario();
  await app.useSessionOf(api);
  await page.goto(path);
  return new PowerShellPage(app.ui);
}

test('Add-HcsNetRoute in the Console shows up on the Routes page and in the API', async ({
  page,
  api,
  app,
}) => {
  const ps = await openConsoleOnScenario({ page, api, app }, '/console');
  await expect(ps.input).toBeVisible();
  // The prompt is the device's: its management address.
  await expect(page.getByText('[192.168.100.10]: PS>').first()).toBeVisible();

  await ps.run(
    'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
  );
  await expect(ps.lastAnswer()).toContainText('192.168.21.0/24');
  expect((await api.routes('Port3')).routes).toEqual([
    expect.objectContaining({ destinationPrefix: '192.168.21.0/24', routeMetric: 100 }),
  ]);

  await ps.run('Get-HcsNetRoute -InterfaceAlias Port3');
  await expect(ps.lastAnswer()).toContainText('192.168.21.0/24');

  // A mistake is a PowerShell error record, and nothing changes.
  await ps.run(
    'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.22.5/24 -NextHop 192.168.20.1',
  );
  await expect(ps.lastAnswer()).toContainText('Did you mean 192.168.22.0/24?');
  expect((await api.routes('Port3')).routes).toHaveLength(1);

  // History: the arrow key brings the last line back.
  await ps.input.press('ArrowUp');
  await expect(ps.input).toHaveValue(/192\.168\.22\.5\/24/);

  // The Routes page shows the route added from the Console.
  await app.shell.go('routes');
  await expect(page.getByTestId('routes-table')).toContainText('192.168.21.0');
});

test.describe('the Console on the kiosk screen', () => {
  test.use({
    viewport: { width: 800, height: 480 },
    hasTouch: true,
    serverOptions: { kiosk: true },
  });

  test('works by touch at 800×480, in Japanese too, with no serious accessibility issue', async ({
    page,
    api,
    app,
  }) => {
    const ps = await openConsoleOnScenario({ page, api, app }, '/console?kiosk=1');
    await ps.run('kubectl get pods -n metallb-system');
    await expect(ps.lastAnswer()).toContainText('speaker');
    await expectKioskFriendly(page, 'console');
    await expectNoSeriousViolations(page, 'console');

    await app.shell.setLanguage('ja');
    await ps.run('Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.99.0/24"');
    // The error record is in Japanese, as the device's own messages would be.
    await expect(ps.lastAnswer()).toContainText('Remove-HcsNetRoute :');
    await expectKioskFriendly(page, 'console (ja)');
  });
});
