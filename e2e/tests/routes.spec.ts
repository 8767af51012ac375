/**
 * Journey 3: custom routes on the compute port, the article's two examples. The first is inside
 * Port3's own subnet (saved, with a warning); the second carries 192.168.21.0/24; the tester shows
 * which route an address takes; the filter narrows the list as the admin types; removing asks first
 * and sticks across a reload.
 */
import { expect, test } from '../fixtures/test';

test.use({ serverOptions: { applyMs: 200 } });

test('add the article’s routes, test an address, remove one', async ({ app, api, page }) => {
  const { shell, routes } = app;

  await test.step('set-up (API): Port3 static on 192.168.20.0/24, compute configured', async () => {
    await api.configureScenario();
    await app.useSessionOf(api);
    await app.open('routes');
    await expect(routes.section).toContainText(app.ui.t('routes.empty'));
  });

  await test.step('192.168.20.0/24 via 192.168.20.1: warned as redundant, and saved', async () => {
    const blade = await routes.openAdd();
    await expect(blade.interfaceAlias).toHaveValue('Port3');
    await blade.fill({
      destination: '192.168.20.0',
      prefixLength: '24',
      nextHop: '192.168.20.1',
      metric: '100',
    });
    await expect(blade.destinationGroup).toHaveAccessibleDescription(
      "Destination 192.168.20.0/24 is inside Port3's own subnet 192.168.20.0/24, which is already reachable directly; the route is redundant.",
    );
    await expect(blade.dialog).toContainText(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    );
    // A warning does not block.
    await expect(blade.addButton).toBeEnabled();
    await blade.add();
    const added = app.ui.t('routes.added', { destination: '192.168.20.0/24', interface: 'Port3' });
    // Saved with its warning, which the notification repeats.
    await expect(shell.toast(added)).toContainText('the route is redundant.');
    await shell.expectToast(added);
    await expect(routes.row('192.168.20.0/24')).toContainText('192.168.20.1');
    await expect(routes.row('192.168.20.0/24')).toContainText(app.ui.t('routes.active'));

    const stored = (await api.routes('Port3')).routes;
    expect(stored).toEqual([
      expect.objectContaining({
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.20.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
      }),
    ]);
  });

  await test.step('192.168.21.0/24 via 192.168.20.1, metric 100', async () => {
    const blade = await routes.openAdd();
    await blade.fill({
      destination: '192.168.21.0/24', // typed whole: the prefix length moves to its own field
      nextHop: '192.168.20.1',
      metric: '100',
    });
    await expect(blade.destination).toHaveValue('192.168.21.0');
    await expect(blade.prefixLength).toHaveValue('24');
    await expect(blade.destinationGroup).toHaveAccessibleDescription('');
    await blade.add();
    await shell.expectToast(
      app.ui.t('routes.added', { destination: '192.168.21.0/24', interface: 'Port3' }),
    );
    await expect(routes.row('192.168.21.0/24')).toBeVisible();
    await expect(routes.row('192.168.21.0/24')).toContainText(app.ui.t('routes.active'));
    expect((await api.routes('Port3')).routes.map((r) => r.destinationPrefix).sort()).toEqual([
      '192.168.20.0/24',
      '192.168.21.0/24',
    ]);
  });

  await test.step('filter as you type, key by key: the server filters and counts', async () => {
    const asked = page.waitForRequest((r) => new URL(r.url()).searchParams.get('q') === '21.0');
    await routes.filter.pressSequentially('21.0', { delay: 30 });
    await asked;
    await expect(page.getByText(app.ui.t('routes.showing', { shown: 1, total: 2 }))).toBeVisible();
    await expect(routes.row('192.168.21.0/24')).toBeVisible();
    await expect(routes.row('192.168.20.0/24')).toHaveCount(0);
    await expect(routes.table).toHaveAttribute('aria-rowcount', '2');
    // The interface matches in any case.
    await routes.filter.fill('');
    await routes.filter.pressSequentially('pORT3');
    await expect(page.getByText(app.ui.t('routes.showing', { shown: 2, total: 2 }))).toBeVisible();
    await routes.filter.fill('');
    await expect(routes.row('192.168.20.0/24')).toBeVisible();
  });

  await test.step('the tester sends 192.168.21.7 through 192.168.21.0/24', async () => {
    await routes.lookup('192.168.21.7');
    await expect(routes.chosenRoute).toHaveText('192.168.21.0/24 (Port3)');
    await expect(routes.tester).toContainText(app.ui.t('routes.outcome.chosen'));

    const answer = await (
      await api.context.post('/api/routes/lookup', { data: { destination: '192.168.21.7' } })
    ).json();
    expect(answer.route.destinationPrefix).toBe('192.168.21.0/24');
    expect(answer.nextHop).toBe('192.168.20.1');
  });

  await test.step('remove 192.168.21.0/24: asked first, then gone', async () => {
    // Cancel keeps it.
    await app.ui.press(routes.removeButton('192.168.21.0/24'));
    await expect(routes.confirmDialog).toContainText('Remove-HcsNetRoute');
    await app.ui.press(
      routes.confirmDialog.getByRole('button', { name: app.ui.t('common.cancel'), exact: true }),
    );
    await expect(routes.row('192.168.21.0/24')).toBeVisible();

    await routes.remove('192.168.21.0/24');
    await shell.expectToast(
      app.ui.t('routes.removed', { destination: '192.168.21.0/24', interface: 'Port3' }),
    );
    await expect(routes.row('192.168.21.0/24')).toHaveCount(0);
  });

  await test.step('after a reload it is still gone, on screen and on the server', async () => {
    await page.reload();
    await expect(shell.heading('routes')).toBeVisible();
    await expect(routes.row('192.168.20.0/24')).toBeVisible();
    await expect(routes.row('192.168.21.0/24')).toHaveCount(0);
    await expect(page.getByText(app.ui.t('routes.showing', { shown: 1, total: 1 }))).toBeVisible();
    const stored = (await api.routes()).routes.map((r) => r.destinationPrefix);
    expect(stored).toEqual(['192.168.20.0/24']);
  });
});
