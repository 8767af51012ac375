import { describe, expect, it } from 'vitest';
import {
  CONTAINER_REGISTRY_PORT,
  createDefaultDevice,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  externalSwitchName,
  findPort,
  findPortCaseInsensitive,
  KUBE_DNS_SERVICE_OFFSET,
  KUBERNETES_API_PORT,
  KUBERNETES_DASHBOARD_PORT,
  KUBERNETES_SERVICE_OFFSET,
  MTU_MAX,
  MTU_MIN,
  ROUTE_METRIC_DEFAULT,
  ROUTE_METRIC_MAX,
  ROUTE_METRIC_MIN,
  routeKey,
  SKU_IDS,
  SKUS,
  type SkuId,
  sameName,
} from './model';

describe('SPEC §1.1 SKUs and ports (doc)', () => {
  it.each([
    [
      'pro-gpu',
      [
        ['Port1', [1]],
        ['Port2', [1]],
        ['Port3', [25, 10]],
        ['Port4', [25, 10]],
        ['Port5', [25, 10]],
        ['Port6', [25, 10]],
      ],
      ['Port1', 'Port2', 'Port3', 'Port4'],
    ],
    [
      'pro-r',
      [
        ['Port1', [1]],
        ['Port2', [1]],
        ['Port3', [25, 10]],
        ['Port4', [25, 10]],
      ],
      [],
    ],
    [
      'mini-r',
      [
        ['Port1', [1]],
        ['Port2', [1]],
        ['Port3', [10]],
        ['Port4', [10]],
      ],
      [],
    ],
    [
      'pro-2',
      [
        ['Port1', [10, 1]],
        ['Port2', [10, 1]],
        ['Port3', [100]],
        ['Port4', [100]],
      ],
      ['Port1', 'Port2'],
    ],
  ] as const)('%s: ports, speeds and MTU-configurable ports', (sku, ports, mtuPorts) => {
    const spec = SKUS[sku as SkuId];
    expect(spec.ports.map((p) => [p.name, p.speedGbps])).toEqual(ports);
    expect(spec.ports.filter((p) => p.mtuConfigurable).map((p) => p.name)).toEqual(mtuPorts);
  });

  it('four SKUs, Pro GPU first (the default); no Wi-Fi, no teaming', () => {
    expect(SKU_IDS).toEqual(['pro-gpu', 'pro-r', 'mini-r', 'pro-2']);
    for (const sku of SKU_IDS) {
      for (const port of SKUS[sku].ports) expect(port.name).toMatch(/^Port[1-6]$/);
    }
    expect(createDefaultDevice().sku).toBe('pro-gpu');
  });
});

describe('createDefaultDevice (doc defaults)', () => {
  it('Port1 static at 192.168.100.10/255.255.255.0; every other port DHCP', () => {
    const device = createDefaultDevice();
    expect(device.nodeCount).toBe(1);
    expect(device.ports.map((p) => [p.name, p.dhcp, p.address, p.subnetMask])).toEqual([
      ['Port1', false, '192.168.100.10', '255.255.255.0'],
      ['Port2', true, null, null],
      ['Port3', true, null, null],
      ['Port4', true, null, null],
      ['Port5', true, null, null],
      ['Port6', true, null, null],
    ]);
    expect(device.ports.every((p) => p.ipEnabled)).toBe(true);
    expect(device.ports.map((p) => p.mtu)).toEqual([1500, 1500, 1500, 1500, null, null]);
  });

  it('compute not configured, default CIDRs, no routes', () => {
    expect(createDefaultDevice({ sku: 'pro-2', nodeCount: 2 })).toMatchObject({
      sku: 'pro-2',
      nodeCount: 2,
      compute: {
        computePort: null,
        nodeIpRange: null,
        serviceIpRange: null,
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
        state: 'NotConfigured',
      },
      routes: [],
    });
  });

  it('devices are independent', () => {
    const a = createDefaultDevice();
    const b = createDefaultDevice();
    (a.ports[0] as { speedGbps: number[] }).speedGbps.push(99);
    expect(b.ports[0]?.speedGbps).toEqual([1]);
    expect(SKUS['pro-gpu'].ports[0]?.speedGbps).toEqual([1]);
  });
});

describe('constants (doc and ours)', () => {
  it('Kubernetes defaults and endpoints', () => {
    expect([DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR]).toEqual(['172.27.0.0/16', '172.28.0.0/16']);
    expect([KUBERNETES_SERVICE_OFFSET, KUBE_DNS_SERVICE_OFFSET]).toEqual([1, 10]);
    expect([KUBERNETES_API_PORT, KUBERNETES_DASHBOARD_PORT, CONTAINER_REGISTRY_PORT]).toEqual([
      6443, 31000, 31001,
    ]);
  });

  it('route metric 0–65535, 256 when omitted; MTU 1400–1500', () => {
    expect([ROUTE_METRIC_MIN, ROUTE_METRIC_MAX, ROUTE_METRIC_DEFAULT]).toEqual([0, 65535, 256]);
    expect([MTU_MIN, MTU_MAX]).toEqual([1400, 1500]);
  });

  it('the external virtual switch is named like the device names it', () => {
    expect(externalSwitchName('Port3')).toBe('vswitch-Port3');
  });
});

describe('finding ports and routes', () => {
  it('interface aliases match case-insensitively, port names exactly', () => {
    const device = createDefaultDevice();
    expect(findPort(device, 'Port3')?.name).toBe('Port3');
    expect(findPort(device, 'port3')).toBeUndefined();
    expect(findPortCaseInsensitive(device, 'PORT3')?.name).toBe('Port3');
    expect(findPortCaseInsensitive(device, 'Port7')).toBeUndefined();
  });

  it('matches an alias in the port list of an API answer the same way, returning that port', () => {
    const ports = [
      { name: 'Port3', mtu: 1500 },
      { name: 'Port4', mtu: 1400 },
    ];
    expect(findPortCaseInsensitive({ ports }, 'port4')).toBe(ports[1]);
    expect(findPortCaseInsensitive({ ports }, 'Port 4')).toBeUndefined();
    expect(findPortCaseInsensitive({ ports: [] }, 'Port3')).toBeUndefined();
  });

  it('names are the same whatever their case, and only then', () => {
    expect(sameName('vswitch-Port3', 'VSWITCH-port3')).toBe(true);
    expect(sameName('Port3', 'Port3 ')).toBe(false);
    expect(sameName('vnet1', 'vnet10')).toBe(false);
  });

  it('routeKey is one route per (interface, destination)', () => {
    expect(routeKey({ interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' })).toBe(
      'Port3|192.168.21.0/24',
    );
    expect(routeKey({ interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' })).not.toBe(
      routeKey({ interfaceAlias: 'Port4', destinationPrefix: '192.168.21.0/24' }),
    );
  });
});
