import { describe, expect, it } from 'vitest';
import computeFixtures from '../test/fixtures/compute-settings.json';
import deviceFixtures from '../test/fixtures/device.json';
import portFixtures from '../test/fixtures/port-settings.json';
import routeFixtures from '../test/fixtures/routes.json';
import { buildDevice, type DeviceSetup } from '../test/helpers';
import {
  type ComputeSettings,
  formatIssue,
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type IssueParams,
  NetConfigError,
  type PortSettings,
  parsePrefix,
  type RouteInput,
  type SkuId,
  validateComputeSettings,
  validateDevice,
  validatePassword,
  validatePortSettings,
  validateRoute,
} from './index';
import { issueFromError } from './issues';
import { messagesEn } from './messages/en';
import { messagesJa } from './messages/ja';

const LOCALES = ['en', 'ja'] as const;

/** Values for every parameter any message uses, as a validator would fill them in. */
const PLAUSIBLE: IssueParams = {
  value: '192.168.20.5/24',
  canonical: '192.168.20.0/24',
  min: 0,
  max: 65535,
  start: '192.168.20.52',
  end: '192.168.20.50',
  port: 'Port3',
  address: '192.168.30.50',
  subnet: '192.168.20.0/24',
  other: 'Port4',
  otherSubnet: '192.168.20.0/25',
  gateway: '192.168.21.1',
  cidr: '172.27.0.0/16',
  size: 2,
  required: 3,
  nodeCount: 2,
  first: '192.168.20.52',
  last: '192.168.20.53',
  podCidr: '172.27.0.0/16',
  serviceCidr: '172.28.0.0/16',
  maxLength: 28,
  field: 'nodeIpRange',
  state: 'Configured',
  interfaceAlias: 'Port3',
  destination: '192.168.21.0/24',
  destinationPrefix: '192.168.21.0/24',
  nextHop: '192.168.20.1',
  computePort: 'Port3',
  vm: 'worker2',
  vms: 'master, worker1',
  used: 2,
  detail: 'too long',
  metric: 0,
  connectedTo: 'Port3',
  routes: 'Port3 192.168.21.0/24, Port3 192.168.22.0/24',
  format: 'CSV',
  expected: 'Port3,10.128.0.0/16,192.168.20.1,100',
  command: 'Get-HcsNetRoute',
  en: "A parameter cannot be found that matches parameter name 'Nexthop2'.",
  ja: "パラメーター名 'Nexthop2' に一致するパラメーターが見つかりません。",
  line: 3,
  dev: 'eth7',
  external: 'eth1',
  name: 'web',
  namespace: 'default',
  service: 'default/web',
  event: 'Failed to allocate IP for "default/web": no available IPs',
  kind: 'apps/v1/Deployment',
  from: '192.168.20.61',
  to: '192.168.20.71',
  services: 'iotedge/edgehub (192.168.20.60)',
  count: 1,
  switchName: 'vswitch-Port4',
  mtu: 1500,
  portSubnet: '192.168.20.0/24',
};

