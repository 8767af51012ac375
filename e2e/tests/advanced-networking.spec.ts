/**
 * Journey (firmware 2023, SPEC §8): a virtual switch on Port4 with a VLAN network, picked for
 * Kubernetes (node IPs, no service IPs: a warning, not an error), applied; the Overview draws it.
 */
import { PORT4_STATIC } from '@edgenet/network-config/testing';
import { expectNoSeriousViolations } from '../fixtures/a11y';
import { expect, test } from '../fixtures/test';

test.use({ serverOptions: { applyMs: 200, firmware: '2023' } });

test('create a switch on Port4 with a VLAN network, pick it for Kubernetes, apply, see it', async ({
  app,
  api,
  page,
}) => {
  await test.step('set-up (API): Port4 static on 192.168.40.0/24', async () => {
    await api.putPort('Port4', PORT4_STATIC);
    await app.useSessionOf(api);
    await page.goto('/advanced-networking');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Advanced networking' }),
    ).toBeVisible();
    // Firmware 2023's navigation: no Compute page; Kubernetes and its components are told apart.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Compute' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Kubernetes components' })).toBeVisible();
  });

  await test.step('add vswitch-Port4 on Port4 in the side blade', async () => {
    await page.getByRole('button', { name: 'Add virtual switch' }).click();
    const blade = page.getByRole('dialog', { name: 'Add virtual switch' });
    const name = blade.getByLabel('Name');
    await name.pressSequentially('x');
    await expect(name).toHaveAccessibleDescription(/is not a valid name/);
    await name.fill('');
    await name.pressSequentially('vswitch-Port4');
    await blade.getByLabel('Network interface').selectOption('Port4');
    await expectNoSeriousViolations(page, 'switch blade');
    await blade.getByRole('button', { name: 'Apply' }).click();
    await expect(blade).toBeHidden();
    await expect(page.getByRole('row', { name: /vswitch-Port4/ })).toContainText('Port4');
  });

  await test.step('add a VLAN 10 network; VLAN 4095 is refused while typing', async () => {
    await page.getByRole('button', { name: 'Add virtual network on vswitch-Port4' }).click();
    const blade = page.getByRole('dialog', { name: 'Virtual network on vswitch-Port4' });
    await blade.getByLabel('Name').fill('vnet-10');
    const vlan = blade.getByLabel('VLAN ID');
    await vlan.pressSequentially('4095');
    await expect(vlan).toHaveAccessibleDescription(/from 0 to 4094/);
    await expect(blade.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await vlan.fill('10');
    await blade.getByLabel('Subnet mask').fill('255.255.255.0');
    await blade.getByLabel('Gateway').fill('10.10.0.1');
    await expectNoSeriousViolations(page, 'virtual network blade');
    await blade.getByRole('button', { name: 'Apply' }).click();
    await expect(blade).toBeHidden();
    await expect(page.getByRole('row', { name: /vnet-10/ })).toContainText('10.10.0.0/24');
  });

  await test.step('pick the switch for Kubernetes with node IPs only, and apply', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Kubernetes', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kubernetes' })).toBeVisible();
    await page
      .getByRole('combobox', { name: 'Virtual switch for compute' })
      .selectOption('vswitch-Port4');
    await page.getByLabel('Kubernetes node IPs — Start').fill('192.168.40.50');
    await page.getByLabel('Kubernetes node IPs — End').fill('192.168.40.51');
    // Service IPs are strongly recommended, not required (doc): a warning that does not block.
    await expect(page.getByText(/strongly recommended: without them/)).toBeVisible();
    await expectNoSeriousViolations(page, 'Kubernetes page');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => (await api.compute()).state, { timeout: 15_000 })
      .toBe('Configured');
    const compute = await api.compute();
    expect(compute).toMatchObject({ computePort: 'Port4', computeSwitch: 'vswitch-Port4' });
  });

  await test.step('the Overview draws the switch and its network', async () => {
    await page.goto('/');
    const diagram = page.getByRole('list', { name: 'Virtual switches' });
    await expect(diagram).toContainText('vswitch-Port4');
    await expect(diagram).toContainText('VLAN 10 · 10.10.0.0/24');
    await expectNoSeriousViolations(page, 'Overview with virtual switches');
    await expect(page.getByText('2023', { exact: true })).toBeVisible();
    const config = await api.config();
    expect(config.virtualNetworks).toEqual([
      expect.objectContaining({ name: 'vnet-10', switchName: 'vswitch-Port4', vlanId: 10 }),
    ]);
    await page.screenshot({ path: test.info().outputPath('overview-2023.png'), fullPage: true });
  });
});
