/**
 * Journey 5: the device's own 800×480 touch screen in kiosk mode. The scenario's key steps are
 * done with a finger (taps only), and every page and blade on the way is checked: nothing scrolls
 * sideways, every control is at least 44 px, address fields bring up a numeric keyboard.
 */
import { expectKioskFriendly } from '../fixtures/layout';
import { expect, test } from '../fixtures/test';

test.use({
  viewport: { width: 800, height: 480 },
  hasTouch: true,
  isMobile: true,
  serverOptions: { kiosk: true, applyMs: 200 },
});

test('the scenario by touch at 800×480: no sideways scrolling, targets of 44 px', async ({
  app,
  api,
  edgenet,
  page,
}) => {
  const { shell, network, compute, overview, routes, kubernetes } = app;

  await test.step('sign in', async () => {
    await app.signInPage.goto();
    await expectKioskFriendly(page, 'sign-in');
    await app.signInPage.signIn(edgenet.password);
    await expect(shell.heading('overview')).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/\bkiosk\b/);
    // What a shared screen must not offer: the API documentation link.
    await expect(shell.nav.getByRole('link', { name: app.ui.t('nav.apiDocs') })).toHaveCount(0);
    await expectKioskFriendly(page, 'overview, nothing configured');
  });

  await test.step('Network: Port3 static in the blade, by touch', async () => {
    await shell.go('network');
    await expectKioskFriendly(page, 'network');
    const blade = await network.configure('Port3');
    await app.ui.press(blade.staticMode);
    for (const key of ['network.address', 'network.subnetMask', 'network.gateway'] as const) {
      await expect(blade.field(key)).toHaveAttribute('inputmode', 'decimal');
    }
    await expectKioskFriendly(page, 'network, Port3 blade');
    await blade.setStatic({
      address: '192.168.20.10',
      subnetMask: '255.255.255.0',
      gateway: '192.168.20.1',
    });
    await blade.apply();
    await shell.expectToast(app.ui.t('network.applied', { port: 'Port3' }));
    await expect(network.row('Port3')).toContainText('192.168.20.10/24');
    await expectKioskFriendly(page, 'network, Port3 applied, its notice shown');
  });

  await test.step('Compute: enable Port3, the ranges, Apply — by touch', async () => {
    await shell.go('compute');
    await expectKioskFriendly(page, 'compute');
    await compute.enable('Port3');
    await compute.setRanges({
      nodes: ['192.168.20.50', '192.168.20.51'],
      services: ['192.168.20.60', '192.168.20.65'],
    });
    await expect(compute.field('compute.nodeIpStart')).toHaveAttribute('inputmode', 'decimal');
    await expectKioskFriendly(page, 'compute, filled in');
    await compute.apply();
    await compute.waitConfigured();
    await expectKioskFriendly(page, 'compute, configured');
  });

  await test.step('Overview: the drawing fits and shows the VMs', async () => {
    await shell.go('overview');
    await expect(overview.vmLabel('master', 'master')).toBeVisible();
    await expect(overview.vmLabel('worker', 'worker1')).toBeVisible();
    const box = await overview.topology.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(800);
    await expectKioskFriendly(page, 'overview, configured');
  });

  await test.step('Routes: add 192.168.21.0/24 by touch', async () => {
    await shell.go('routes');
    await expectKioskFriendly(page, 'routes');
    const blade = await routes.openAdd();
    await blade.fill({
      destination: '192.168.21.0',
      prefixLength: '24',
      nextHop: '192.168.20.1',
      metric: '100',
    });
    await expectKioskFriendly(page, 'routes, add blade');
    await blade.add();
    await shell.expectToast(
      app.ui.t('routes.added', { destination: '192.168.21.0/24', interface: 'Port3' }),
    );
    await expect(routes.row('192.168.21.0/24')).toBeVisible();
    await expectKioskFriendly(page, 'routes, route added, its notice shown');
    await routes.lookup('192.168.21.7');
    await expect(routes.chosenRoute).toHaveText('192.168.21.0/24 (Port3)');
    await expectKioskFriendly(page, 'routes, with a route and a lookup');
  });

  await test.step('Kubernetes: the pods, in Japanese too', async () => {
    await shell.go('kubernetes');
    await expect(kubernetes.pods('coredns')).toHaveCount(2);
    await expectKioskFriendly(page, 'kubernetes');
    await shell.setLanguage('ja');
    await expect(shell.heading('kubernetes')).toBeVisible();
    await expectKioskFriendly(page, 'kubernetes (ja)');
    await shell.go('compute');
    await expectKioskFriendly(page, 'compute (ja)');
    await shell.go('routes');
    await expectKioskFriendly(page, 'routes (ja)');
  });

  await test.step('the server has it all', async () => {
    expect(await api.compute()).toMatchObject({ computePort: 'Port3', state: 'Configured' });
    expect((await api.routes()).routes.map((r) => r.destinationPrefix)).toEqual([
      '192.168.21.0/24',
    ]);
  });
});
