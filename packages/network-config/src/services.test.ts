import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertWellFormed, expectIssue, labDevice } from '../test/helpers';
import {
  checkComputeChange,
  checkServiceChange,
  type DeviceConfig,
  formatIPv4,
  formatServiceManifest,
  formatServicePorts,
  NetConfigError,
  parseIPv4,
  parseServiceManifest,
  reconcileServices,
  removeService,
  resolveServiceName,
  type ServiceInput,
  serviceKey,
} from './index';

const NOW = '2026-12-01T10:00:00.000Z';

/** The lab device (service IPs .60–.61) with a service range of its own. */
function lab(range: [string, string] = ['192.168.20.60', '192.168.20.61']): DeviceConfig {
  return labDevice('Configured', {
    compute: { serviceIpRange: { start: range[0], end: range[1] } },
  });
}

function lb(name: string, extra: Partial<ServiceInput> = {}): ServiceInput {
  return { name, type: 'LoadBalancer', ports: [{ port: 80 }], ...extra };
}

/** Creates the services in order; fails the test on any error. */
function withServices(device: DeviceConfig, inputs: ServiceInput[]): DeviceConfig {
  let d = device;
  for (const input of inputs) {
    const result = checkServiceChange(d, input, NOW);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    d = result.device;
  }
  return d;
}

function ipOf(device: DeviceConfig, name: string, namespace = 'default'): string | null {
  const s = device.services?.find((x) => x.name === name && x.namespace === namespace);
  if (!s) throw new Error(`no service ${name}`);
  return s.status.loadBalancerIP;
}

