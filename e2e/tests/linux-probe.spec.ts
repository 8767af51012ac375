/**
 * Journey on the Linux driver (SPEC §10): the article's device in network namespaces, then real
 * pings from the worker VM — to a host behind 192.168.20.1 (answers) and to an address with no
 * route (the NAT has no Internet: its kernel answers "Destination Host Unreachable"). The tester also
 * shows the kernel's own answer beside the core's. Needs root; skips with the reason elsewhere.
 */

import { execFileSync } from 'node:child_process';
import { ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import { expect, test } from '../fixtures/test';

function skipReason(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (the Linux driver needs CAP_NET_ADMIN)';
  for (const tool of ['ip', 'ping']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`], {
        stdio: 'ignore',
      });
    } catch {
      return `${tool} is not installed`;
    }
  }
  return null;
}

const reason = skipReason();
test.skip(reason !== null, `Linux driver journey skipped: ${reason}`);
test.use({ serverOptions: { applyMs: 0, driver: 'linux' } });

test('probe from the worker VM: a host behind 192.168.20.1 answers, no route fails as the kernel says', async ({
  app,
  api,
  page,
}) => {
  const { routes } = app;

  await test.step('set-up (API): Port3 static, compute on Port3, 192.168.21.0/24 via 192.168.20.1', async () => {
    await api.configureScenario();
    await api.addRoute(ARTICLE_ROUTES[1]);
    await app.useSessionOf(api);
    await app.open('routes');
  });

  await test.step('the lookup shows the kernel agreeing with the model', async () => {
    await routes.testerVm.selectOption('worker1');
    // Key by key, as a user types.
    await routes.testerAddress.pressSequentially('192.168.21.7');
    await routes.tester
      .getByRole('button', { name: app.ui.t('routes.lookup'), exact: true })
      .click();
    await expect(routes.chosenRoute).toContainText('192.168.21.0/24');
    await expect(routes.tester).toContainText(app.ui.t('probe.kernelAnswer'));
    await expect(routes.tester).toContainText(app.ui.t('probe.agrees'));
  });

  await test.step('the kernel agrees for a service address too (its table holds the whole model)', async () => {
    await routes.lookup('172.28.0.10');
    await expect(routes.chosenRoute).toContainText('172.28.0.0/16');
    await expect(routes.tester).toContainText(app.ui.t('probe.agrees'));
    await expect(routes.tester).toContainText('svc0');
    await routes.lookup('192.168.21.7');
    await expect(routes.chosenRoute).toContainText('192.168.21.0/24');
  });

  await test.step('a probe to a host behind 192.168.20.1 gets answers', async () => {
    await routes.probe();
    const result = routes.tester.locator('.probe-answer');
    await expect(result).toContainText(app.ui.t('probe.reachable'));
    await expect(result.getByRole('list', { name: app.ui.t('probe.path') })).toContainText(
      '192.168.21.7',
    );
    await page.screenshot({ path: test.info().outputPath('probe-reachable.png'), fullPage: true });
  });

  await test.step('a probe to an address with no route fails as the kernel says', async () => {
    await routes.probe('10.99.0.1');
    const result = routes.tester.locator('.probe-answer');
    await expect(result).toContainText(app.ui.t('probe.unreachable'));
    // The NAT (172.16.0.1) has no Internet behind it: its kernel answers with ICMP.
    await expect(result).toContainText('Destination Host Unreachable (from 172.16.0.1)');
    await expect(result.getByRole('list', { name: app.ui.t('probe.path') })).toContainText(
      '172.16.0.1',
    );
  });
});
