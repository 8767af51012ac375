/**
 * Journey: the change lifecycle (SPEC §7). A management-port change is acknowledged, applied
 * tentatively, left to expire, and rolled back by the server — the old address is back and the
 * History page shows the rollback. Then, by touch at 800×480 in Japanese: an old revision restored
 * from the History page, and the Routes page follows.
 */
import { expectNoSeriousViolations } from '../fixtures/a11y';
import { PORT3_STATIC } from '../fixtures/api';
import { expectKioskFriendly } from '../fixtures/layout';
import { expect, test } from '../fixtures/test';

test.describe('a tentative change that is not confirmed', () => {
  test.use({ serverOptions: { confirmSeconds: 3 } });

  test('Port1 changed → banner → expiry → the old settings are back, History shows the rollback', async ({
    app,
    api,
    page,
  }) => {
    const { shell, network } = app;
    const t = (key: Parameters<typeof app.ui.t>[0], params?: Record<string, string | number>) =>
      app.ui.t(key, params);
    await app.useSessionOf(api);
    await app.open('network');

    await test.step('Port1 to a new address: the warning is acknowledged in a dialog', async () => {
      const blade = await network.configure('Port1');
      const address = blade.field('network.address');
      await address.fill('');
      await address.pressSequentially('192.168.100.11');
      await blade.applyButton.click();
      const warning = page.getByRole('alertdialog', { name: t('pending.ackTitle') });
      await expect(warning).toContainText('management port');
      await warning.getByRole('button', { name: t('pending.ackConfirm') }).click();
      await expect(blade.dialog).toBeHidden();
      await expect(network.row('Port1')).toContainText('192.168.100.11');
    });

    await test.step('the banner counts down, then the server rolls the change back', async () => {
      const banner = page.getByTestId('pending-banner');
      await expect(banner).toBeVisible();
      await expect(banner.getByRole('button', { name: t('pending.keep') })).toBeVisible();
      await expect(banner.getByRole('button', { name: t('pending.revert') })).toBeVisible();
      await expect(banner).toBeHidden({ timeout: 15_000 });
      await expect(network.row('Port1')).toContainText('192.168.100.10');
      expect((await api.ports()).ports[0]?.address).toBe('192.168.100.10');
    });

    await test.step('History: the rollback is the newest revision', async () => {
      await shell.nav.getByRole('link', { name: t('nav.history'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('history.title') })).toBeVisible();
      const newest = page
        .getByRole('table', { name: t('history.listTitle') })
        .getByRole('row')
        .nth(1);
      await expect(newest).toContainText(t('history.sourceName.rollback'));
      await expect(newest).toContainText('Not confirmed within 3 s');
    });
  });
});

test.describe('restore by touch', () => {
  test.use({
    viewport: { width: 800, height: 480 },
    hasTouch: true,
    isMobile: true,
    serverOptions: { kiosk: true },
  });

  test('restore an old revision from History in Japanese at 800×480; Routes follows', async ({
    app,
    api,
    page,
  }) => {
    const { shell } = app;
    await api.putPort('Port3', PORT3_STATIC);
    const route = (destinationPrefix: string) => ({
      interfaceAlias: 'Port3',
      destinationPrefix,
      nextHop: '192.168.20.1',
      routeMetric: 10,
    });
    await api.addRoute(route('10.1.0.0/16'));
    const keep = (await api.ports()).revision; // revision 3: one route
    await api.addRoute(route('10.2.0.0/16'));
    await app.useSessionOf(api);
    await app.open('routes');
    await shell.setLanguage('ja');
    const t = app.ui.t.bind(app.ui);

    await test.step('History (by touch): the list and the restore dialog with its diff', async () => {
      await app.ui.press(shell.nav.getByRole('link', { name: t('nav.history'), exact: true }));
      await expect(page.getByRole('heading', { level: 1, name: t('history.title') })).toBeVisible();
      await expect(page.getByRole('table', { name: t('history.listTitle') })).toContainText(
        'ルートを追加: Port3 10.2.0.0/16',
      );
      await expectKioskFriendly(page, 'history, ja');
      await expectNoSeriousViolations(page, 'history, ja');
      await app.ui.press(
        page.getByRole('button', { name: t('history.restoreLabel', { number: keep }) }),
      );
      const dialog = page.getByRole('alertdialog', {
        name: t('history.restoreTitle', { number: keep }),
      });
      await expect(dialog).toContainText(t('history.kind.removed'));
      await expect(dialog).toContainText('routes: Port3 10.2.0.0/16');
      await expectKioskFriendly(page, 'history, restore dialog, ja');
      await expectNoSeriousViolations(page, 'history, restore dialog, ja');
      await app.ui.press(dialog.getByRole('button', { name: t('history.restore'), exact: true }));
      await expect(dialog).toBeHidden();
      await shell.expectToast(t('history.restored', { number: keep }));
    });

    await test.step('Routes follows: only the first route is left', async () => {
      await app.ui.press(shell.navLink('routes'));
      await expect(shell.heading('routes')).toBeVisible();
      // The table shows the destination and its prefix length in two columns.
      await expect(page.getByRole('cell', { name: '10.1.0.0', exact: true })).toHaveCount(1);
      await expect(page.getByRole('cell', { name: '10.2.0.0', exact: true })).toHaveCount(0);
      expect((await api.routes()).routes.map((r) => r.destinationPrefix)).toEqual(['10.1.0.0/16']);
    });
  });
});