describe('cluster IPs (Kubernetes)', () => {
  it('come from the service CIDR, never .1 (kubernetes) nor .10 (kube-dns)', () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc${i}`);
    const device = withServices(
      lab(),
      names.map((name) => ({ name, ports: [{ port: 80 }] })),
    );
    const ips = (device.services ?? []).map((s) => s.clusterIP);
    expect(ips.slice(0, 10)).toEqual([
      '172.28.0.2',
      '172.28.0.3',
      '172.28.0.4',
      '172.28.0.5',
      '172.28.0.6',
      '172.28.0.7',
      '172.28.0.8',
      '172.28.0.9',
      '172.28.0.11',
      '172.28.0.12',
    ]);
    expect(ips).not.toContain('172.28.0.1');
    expect(ips).not.toContain('172.28.0.10');
  });
});

describe('LoadBalancer IPs (MetalLB)', () => {
  it('edgehub holds the first service IP; the next service gets the lowest free one', () => {
    const device = withServices(lab(['192.168.20.60', '192.168.20.63']), [lb('web'), lb('api')]);
    expect(ipOf(device, 'web')).toBe('192.168.20.61');
    expect(ipOf(device, 'api')).toBe('192.168.20.62');
  });

  it('gives a requested address (spec.loadBalancerIP or the annotation) when in the pool and free', () => {
    const device = withServices(lab(['192.168.20.60', '192.168.20.65']), [
      lb('a', { loadBalancerIP: '192.168.20.64' }),
      lb('b', { annotations: { 'metallb.universe.tf/loadBalancerIPs': '192.168.20.63' } }),
      lb('c'),
    ]);
    expect(ipOf(device, 'a')).toBe('192.168.20.64');
    expect(ipOf(device, 'b')).toBe('192.168.20.63');
    expect(ipOf(device, 'c')).toBe('192.168.20.61');
  });

  it('leaves a service pending with MetalLB’s event when the address is outside the pool or taken', () => {
    const device = withServices(lab(['192.168.20.60', '192.168.20.62']), [
      lb('a', { loadBalancerIP: '192.168.20.61' }),
    ]);
    const outside = checkServiceChange(device, lb('b', { loadBalancerIP: '10.1.1.1' }), NOW);
    expect(ipOf(outside.device, 'b')).toBeNull();
    expect(outside.service?.status.event?.message).toBe(
      'Failed to allocate IP for "default/b": ["10.1.1.1"] is not allowed in config',
    );
    expectIssue(outside.issues, '', 'service.pending', 'warning');
    const taken = checkServiceChange(device, lb('c', { loadBalancerIP: '192.168.20.61' }), NOW);
    expect(taken.service?.status.event?.message).toBe(
      `Failed to allocate IP for "default/c": can't change sharing key for "default/c", address also in use by default/a`,
    );
  });

  it('says "no available IPs" when the pool is exhausted', () => {
    const device = withServices(lab(), [lb('a'), lb('b')]);
    expect(ipOf(device, 'a')).toBe('192.168.20.61');
    expect(ipOf(device, 'b')).toBeNull();
    expect(device.services?.[1]?.status.event).toEqual({
      type: 'Warning',
      reason: 'AllocationFailed',
      message: 'Failed to allocate IP for "default/b": no available IPs',
    });
  });

  it('shares one address between services with the same allow-shared-ip key and different ports', () => {
    const shared = { 'metallb.universe.tf/allow-shared-ip': 'dns' };
    const device = withServices(lab(), [
      lb('dns-tcp', { annotations: shared, ports: [{ port: 53, protocol: 'TCP' }] }),
      lb('dns-udp', { annotations: shared, ports: [{ port: 53, protocol: 'UDP' }] }),
      lb('clash', { annotations: shared, ports: [{ port: 53, protocol: 'UDP' }] }),
    ]);
    expect(ipOf(device, 'dns-tcp')).toBe('192.168.20.61');
    expect(ipOf(device, 'dns-udp')).toBe('192.168.20.61');
    expect(ipOf(device, 'clash')).toBeNull();
  });

  it('keeps an assignment when another service goes away, and gives the freed one to a pending service', () => {
    let device = withServices(lab(['192.168.20.60', '192.168.20.62']), [lb('a'), lb('b'), lb('c')]);
    expect([ipOf(device, 'a'), ipOf(device, 'b'), ipOf(device, 'c')]).toEqual([
      '192.168.20.61',
      '192.168.20.62',
      null,
    ]);
    device = removeService(device, 'default', 'a')?.device as DeviceConfig;
    expect(ipOf(device, 'b')).toBe('192.168.20.62');
    expect(ipOf(device, 'c')).toBe('192.168.20.61');
  });

  it('refuses services before compute is Configured, and a second service of one name', () => {
    const off = checkServiceChange(labDevice('NotConfigured'), lb('a'), NOW);
    expectIssue(off.issues, '', 'service.computeNotConfigured');
    const device = withServices(lab(), [lb('a')]);
    expectIssue(checkServiceChange(device, lb('a'), NOW).issues, 'name', 'service.duplicate');
    // The same name in another namespace is another service.
    expect(checkServiceChange(device, lb('a', { namespace: 'prod' }), NOW).outcome).toBe('created');
  });

  it('checks names, ports and protocols with Kubernetes’ wording', () => {
    const result = checkServiceChange(
      lab(),
      { name: 'Bad_Name', ports: [{ port: 0 }, { port: 80, protocol: 'HTTP' }] },
      NOW,
    );
    const nameIssue = expectIssue(result.issues, 'name', 'service.nameInvalid');
    expectIssue(result.issues, 'ports[0].port', 'service.portInvalid');
    expectIssue(result.issues, 'ports[1].protocol', 'service.protocolInvalid');
    for (const i of result.issues) assertWellFormed(i);
    expect(
      checkServiceChange(lab(), { name: 'x', ports: [] }, NOW).issues.map((i) => i.code),
    ).toContain('service.portsRequired');
    expect(nameIssue.params.value).toBe('Bad_Name');
  });

  it('allocates NodePorts from 30000, skipping the dashboard (31000) and registry (31001)', () => {
    const device = withServices(lab(), [lb('a', { ports: [{ port: 80 }, { port: 443 }] })]);
    expect(formatServicePorts(device.services?.[0]?.ports ?? [])).toBe(
      '80:30000/TCP,443:30001/TCP',
    );
  });
});

