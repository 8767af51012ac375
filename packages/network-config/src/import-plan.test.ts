import { describe, expect, it } from 'vitest';
import { articleDevice } from '../test/article';
import { buildDevice, labDevice, PORT3_STATIC, port3Route } from '../test/helpers';
import {
  exportConfiguration,
  formatIssue,
  type ImportFormat,
  type ImportMode,
  parseImportText,
  planImport,
} from './index';

const META = { revision: 3, time: '2026-12-01T00:00:00.000Z' };

function plan(
  device: ReturnType<typeof labDevice>,
  format: Exclude<ImportFormat, 'ps1'>,
  text: string,
  mode: ImportMode = 'merge',
) {
  return planImport(device, parseImportText(format, text, device.compute.computePort), mode);
}

/** The article's device as it is before its routes: same ports and compute, no routes. */
function freshTwin(source = articleDevice()) {
  return { ...source, routes: [] };
}

describe('round trip: export → import into a fresh device → the same document', () => {
  it.each(['json', 'iproute2'] as const)('%s', (format) => {
    const source = articleDevice();
    const text = exportConfiguration(source, format, META).text;
    const result = plan(freshTwin(source), format, text);
    expect(result.counts.errors).toBe(0);
    expect(result.device).toEqual(source);
  });

  it('json carries the cluster CIDRs into a device where compute is not configured yet', () => {
    const source = articleDevice();
    const text = exportConfiguration(source, 'json', META).text;
    const target = labDevice('NotConfigured', { compute: { computePort: null } });
    const result = plan(target, 'json', text);
    expect(result.counts.errors).toBe(0);
    expect(result.device.compute.podCidr).toBe('10.96.0.0/16');
    expect(result.device.routes).toEqual(source.routes);
  });

  it('Get-HcsNetRoute table and CSV', () => {
    const source = articleDevice();
    const table = [
      'PS C:\\> Get-HcsNetRoute',
      '',
      'InterfaceAlias DestinationPrefix NextHop      RouteMetric Status Reason',
      '-------------- ----------------- -------      ----------- ------ ------',
      ...source.routes.map(
        (r) => `${r.interfaceAlias} ${r.destinationPrefix} ${r.nextHop} ${r.routeMetric} Active`,
      ),
    ].join('\n');
    expect(plan(freshTwin(source), 'table', table).device.routes).toEqual(source.routes);
    const csv = [
      'interfaceAlias,destinationPrefix,nextHop,routeMetric',
      ...source.routes.map(
        (r) => `${r.interfaceAlias},"${r.destinationPrefix}",${r.nextHop},${r.routeMetric}`,
      ),
    ].join('\r\n');
    expect(plan(freshTwin(source), 'csv', csv).device.routes).toEqual(source.routes);
  });
});

