/**
 * Tables stay readable (issue 11): at 1366×768, 1280×800 and the kiosk's 800×480, in English and
 * Japanese, with compute on and long values in the cells, no address, header word, navigation
 * label or button label is broken across lines, no cell's content spills out of it, the page never
 * scrolls sideways, and at the desk no table scrolls sideways either (on the kiosk a table may
 * scroll inside its own box).
 */
import {
  brokenTokens,
  expectNoSidewaysScroll,
  overflowingCells,
  sidewaysTables,
} from '../fixtures/layout';
import { expect, test } from '../fixtures/test';
import type { Section } from '../pages/shell';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 800, height: 480 },
] as const;

const PAGES: Section[] = ['network', 'routes', 'kubernetes'];

test('addresses and words stay whole at 1366, 1280 and 800 px, in English and Japanese', async ({
  app,
  api,
  page,
}) => {
  await api.configureScenario();
  await api.putPort('Port4', {
    ipEnabled: true,
    dhcp: false,
    address: '172.31.200.14',
    subnetMask: '255.255.255.0',
    gateway: '172.31.200.1',
    dns: ['172.31.200.53', '172.31.200.54'],
    mtu: null,
  });
  for (const destinationPrefix of ['192.168.21.0/24', '10.128.0.0/16']) {
    await api.addRoute({
      interfaceAlias: 'Port3',
      destinationPrefix,
      nextHop: '192.168.20.1',
      routeMetric: 100,
    });
  }
  await app.useSessionOf(api);
  await app.open('network');
  await expect(app.network.row('Port4')).toContainText('172.31.200.14/24');

  const problems: string[] = [];
  for (const locale of ['en', 'ja'] as const) {
    await app.shell.setLanguage(locale);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const section of PAGES) {
        await app.shell.go(section);
        if (section === 'routes') await expect(app.routes.row('10.128.0.0/16')).toBeVisible();
        if (section === 'kubernetes') await expect(app.kubernetes.pods('coredns')).toHaveCount(2);
        const where = `${section} at ${size.width} px (${locale})`;
        await expectNoSidewaysScroll(page, where);
        for (const broken of await brokenTokens(page)) problems.push(`${where}: broken ${broken}`);
        for (const cell of await overflowingCells(page))
          problems.push(`${where}: overflowing cell ${cell}`);
        if (size.width > 800)
          for (const table of await sidewaysTables(page))
            problems.push(`${where}: table scrolls sideways: ${table}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