describe('a change of the service range', () => {
  it('warns, before it is applied, which services keep, change or lose their address', () => {
    const device = withServices(lab(['192.168.20.60', '192.168.20.63']), [
      lb('a'),
      lb('b'),
      lb('c'),
    ]);
    const settings = {
      ...device.compute,
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.62' },
    };
    const result = checkComputeChange(device, settings);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const lost = expectIssue(result.issues, 'serviceIpRange', 'service.addressLost', 'warning');
    expect(lost.params).toMatchObject({ service: 'default/c', address: '192.168.20.63' });
    const kept = expectIssue(result.issues, 'serviceIpRange', 'service.addressesKept', 'warning');
    expect(kept.params.services).toBe(
      'iotedge/edgehub (192.168.20.60), default/a (192.168.20.61), default/b (192.168.20.62)',
    );
    expect(ipOf(result.device, 'c')).toBeNull();

    // Moving the range moves edgehub to its first address and the others to the lowest free ones.
    const moved = checkComputeChange(device, {
      ...device.compute,
      serviceIpRange: { start: '192.168.20.70', end: '192.168.20.72' },
    });
    const changes = moved.issues.filter((i) => i.code === 'service.addressChanged');
    expect(changes.map((i) => `${i.params.service} ${i.params.from}→${i.params.to}`)).toEqual([
      'iotedge/edgehub 192.168.20.60→192.168.20.70',
      'default/a 192.168.20.61→192.168.20.71',
      'default/b 192.168.20.62→192.168.20.72',
    ]);
    for (const i of moved.issues) assertWellFormed(i);
  });

  it('says nothing when no address moves', () => {
    const device = withServices(lab(['192.168.20.60', '192.168.20.63']), [lb('a')]);
    const grown = checkComputeChange(device, {
      ...device.compute,
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.69' },
    });
    expect(grown.issues.filter((i) => i.code.startsWith('service.'))).toEqual([]);
  });

  it('disabling compute deletes the services with the cluster', () => {
    const device = withServices(lab(), [lb('a')]);
    const off = checkComputeChange(device, { ...device.compute, computePort: null });
    expect(off.device.services).toEqual([]);
  });
});

