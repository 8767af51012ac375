/**
 * Journey 4: an admin types what the device cannot take. Each mistake is named on the field it
 * concerns, while typing, in English and after switching, in Japanese; Apply / Add stay refused,
 * and the server's configuration does not move (same revision, nothing stored).
 */
import type { Locator } from '@playwright/test';
import { PORT3_STATIC } from '../fixtures/api';
import { containing } from '../fixtures/i18n';
import { expect, test } from '../fixtures/test';
import type { ComputePage } from '../pages/compute';

test.use({ serverOptions: { applyMs: 200 } });

interface Case {
  what: string;
  nodes: [string, string];
  services: [string, string];
  /** Where the message must appear, and the message in each language. */
  expect: { on: (page: ComputePage) => Locator; en: string; ja: string }[];
}

const CASES: Case[] = [
  {
    what: 'a node range outside Port3’s subnet',
    nodes: ['192.168.30.50', '192.168.30.51'],
    services: ['192.168.20.60', '192.168.20.65'],
    expect: [
      {
        on: (c) => c.field('compute.nodeIpStart'),
        en: "192.168.30.50 is outside Port3's subnet 192.168.20.0/24.",
        ja: '192.168.30.50 が Port3 のサブネット 192.168.20.0/24 の外にあります。',
      },
      {
        on: (c) => c.field('compute.nodeIpEnd'),
        en: "192.168.30.51 is outside Port3's subnet 192.168.20.0/24.",
        ja: '192.168.30.51 が Port3 のサブネット 192.168.20.0/24 の外にあります。',
      },
    ],
  },
  {
    what: 'a node range too small for one node',
    nodes: ['192.168.20.50', '192.168.20.50'],
    services: ['192.168.20.60', '192.168.20.65'],
    expect: [
      {
        on: (c) => c.nodeGroup,
        en: 'The node range has 1 address(es); a 1-node device needs at least 2 (one master plus one worker per node).',
        ja: 'Kubernetes ノード IP の範囲は 1 個です。1 ノードのデバイスには少なくとも 2 個必要です (マスター ノード 1 つと、ノードごとにワーカー ノード 1 つ)。',
      },
    ],
  },
  {
    what: 'a node range overlapping the service range',
    nodes: ['192.168.20.50', '192.168.20.61'],
    services: ['192.168.20.60', '192.168.20.65'],
    expect: [
      {
        on: (c) => c.serviceGroup,
        en: 'The Kubernetes node IPs and external service IPs overlap (192.168.20.60–192.168.20.61).',
        ja: 'Kubernetes ノード IP と Kubernetes 外部サービス IP が重なっています (192.168.20.60–192.168.20.61)。',
      },
    ],
  },
  {
    // The pod CIDR is the default 172.27.0.0/16: node IPs taken from it are refused for that
    // reason too (and for being outside Port3's subnet, which the first case covers).
    what: 'a node range inside the pod CIDR 172.27.0.0/16',
    nodes: ['172.27.0.50', '172.27.0.51'],
    services: ['192.168.20.60', '192.168.20.65'],
    expect: [
      {
        on: (c) => c.nodeGroup,
        en: 'The range overlaps the pod CIDR 172.27.0.0/16.',
        ja: '範囲がポッド CIDR 172.27.0.0/16 と重なっています。',
      },
      {
        on: (c) => c.field('compute.nodeIpStart'),
        en: "172.27.0.50 is outside Port3's subnet 192.168.20.0/24.",
        ja: '172.27.0.50 が Port3 のサブネット 192.168.20.0/24 の外にあります。',
      },
    ],
  },
];

const HOST_BITS = {
  en: '192.168.20.5/24 has host bits set. Did you mean 192.168.20.0/24?',
  ja: '192.168.20.5/24 にはホスト部のビットが含まれています。192.168.20.0/24 のことですか?',
};

test('wrong ranges and a prefix with host bits: named on their field, in both languages, never saved', async ({
  app,
  api,
}) => {
  const { shell, compute, routes } = app;
  await api.putPort('Port3', PORT3_STATIC);
  const revision = await api.revision();
  await app.useSessionOf(api);
  await app.open('compute');
  await compute.enable('Port3');

  for (const locale of ['en', 'ja'] as const) {
    await test.step(`Compute, in ${locale}`, async () => {
      if (locale === 'ja') await shell.setLanguage('ja');
      for (const c of CASES) {
        await test.step(c.what, async () => {
          await compute.setRanges({ nodes: c.nodes, services: c.services });
          for (const e of c.expect) {
            await expect(e.on(compute)).toHaveAccessibleDescription(containing(e[locale]));
          }
          await expect(compute.applyButton).toBeDisabled();
          await expect(app.page.getByText(app.ui.t('compute.fixErrors'))).toBeVisible();
        });
      }
    });
  }

  await test.step('the server refuses the same values on the same fields', async () => {
    const res = await api.context.put('/api/compute', {
      headers: { 'If-Match': `"${revision}"` },
      data: {
        computePort: 'Port3',
        nodeIpRange: { start: '192.168.30.50', end: '192.168.30.51' },
        serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
      },
    });
    expect(res.status()).toBe(422);
    const { issues } = await res.json();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'nodeIpRange.start', code: 'compute.rangeOutsideSubnet' }),
        expect.objectContaining({ path: 'nodeIpRange.end', code: 'compute.rangeOutsideSubnet' }),
      ]),
    );
  });

  for (const locale of ['ja', 'en'] as const) {
    await test.step(`Routes: a destination with host bits, in ${locale}`, async () => {
      // The blade is modal: the language is switched before it opens.
      if (locale === 'en') await shell.setLanguage('en');
      await shell.go('routes');
      const blade = await routes.openAdd();
      await blade.fill({
        interfaceAlias: 'Port3',
        destination: '192.168.20.5/24',
        nextHop: '192.168.20.1',
        metric: '100',
      });
      await expect(blade.destination).toHaveAccessibleDescription(containing(HOST_BITS[locale]));
      await expect(blade.destinationGroup).toHaveAccessibleDescription(
        containing(HOST_BITS[locale]),
      );
      await expect(blade.destination).toHaveAttribute('aria-invalid', 'true');
      // Add is refused while the error stands.
      await app.ui.press(blade.addButton);
      await expect(blade.addButton).toBeDisabled();
      await expect(blade.dialog).toBeVisible();

      // The message offers the canonical prefix; taking it fixes the destination.
      const useCanonical = blade.dialog.getByRole('button', {
        name: app.ui.t('routes.useCanonical', { prefix: '192.168.20.0/24' }),
      });
      await app.ui.press(useCanonical);
      await expect(blade.destination).toHaveValue('192.168.20.0');
      await expect(blade.prefixLength).toHaveValue('24');
      await expect(blade.destination).not.toHaveAccessibleDescription(
        containing(HOST_BITS[locale]),
      );
      await expect(blade.addButton).toBeEnabled();
      await app.ui.press(blade.closeButton);
      await expect(blade.dialog).toBeHidden();
    });
  }

  await test.step('nothing was saved', async () => {
    expect(await api.revision()).toBe(revision);
    expect((await api.routes()).routes).toEqual([]);
    expect(await api.compute()).toMatchObject({
      computePort: null,
      nodeIpRange: null,
      serviceIpRange: null,
      state: 'NotConfigured',
    });
  });
});
