/**
 * Journey 2: the source article's scenario, start to finish through the UI. Port3 gets a static
 * address on 192.168.20.0/24, compute is enabled on it with the node and service IP ranges, the
 * apply is followed to Configured, and the Overview and Kubernetes pages show the result.
 */
import { expect, test } from '../fixtures/test';

// A visible apply: long enough to watch the job run, short enough for the suite.
test.use({ serverOptions: { applyMs: 2000 } });

test('Port3 static, compute on Port3, the cluster comes up', async ({ app, api, edgenet }) => {
  const { shell, network, compute, overview, kubernetes } = app;

  await test.step('sign in', async () => {
    await app.signInPage.goto();
    await app.signInPage.signIn(edgenet.password);
    await expect(shell.heading('overview')).toBeVisible();
    await expect(overview.computeCard).toContainText(app.ui.t('computeState.NotConfigured'));
  });

  await test.step('Network: Port3 static 192.168.20.10/24, gateway 192.168.20.1', async () => {
    await shell.go('network');
    await expect(network.row('Port3')).toContainText('DHCP');
    const blade = await network.configure('Port3');
    await blade.setStatic({
      address: '192.168.20.10',
      subnetMask: '255.255.255.0',
      gateway: '192.168.20.1',
    });
    await blade.apply();
    await shell.expectToast(app.ui.t('network.applied', { port: 'Port3' }));
    await expect(network.row('Port3')).toContainText(app.ui.t('network.static'));
    await expect(network.row('Port3')).toContainText('192.168.20.10/24');
    await expect(network.row('Port3')).toContainText('192.168.20.1');

    const port3 = (await api.ports()).ports.find((p) => p.name === 'Port3');
    expect(port3).toMatchObject({
      dhcp: false,
      address: '192.168.20.10',
      subnetMask: '255.255.255.0',
      gateway: '192.168.20.1',
    });
  });

  await test.step('Compute: enable Port3, node IPs .50–.51, service IPs .60–.65', async () => {
    await shell.go('compute');
    await expect(compute.state).toHaveText(app.ui.t('computeState.NotConfigured'));
    await compute.enable('Port3');
    await compute.setRanges({
      nodes: ['192.168.20.50', '192.168.20.51'],
      services: ['192.168.20.60', '192.168.20.65'],
    });
    // The count each range gives, beside the minimum it needs.
    await expect(compute.nodeGroup).toHaveAccessibleDescription(
      /^2 addresses · needs at least 2 for 1 node\(s\)/,
    );
    await expect(compute.serviceGroup).toHaveAccessibleDescription(
      /^6 addresses · needs at least 1/,
    );
  });

  await test.step('Apply, and follow the progress to Configured', async () => {
    await compute.apply();
    await expect(compute.progress).toBeVisible();
    await expect(compute.progress.getByRole('status')).toContainText(app.ui.t('job.state.running'));
    await expect(compute.state).toHaveText(app.ui.t('computeState.Configuring'));
    for (const step of [
      'Create the external virtual switch',
      'Install Calico',
      'Install MetalLB',
      'Install CoreDNS',
    ]) {
      await expect(compute.progress.getByRole('listitem').filter({ hasText: step })).toBeVisible();
    }
    await compute.waitConfigured();
    await expect(compute.progressBar).toHaveAttribute('aria-valuenow', '100');
    await shell.expectToast(app.ui.t('compute.jobSucceeded'));

    const stored = await api.compute();
    expect(stored).toMatchObject({
      computePort: 'Port3',
      state: 'Configured',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
    });
  });

  await test.step('Overview: the drawing shows the master and worker VMs', async () => {
    await shell.go('overview');
    await expect(overview.computeCard).toContainText(app.ui.t('computeState.Configured'));
    await expect(overview.topology).toBeVisible();
    await expect(overview.vmLabel('master', 'master')).toBeVisible();
    await expect(overview.vmLabel('worker', 'worker1')).toBeVisible();
    await expect(overview.topology.getByText('ext 192.168.20.50', { exact: true })).toBeVisible();
    await expect(overview.topology.getByText('ext 192.168.20.51', { exact: true })).toBeVisible();
    await expect(overview.topology.getByText('vswitch-Port3', { exact: true })).toBeVisible();
    // The drawing's text alternative says the same in words.
    await expect(overview.topology).toHaveAccessibleName(
      /Master node \(master\): external NIC 192\.168\.20\.50.*Worker node \(worker1\): external NIC 192\.168\.20\.51/,
    );
  });

  await test.step('Kubernetes: Calico, MetalLB and CoreDNS pods are running', async () => {
    await shell.go('kubernetes');
    const expected: [string, number][] = [
      ['calico-node', 2],
      ['calico-kube-controllers', 1],
      ['controller', 1],
      ['speaker', 2],
      ['coredns', 2],
    ];
    for (const [component, count] of expected) {
      const rows = kubernetes.pods(component);
      await expect(rows).toHaveCount(count);
      for (const row of await rows.all()) await expect(row).toContainText('Running');
    }
    await expect(kubernetes.pods('speaker').first()).toContainText('metallb-system');
    await expect(
      kubernetes.nodes.getByRole('row').filter({ hasText: '192.168.20.50' }),
    ).toContainText('Ready');

    const k8s = await api.kubernetes();
    expect(k8s.state).toBe('Configured');
    const names = k8s.components.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['calico-node', 'controller', 'speaker', 'coredns']),
    );
    expect(k8s.components.flatMap((c) => c.pods).every((p) => p.status === 'Running')).toBe(true);
    expect(k8s.nodes.map((n) => n.ip)).toEqual(['192.168.20.50', '192.168.20.51']);
  });
});
