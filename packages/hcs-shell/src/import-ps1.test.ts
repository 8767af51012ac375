import { describe, expect, it } from 'vitest';
import { parsePs1Import } from './import-ps1';

describe('parsePs1Import: a script read by the console’s own PowerShell parser', () => {
  it('reads the documented lines, abbreviated and reordered parameters, quotes and comments', () => {
    const lines = parsePs1Import(
      [
        '\uFEFF# plan',
        'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
        '',
        "add-hcsnetroute -next '192.168.20.1' -Dest 10.0.0.0/8 -InterfaceAlias Port3 # inline comment",
        'Remove-HcsNetRoute -InterfaceAlias Port3 `',
        '  -DestinationPrefix 192.168.21.0/24',
        'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16',
      ].join('\r\n'),
    );
    expect(lines.map((l) => [l.line, l.op])).toEqual([
      [
        2,
        {
          kind: 'add',
          route: {
            interfaceAlias: 'Port3',
            destinationPrefix: '192.168.20.0/24',
            nextHop: '192.168.20.1',
            routeMetric: 100,
          },
        },
      ],
      [
        4,
        {
          kind: 'add',
          route: {
            interfaceAlias: 'Port3',
            destinationPrefix: '10.0.0.0/8',
            nextHop: '192.168.20.1',
          },
        },
      ],
      [5, { kind: 'remove', interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' }],
      [7, { kind: 'cidrs', podCidr: '10.96.0.0/16', serviceCidr: '10.97.0.0/16' }],
    ]);
  });

  it('a line PowerShell cannot run carries PowerShell’s own reason in English and Japanese', () => {
    const [bad, missing, other, pipeline] = parsePs1Import(
      [
        'Add-HcsNetRoute -InterfaceAlias Port3 -Nexthop2 1.2.3.4',
        'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8',
        'Get-HcsNetRoute',
        'Get-HcsNetRoute | Remove-HcsNetRoute',
      ].join('\n'),
    );
    expect(bad?.issues[0]?.code).toBe('import.scriptError');
    expect(String(bad?.issues[0]?.params.en)).toMatch(/Nexthop2/);
    expect(String(bad?.issues[0]?.params.ja)).toMatch(/[\u3040-\u30ff]/);
    expect(missing?.issues[0]?.code).toBe('import.scriptError');
    expect(other?.issues[0]).toMatchObject({
      code: 'import.commandUnsupported',
      params: { command: 'Get-HcsNetRoute' },
    });
    expect(pipeline?.line).toBe(4);
    expect(pipeline?.op).toBeNull();
  });
});
