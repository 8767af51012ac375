/**
 * What a new admin tripped over (issue 11), on the kiosk's 800×480 screen with a keyboard: every
 * field typed key by key. A failed sign-in's notice that neither covers the Console's Run button
 * nor comes back after it was closed; a destination typed as `192.168.30.0/24`; the Look up button
 * usable while a notice is shown; the route list sorted by a column and keeping a route's warning;
 * Lock that says why and hides the routes; the password change asking for the current password.
 */
import { ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import type { Page } from '@playwright/test';
import { controlsUnderToasts, expectKioskFriendly } from '../fixtures/layout';
import { TEST_PASSWORD } from '../fixtures/server';
import { expect, test } from '../fixtures/test';

test.use({ viewport: { width: 800, height: 480 } });

/** The text of each data row's first cell (the destination), top to bottom. */
async function destinations(page: Page): Promise<string[]> {
  return page
    .getByTestId('routes-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows
        .map((r) => ({
          top: r.getBoundingClientRect().top,
          text: `${r.querySelector('[data-column="destination"]')?.textContent ?? ''}/${r.querySelector('[data-column="length"]')?.textContent ?? ''}`,
        }))
        .sort((a, b) => a.top - b.top)
        .map((r) => r.text),
    );
}

test("a new admin's afternoon: nothing in the way, nothing swallowed", async ({
  app,
  api,
  edgenet,
  page,
}) => {
  const { ui, shell, routes } = app;
  await api.configureScenario();
  await api.addRoute(ARTICLE_ROUTES[0]);
  await api.addRoute({
    interfaceAlias: 'Port3',
    destinationPrefix: '10.1.0.0/16',
    nextHop: '192.168.20.1',
    routeMetric: 50,
  });
  const failedNotice = shell.toast(ui.t('signIn.failedAttempts', { count: 1 }));

  await test.step('a wrong password, then the right one: the notice leaves the Run button free', async () => {
    await app.signInPage.goto();
    await app.signInPage.password.pressSequentially('Wrong#Pass9');
    await app.signInPage.password.press('Enter');
    await expect(page.getByText(ui.t('signIn.wrongPassword'))).toBeVisible();
    await app.signInPage.password.fill('');
    await app.signInPage.password.pressSequentially(edgenet.password);
    await app.signInPage.password.press('Enter');
    await expect(failedNotice).toBeVisible();
    await shell.go('console');
    await expect(failedNotice).toBeVisible();
    await expectKioskFriendly(page, 'console, with the failed sign-in notice');
    const input = page.getByRole('textbox', { name: ui.t('console.input') });
    await input.pressSequentially('Get-HcsNetRoute');
    // Clickable now, not once the notice has left (it stays 12 s).
    await page
      .getByRole('button', { name: ui.t('console.run'), exact: true })
      .click({ timeout: 2000 });
    await expect(page.getByRole('log', { name: ui.t('console.output') })).toContainText(
      '10.1.0.0/16',
    );
  });

  await test.step('the notice, once closed, stays closed after a reload', async () => {
    await shell.expectToast(ui.t('signIn.failedAttempts', { count: 1 }));
    await page.reload();
    await expect(shell.heading('console')).toBeVisible();
    await expect(failedNotice).toHaveCount(0);
  });

  await test.step('Routes: the redundant route keeps its warning; sort by metric, by keyboard too', async () => {
    await shell.go('routes');
    await expect(routes.row('192.168.20.0/24')).toContainText(
      "Destination 192.168.20.0/24 is inside Port3's own subnet 192.168.20.0/24, which is already reachable directly; the route is redundant.",
    );
    await expect(routes.row('10.1.0.0/16')).not.toContainText('redundant');
    const metric = routes.table.getByRole('columnheader', { name: ui.t('routes.metric') });
    const destination = routes.table.getByRole('columnheader', {
      name: ui.t('routes.destination'),
    });
    await expect(metric).toHaveAttribute('aria-sort', 'none');
    await metric.getByRole('button').click();
    await expect(metric).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => destinations(page)).toEqual(['10.1.0.0/16', '192.168.20.0/24']);
    await metric.getByRole('button').press('Enter');
    await expect(metric).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => destinations(page)).toEqual(['192.168.20.0/24', '10.1.0.0/16']);
    await destination.getByRole('button').press(' ');
    await expect(destination).toHaveAttribute('aria-sort', 'ascending');
    await expect(metric).toHaveAttribute('aria-sort', 'none');
    await expect.poll(() => destinations(page)).toEqual(['10.1.0.0/16', '192.168.20.0/24']);
  });

  await test.step('add 192.168.30.0/24 typed key by key; Look up works while the notice shows', async () => {
    const blade = await routes.openAdd();
    await blade.destination.pressSequentially('192.168.30.0/24');
    await expect(blade.destination).toHaveValue('192.168.30.0');
    await expect(blade.prefixLength).toHaveValue('24');
    await expect(blade.prefixLength).toBeFocused();
    await blade.nextHop.pressSequentially('192.168.20.1');
    await blade.metric.pressSequentially('20');
    await expect(blade.dialog).toContainText(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.30.0/24" -NextHop "192.168.20.1" -RouteMetric 20',
    );
    await blade.add();
    const added = shell.toast(
      ui.t('routes.added', { destination: '192.168.30.0/24', interface: 'Port3' }),
    );
    await expect(added).toBeVisible();
    expect(await controlsUnderToasts(page)).toEqual([]);
    await routes.testerAddress.pressSequentially('192.168.30.7');
    await routes.tester
      .getByRole('button', { name: ui.t('routes.lookup'), exact: true })
      .click({ timeout: 2000 });
    await expect(routes.chosenRoute).toHaveText('192.168.30.0/24 (Port3)');
    await expect
      .poll(() => destinations(page))
      .toEqual(['10.1.0.0/16', '192.168.20.0/24', '192.168.30.0/24']);
  });

  await test.step('Lock says the admin locked it, and the routes are not readable behind it', async () => {
    await page.getByRole('button', { name: ui.t('app.lock'), exact: true }).click();
    const lock = page.getByRole('dialog', { name: ui.t('lock.title') });
    await expect(lock).toContainText(ui.t('lock.leadManual'));
    await expect(lock).not.toContainText(ui.t('lock.lead'));
    await expect(routes.table).toBeHidden();
    await expect(page.getByRole('main')).toBeHidden();
    const password = lock.getByLabel(ui.t('signIn.password'), { exact: true });
    await password.pressSequentially(TEST_PASSWORD);
    await password.press('Enter');
    await expect(lock).toBeHidden();
    await expect(routes.row('192.168.30.0/24')).toBeVisible();
  });

  await test.step('after a reload, Change password with no current password says so on the field', async () => {
    await page.getByRole('link', { name: ui.t('app.changePassword') }).click();
    await page.reload();
    await expect(app.passwordPage.heading).toBeVisible();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/password')) sent.push(r.url());
    });
    await app.passwordPage.newPassword.pressSequentially('Edge-Admin2');
    await app.passwordPage.confirm.pressSequentially('Edge-Admin2');
    await app.passwordPage.submit.click();
    const current = page.getByLabel(ui.t('password.current'), { exact: true });
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toHaveAccessibleDescription('This field is required.');
    expect(sent).toEqual([]);
    await current.pressSequentially(TEST_PASSWORD);
    await expect(current).not.toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('the server has the routes, and the redundant one with its warning', async () => {
    const { routes: stored } = await api.routes();
    expect(stored.map((r) => [r.destinationPrefix, r.routeMetric])).toEqual([
      ['192.168.20.0/24', 100],
      ['10.1.0.0/16', 50],
      ['192.168.30.0/24', 20],
    ]);
    expect(stored.map((r) => (r.warnings ?? []).map((w) => w.code))).toEqual([
      ['route.destinationConnected'],
      [],
      [],
    ]);
  });
});