/** Text that betrays a missing parameter or a message not written for users. */
const BROKEN = /undefined|null|NaN|\[object Object\]|\$\{|\{\{|^\s*$/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function expectReadable(issue: Pick<Issue, 'code' | 'params'>) {
  for (const locale of LOCALES) {
    const text = formatIssue(issue, locale);
    expect(typeof text, `${issue.code} (${locale})`).toBe('string');
    expect(text, `${issue.code} (${locale}): ${text}`).not.toMatch(BROKEN);
    expect(text.trim().length, `${issue.code} (${locale}) is empty`).toBeGreaterThan(5);
  }
  expect(formatIssue(issue, 'ja'), `${issue.code}: the Japanese message is not Japanese`).toMatch(
    JAPANESE,
  );
  expect(formatIssue(issue, 'en'), `${issue.code}: the English message is not English`).not.toMatch(
    JAPANESE,
  );
}

describe('every issue code has an English and a Japanese message', () => {
  it('the message tables hold exactly the issue codes', () => {
    expect(Object.keys(messagesEn).sort()).toEqual([...ISSUE_CODES].sort());
    expect(Object.keys(messagesJa).sort()).toEqual([...ISSUE_CODES].sort());
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  it.each([...ISSUE_CODES])('%s reads well in both languages with plausible parameters', (code) => {
    expectReadable({ code, params: PLAUSIBLE });
  });

  it('the two languages differ for every code', () => {
    for (const code of ISSUE_CODES) {
      expect(formatIssue({ code, params: PLAUSIBLE }, 'ja')).not.toBe(
        formatIssue({ code, params: PLAUSIBLE }, 'en'),
      );
    }
  });
});

/** Every issue the fixtures produce, with the parameters the validators really fill in. */
function realIssues(): Issue[] {
  const out: Issue[] = [];
  for (const row of portFixtures.cases) {
    const settings = { ...portFixtures.base, ...row.settings } as PortSettings;
    out.push(...validatePortSettings(row.port, settings, { sku: (row.sku ?? 'pro-gpu') as SkuId }));
  }
  const computeDevices = computeFixtures.devices as Record<string, DeviceSetup>;
  for (const row of computeFixtures.cases) {
    const device = buildDevice({ ...computeDevices[row.device], nodeCount: row.nodeCount ?? 1 });
    out.push(
      ...validateComputeSettings(
        { ...computeFixtures.defaults, ...row.settings } as ComputeSettings,
        device,
      ),
    );
  }
  const routeDevices = routeFixtures.devices as Record<string, DeviceSetup>;
  for (const row of routeFixtures.cases) {
    out.push(...validateRoute(row.route as RouteInput, buildDevice(routeDevices[row.device])));
  }
  for (const row of deviceFixtures.cases)
    out.push(...validateDevice(buildDevice(row.setup as DeviceSetup)));
  out.push(...validatePassword('short'), ...validatePassword('Password1', 'Password1'));
  return out;
}

describe('messages of real issues', () => {
  const issues = realIssues();

  it('every issue the validators produce reads well in both languages', () => {
    expect(issues.length).toBeGreaterThan(50);
    for (const issue of issues) expectReadable(issue);
  });

  it('messages name the value and the fix', () => {
    const outside = issues.find(
      (i) => i.code === 'compute.rangeOutsideSubnet' && i.params.address === '192.168.30.50',
    );
    expect(outside && formatIssue(outside, 'en')).toBe(
      "192.168.30.50 is outside Port3's subnet 192.168.20.0/24.",
    );
    expect(outside && formatIssue(outside, 'ja')).toBe(
      '192.168.30.50 が Port3 のサブネット 192.168.20.0/24 の外にあります。',
    );
  });

  it('192.168.20.5/24 → prefix.hostBits offering 192.168.20.0/24, in English and Japanese', () => {
    let error: unknown;
    try {
      parsePrefix('192.168.20.5/24');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NetConfigError);
    const issue = issueFromError('destinationPrefix', error);
    expect(issue).toMatchObject({
      path: 'destinationPrefix',
      code: 'prefix.hostBits',
      severity: 'error',
    });
    expect(formatIssue(issue, 'en')).toBe(
      '192.168.20.5/24 has host bits set. Did you mean 192.168.20.0/24?',
    );
    expect(formatIssue(issue, 'ja')).toContain('192.168.20.0/24');
    expect(formatIssue(issue, 'ja')).toContain('192.168.20.5/24');
  });
});

describe('Japanese messages use the SPEC §6 terms', () => {
  const with_ = (code: IssueCode, params: IssueParams = {}) =>
    formatIssue({ code, params: { ...PLAUSIBLE, ...params } }, 'ja');

  it.each([
    ['route.nextHopOutsideSubnet', '次ホップ'],
    ['route.nextHopIsInterface', '次ホップ'],
    ['route.nextHopNotLinkLocal', '次ホップ'],
    ['route.familyMismatch', '次ホップ'],
    ['route.familyMismatch', '宛先'],
    ['route.destinationInPodCidr', '宛先'],
    ['route.destinationInServiceCidr', '宛先'],
    ['route.destinationConnected', '宛先'],
    ['route.duplicate', '宛先'],
    ['compute.nodeRangeTooSmall', 'Kubernetes ノード IP'],
    ['compute.nodeRangeTooSmall', 'マスター ノード'],
    ['compute.nodeRangeTooSmall', 'ワーカー ノード'],
    ['compute.rangesOverlap', 'Kubernetes ノード IP'],
    ['compute.rangesOverlap', 'Kubernetes 外部サービス IP'],
    ['route.metricInvalid', 'メトリック'],
    ['route.interfaceUnknown', 'インターフェイス'],
    ['route.interfaceNotStatic', '静的構成'],
    ['compute.portDhcp', '静的構成'],
    ['compute.rangeOutsideSubnet', 'サブネット'],
    ['port.gatewayOutsideSubnet', 'サブネット'],
    ['route.destinationConnected', 'サブネット'],
    ['prefix.lengthInvalid', 'プレフィックス長'],
    ['compute.portIpDisabled', 'コンピューティング'],
    ['route.notComputePort', 'コンピューティング'],
    ['route.computeNotConfigured', 'コンピューティング'],
    ['route.defaultRoute', '内部仮想スイッチ'],
  ] as [IssueCode, string][])('%s uses 「%s」', (code, term) => {
    expect(with_(code)).toContain(term);
  });

  it('compute.locked names the field with its SPEC §6 term and the way out', () => {
    expect(with_('compute.locked', { field: 'nodeIpRange', state: 'Configured' })).toContain(
      'Kubernetes ノード IP',
    );
    expect(with_('compute.locked', { field: 'serviceIpRange', state: 'Configuring' })).toContain(
      'Kubernetes 外部サービス IP',
    );
    const en = (state: string) =>
      formatIssue({ code: 'compute.locked', params: { field: 'nodeIpRange', state } }, 'en');
    expect(en('Configured')).toBe(
      'Kubernetes node IPs cannot change while compute is configured; disable compute first.',
    );
    expect(en('Configuring')).toContain('wait for the change to finish');
  });
});