describe('the preview', () => {
  const device = labDevice('Configured', {
    routes: [port3Route('10.1.0.0/16', 10), port3Route('10.2.0.0/16', 10)],
  });

  it('marks each line add, change or unchanged, and keeps what the text does not name (merge)', () => {
    const csv = [
      '\uFEFF# planned routes',
      'Port3,10.1.0.0/16,192.168.20.1,10',
      '',
      'port3,10.2.0.0/16,192.168.20.1,20',
      'Port3,10.3.0.0/16,192.168.20.1',
    ].join('\r\n');
    const result = plan(device, 'csv', csv);
    expect(result.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'unchanged'],
      [4, 'change'],
      [5, 'add'],
    ]);
    expect(result.rows[1]?.previous?.routeMetric).toBe(10);
    expect(result.device.routes.map((r) => `${r.destinationPrefix} ${r.routeMetric}`)).toEqual([
      '10.1.0.0/16 10',
      '10.2.0.0/16 20',
      '10.3.0.0/16 256',
    ]);
  });

  it('replace removes the routes the text does not name, as rows without a line', () => {
    const result = plan(device, 'csv', 'Port3,10.3.0.0/16,192.168.20.1', 'replace');
    expect(result.rows.map((r) => [r.line, r.action, r.route?.destinationPrefix])).toEqual([
      [1, 'add', '10.3.0.0/16'],
      [null, 'remove', '10.1.0.0/16'],
      [null, 'remove', '10.2.0.0/16'],
    ]);
    expect(result.device.routes).toHaveLength(1);
  });

  it('a bad line carries its number and why, in English and Japanese, and nothing else breaks', () => {
    const text = [
      'Port3,10.4.0.0/16,192.168.20.1,1',
      'Port3,10.5.0.5/16,192.168.20.1,1',
      'Port3 10.6.0.0/16 192.168.20.1',
      'Port3,10.7.0.0/16,192.168.20.1,70000',
      'Port3,10.4.0.0/16,192.168.20.9,1',
    ].join('\n');
    const result = plan(device, 'csv', text);
    const codes = result.issues.map((i) => `${i.path} ${i.code}`);
    expect(codes).toEqual([
      'lines[2].destinationPrefix prefix.hostBits',
      'lines[3] import.lineUnreadable',
      'lines[4].routeMetric route.metricInvalid',
      'lines[5].destinationPrefix import.duplicateLine',
    ]);
    const hostBits = result.issues[0] as (typeof result.issues)[number];
    expect(formatIssue(hostBits, 'en')).toMatch(/10\.5\.0\.0\/16/);
    expect(formatIssue(hostBits, 'ja')).toMatch(/10\.5\.0\.0\/16/);
    expect(result.counts.errors).toBe(4);
  });

  it('removing a route that is not there is a warning, not an error', () => {
    const result = plan(device, 'iproute2', 'ip route del 10.9.0.0/16 dev eth1');
    expect(result.rows[0]?.action).toBe('unchanged');
    expect(result.issues.map((i) => `${i.severity} ${i.code}`)).toEqual([
      'warning import.removeUnknown',
    ]);
  });

  it('a route on a DHCP port is refused by the same rule as Add-HcsNetRoute', () => {
    const result = plan(device, 'csv', 'Port4,10.8.0.0/16,192.168.30.1');
    expect(result.issues.map((i) => i.code)).toEqual(['route.interfaceNotStatic']);
  });

  it('an empty text is an error of its own', () => {
    expect(plan(device, 'csv', '# nothing\n\n').issues.map((i) => i.code)).toEqual([
      'import.empty',
    ]);
  });

  it('json that is not a document says so', () => {
    expect(plan(device, 'json', '{"routes": 3}').issues.map((i) => i.code)).toEqual([
      'import.jsonInvalid',
    ]);
    expect(plan(device, 'json', '{\n  "routes": [\n').issues[0]?.code).toBe('import.jsonInvalid');
  });

  it('json rows carry the line where each route starts', () => {
    const text = exportConfiguration(articleDevice(), 'json', META).text;
    const result = plan(freshTwin(), 'json', text);
    const lines = text.split('\n');
    for (const row of result.rows.filter((r) => r.route)) {
      expect(lines[(row.line as number) - 1]?.trim()).toBe('{');
      expect(lines[row.line as number]).toContain(row.route?.interfaceAlias);
    }
  });

  it('the CIDR change of a json import is locked once compute is configured', () => {
    const text = exportConfiguration(articleDevice(), 'json', META).text;
    const result = plan(labDevice('Configured'), 'json', text);
    expect(result.issues.some((i) => i.code === 'compute.locked')).toBe(true);
  });

  it('never changes the device it is given', () => {
    const before = JSON.stringify(device);
    plan(device, 'csv', 'Port3,10.1.0.0/16,192.168.20.1,99', 'replace');
    expect(JSON.stringify(device)).toBe(before);
  });
});

describe('ip route lines', () => {
  it('reads ip route show output and port names, and refuses NICs it cannot map', () => {
    const device = buildDevice({ ports: { Port3: PORT3_STATIC } });
    const lines = parseImportText(
      'iproute2',
      [
        '10.1.0.0/16 via 192.168.20.1 dev Port3 proto static metric 7',
        'ip route add 10.2.0.0/16 dev eth1',
        'ip -4 route replace 10.3.0.0/16 via 192.168.20.1 dev eth0',
      ].join('\n'),
      null,
    );
    expect(lines[0]?.op).toEqual({
      kind: 'add',
      route: {
        interfaceAlias: 'Port3',
        destinationPrefix: '10.1.0.0/16',
        nextHop: '192.168.20.1',
        routeMetric: 7,
      },
    });
    expect(lines[1]?.issues[0]?.code).toBe('import.nicUnmapped');
    expect(lines[2]?.issues[0]?.code).toBe('import.nicUnmapped');
    void device;
  });
});
