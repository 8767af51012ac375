/**
 * Journey (SPEC §9): an admin creates two LoadBalancer services on the Kubernetes page, shrinks the
 * Kubernetes external service IPs on the Compute page, reads — before applying — which service
 * loses its address, applies, and finds that service <pending> with MetalLB's event; the server
 * agrees. (edgehub holds the range's first address, so "room for one service" is two addresses.)
 */
import type { ServiceList } from '@edgenet/network-config/contract';
import { expect, test } from '../fixtures/test';

test('shrinking the service range warns first, then leaves one service pending', async ({
  app,
  api,
}, testInfo) => {
  await api.configureScenario();
  await app.useSessionOf(api);
  const { page, ui } = app;

  const createService = async (name: string, port: string) => {
    await ui.press(page.getByRole('button', { name: ui.t('svc.create'), exact: true }));
    const blade = page.getByRole('dialog', { name: ui.t('svc.createTitle') });
    const nameField = blade.getByRole('textbox', { name: ui.t('svc.name'), exact: true });
    await nameField.click();
    await nameField.pressSequentially(name);
    await ui.type(blade.getByRole('textbox', { name: ui.t('svc.port'), exact: true }), port);
    await ui.press(blade.getByRole('button', { name: ui.t('svc.create'), exact: true }));
    await expect(blade).toBeHidden();
  };

  await test.step('create two load balancer services on the Kubernetes page', async () => {
    await app.open('kubernetes');
    await createService('web', '80');
    await createService('api', '8443');
    const holders = page.getByRole('table', { name: ui.t('svc.holders') });
    await expect(holders.getByRole('row', { name: /192\.168\.20\.61 default\/web/ })).toBeVisible();
    await expect(holders.getByRole('row', { name: /192\.168\.20\.62 default\/api/ })).toBeVisible();
    await expect(page.getByTestId('pool-free')).toHaveText('3');
  });

  await test.step('shrink the range: the warning names the service that loses its address', async () => {
    await app.open('compute');
    await ui.type(app.compute.field('compute.serviceIpEnd'), '192.168.20.61');
    const lost = page.getByText(
      'Service default/api loses its external IP 192.168.20.62 and becomes <pending>',
    );
    await expect(lost).toBeVisible();
    await expect(
      page.getByText(/keep their external IP: .*default\/web \(192\.168\.20\.61\)/),
    ).toBeVisible();
    await lost.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('compute-warning.png') });
    await app.compute.apply();
    await expect(page.getByText(ui.t('compute.unsaved'))).toBeHidden();
  });

  await test.step('the Kubernetes page shows api pending with MetalLB’s event', async () => {
    await app.open('kubernetes');
    await expect(page.getByTestId('pool-pending')).toHaveText('1');
    const services = page.getByRole('table', { name: ui.t('k8s.services'), exact: true });
    const apiRow = services
      .getByRole('row')
      .filter({ hasText: 'default' })
      .filter({ hasText: /^api|\bapi\b/ });
    await expect(apiRow.first()).toContainText('<pending>');
    await expect(apiRow.first()).toContainText(
      'Failed to allocate IP for "default/api": no available IPs',
    );
    const list = (await (await api.context.get('/api/kubernetes/services')).json()) as ServiceList;
    const byName = Object.fromEntries(list.services.map((s) => [s.name, s]));
    expect(byName.web?.externalIP).toBe('192.168.20.61');
    expect(byName.api?.pending).toBe(true);
    for (const width of [1366, 800]) {
      await page.setViewportSize({ width, height: width === 800 ? 480 : 900 });
      await page.screenshot({ path: testInfo.outputPath(`services-${width}.png`), fullPage: true });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(width);
    }
  });
});