describe('allocation properties', () => {
  const runs = 100;
  it('never gives an address twice (except allowed sharing) nor one outside the pool, and is stable', () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        requested: fc.option(fc.integer({ min: 55, max: 70 }), { nil: undefined }),
        share: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }),
        port: fc.constantFrom(80, 443, 53),
        protocol: fc.constantFrom('TCP', 'UDP'),
      }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom('a', 'b', 'c') }),
      fc.record({
        kind: fc.constant('range' as const),
        start: fc.integer({ min: 58, max: 64 }),
        size: fc.integer({ min: 1, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        let device = lab(['192.168.20.60', '192.168.20.62']);
        for (const a of actions) {
          if (a.kind === 'create') {
            const input = lb(a.name, {
              ports: [{ port: a.port, protocol: a.protocol }],
              ...(a.requested ? { loadBalancerIP: `192.168.20.${a.requested}` } : {}),
              ...(a.share
                ? { annotations: { 'metallb.universe.tf/allow-shared-ip': a.share } }
                : {}),
            });
            device = checkServiceChange(device, input, NOW, 'apply').device;
          } else if (a.kind === 'delete') {
            device = removeService(device, 'default', a.name)?.device ?? device;
          } else {
            const result = checkComputeChange(device, {
              ...device.compute,
              serviceIpRange: {
                start: `192.168.20.${a.start}`,
                end: `192.168.20.${a.start + a.size - 1}`,
              },
            });
            if (!result.issues.some((i) => i.severity === 'error')) device = result.device;
          }
          const range = device.compute.serviceIpRange as { start: string; end: string };
          const [lo, hi] = [parseIPv4(range.start), parseIPv4(range.end)];
          const byIp = new Map<string, string[]>([[formatIPv4(lo), ['edgehub']]]);
          for (const s of device.services ?? []) {
            const ip = s.status.loadBalancerIP;
            if (ip === null) {
              expect(s.status.event?.reason).toBe('AllocationFailed');
              continue;
            }
            const n = parseIPv4(ip);
            expect(n).toBeGreaterThanOrEqual(lo);
            expect(n).toBeLessThanOrEqual(hi);
            byIp.set(ip, [...(byIp.get(ip) ?? []), serviceKey(s)]);
          }
          for (const [ip, holders] of byIp) {
            if (holders.length < 2) continue;
            const services = holders.map((k) => device.services?.find((s) => serviceKey(s) === k));
            expect(holders).not.toContain('edgehub');
            const keys = new Set(
              services.map((s) => s?.annotations['metallb.universe.tf/allow-shared-ip']),
            );
            expect(keys.size, `${ip} shared by ${holders.join(', ')}`).toBe(1);
            expect([...keys][0]).toBeDefined();
            const ports = services.flatMap((s) => s?.ports.map((p) => `${p.protocol}/${p.port}`));
            expect(new Set(ports).size).toBe(ports.length);
          }
          // Stable: reconciling again moves nothing.
          expect(reconcileServices(device)).toEqual(device.services ?? []);
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('Service manifests', () => {
  it('reads a Service YAML, several documents included', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    metallb.universe.tf/allow-shared-ip: "k"',
      'spec:',
      '  type: LoadBalancer',
      '  selector: { app: web }',
      '  ports:',
      '  - port: 80',
      '    targetPort: 8080',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: db, namespace: data }',
      'spec: { ports: [{ port: 5432, protocol: TCP }] }',
    ].join('\n');
    const [web, db] = parseServiceManifest(text);
    expect(web?.input).toEqual({
      name: 'web',
      type: 'LoadBalancer',
      selector: { app: 'web' },
      annotations: { 'metallb.universe.tf/allow-shared-ip': 'k' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    expect(db?.input.namespace).toBe('data');
    expect(db?.line).toBe(14);
  });

  it('names the line of a YAML error, and refuses other kinds', () => {
    const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\nspec: {}\n';
    try {
      parseServiceManifest(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NetConfigError);
      expect((error as NetConfigError).code).toBe('service.manifestInvalid');
      expect(Number((error as NetConfigError).params.line)).toBeGreaterThanOrEqual(4);
    }
    expect(() => parseServiceManifest('apiVersion: apps/v1\nkind: Deployment\n')).toThrow(
      NetConfigError,
    );
  });

  it('writes kubectl’s -o yaml and reads it back', () => {
    const device = withServices(lab(), [lb('web', { selector: { app: 'web' } })]);
    const s = device.services?.[0];
    if (!s) throw new Error('no service');
    const text = formatServiceManifest([{ ...s, externalIP: s.status.loadBalancerIP }]);
    expect(text).toContain('kind: Service\n');
    expect(text).toContain('  ports:\n  - nodePort: 30000\n    port: 80\n');
    expect(text).toContain('    - ip: 192.168.20.61\n');
    expect(parseServiceManifest(text)[0]?.input).toMatchObject({
      name: 'web',
      type: 'LoadBalancer',
      selector: { app: 'web' },
    });
  });
});

describe('CoreDNS names', () => {
  const services = [
    { name: 'web', namespace: 'default', clusterIp: '172.28.0.2' },
    { name: 'kube-dns', namespace: 'kube-system', clusterIp: '172.28.0.10' },
  ];
  it.each([
    ['web', '172.28.0.2'],
    ['web.default', '172.28.0.2'],
    ['web.default.svc', '172.28.0.2'],
    ['web.default.svc.cluster.local', '172.28.0.2'],
    ['web.default.svc.cluster.local.', '172.28.0.2'],
    ['kube-dns.kube-system', '172.28.0.10'],
  ])('%s resolves to %s', (name, address) => {
    expect(resolveServiceName(name, services)?.address).toBe(address);
  });
  it('does not resolve a service of another namespace by its short name', () => {
    expect(resolveServiceName('kube-dns', services)).toBeNull();
    expect(resolveServiceName('web.prod', services)).toBeNull();
  });
});
