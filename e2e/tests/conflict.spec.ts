/**
 * Journey 6: two admins edit compute at once. The one who applies second is told that someone
 * else changed the configuration, keeps everything typed, reloads and applies again; the server
 * ends with both changes (the first admin's compute set-up and the second one's service IPs).
 */
import { PORT3_STATIC } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { Console } from '../pages/console';

test.use({ serverOptions: { applyMs: 200 } });

test('the second writer gets the conflict, keeps what it typed, and nothing is lost', async ({
  app: first,
  api,
  browser,
  baseURL,
  edgenet,
}) => {
  await api.putPort('Port3', PORT3_STATIC);
  const start = await api.revision();

  // Two admins, two browsers, two sessions.
  await first.useSessionOf(api);
  const otherContext = await browser.newContext({ baseURL });
  const second = new Console(await otherContext.newPage());
  await second.signInDirectly(baseURL as string, edgenet.password);

  await test.step('both open Compute; the second starts typing first', async () => {
    await first.open('compute');
    await second.open('compute');
    await second.compute.enable('Port3');
    await second.compute.setRanges({
      nodes: ['192.168.20.50', '192.168.20.51'],
      services: ['192.168.20.60', '192.168.20.70'],
    });
    await expect(second.page.getByText(second.ui.t('compute.unsaved'))).toBeVisible();
  });

  await test.step('the first applies its compute set-up', async () => {
    await first.compute.enable('Port3');
    await first.compute.setRanges({
      nodes: ['192.168.20.50', '192.168.20.51'],
      services: ['192.168.20.60', '192.168.20.65'],
    });
    await first.compute.apply();
    await first.compute.waitConfigured();
    expect(await api.revision()).toBeGreaterThan(start);
  });

  const conflict = second.page
    .getByRole('alert')
    .filter({ hasText: second.ui.t('conflict.title') });

  await test.step('the second applies: refused as stale, with what it typed kept', async () => {
    await second.compute.apply();
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(second.ui.t('conflict.body'));
    await expect(second.compute.field('compute.serviceIpEnd')).toHaveValue('192.168.20.70');
    await expect(second.compute.field('compute.nodeIpStart')).toHaveValue('192.168.20.50');
    await expect(second.compute.applyButton).toBeDisabled();
    // The server kept the first admin's configuration untouched.
    expect((await api.compute()).serviceIpRange).toEqual({
      start: '192.168.20.60',
      end: '192.168.20.65',
    });
  });

  await test.step('reload the latest configuration, keep the typed values, apply again', async () => {
    await second.ui.press(
      conflict.getByRole('button', { name: second.ui.t('conflict.reload'), exact: true }),
    );
    await expect(conflict).toBeHidden();
    await expect(second.page.getByText(second.ui.t('conflict.rebased'))).toBeVisible();
    await expect(second.compute.state).toHaveText(second.ui.t('computeState.Configured'));
    await expect(second.compute.field('compute.serviceIpEnd')).toHaveValue('192.168.20.70');
    await second.compute.apply();
    await expect(second.page.getByText(second.ui.t('compute.unsaved'))).toBeHidden();
    await expect(second.compute.state).toHaveText(second.ui.t('computeState.Configured'));
  });

  await test.step('the server has both changes; the first admin sees them too', async () => {
    await expect
      .poll(async () => (await api.compute()).serviceIpRange)
      .toEqual({ start: '192.168.20.60', end: '192.168.20.70' });
    expect(await api.compute()).toMatchObject({
      computePort: 'Port3',
      state: 'Configured',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
    });
    await first.page.reload();
    await expect(first.compute.field('compute.serviceIpEnd')).toHaveValue('192.168.20.70');
    await expect(first.compute.state).toHaveText(first.ui.t('computeState.Configured'));
  });

  await otherContext.close();
});
