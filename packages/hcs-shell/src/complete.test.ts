import { describe, expect, it } from 'vitest';
import { complete, lastWord } from './complete';

describe('complete', () => {
  it('completes command names case-insensitively', () => {
    expect(complete('get-hcsnet')).toEqual(['Get-HcsNetRoute']);
    expect(complete('Get-Hcs')).toEqual([
      'Get-HcsNetRoute',
      'Get-HcsKubeClusterNetworkInfo',
      'Get-HcsExternalVirtualSwitch',
      'Get-HcsApplianceInfo',
      'Get-HcsVirtualNetwork',
    ]);
    expect(complete('kub')).toEqual(['kubectl']);
  });

  it("completes a cmdlet's parameter names, its own first, leaving out those already given", () => {
    expect(complete('Add-HcsNetRoute -')).toEqual(
      expect.arrayContaining(['-InterfaceAlias', '-DestinationPrefix', '-NextHop', '-RouteMetric']),
    );
    expect(complete('Add-HcsNetRoute -')[0]).toBe('-InterfaceAlias');
    expect(complete('Add-HcsNetRoute -InterfaceAlias Port3 -In')).toEqual([
      '-InformationAction',
      '-InformationVariable',
    ]);
    expect(complete('Add-HcsNetRoute -InterfaceAlias Port3 -d')).toEqual([
      '-DestinationPrefix',
      '-Debug',
    ]);
  });

  it('completes interface aliases from hints', () => {
    const hints = { interfaceAliases: ['Port1', 'Port2', 'Port3'] };
    expect(complete('Get-HcsNetRoute -InterfaceAlias P', hints)).toEqual([
      'Port1',
      'Port2',
      'Port3',
    ]);
    expect(complete('Get-HcsNetRoute -InterfaceAlias port3', hints)).toEqual(['Port3']);
    expect(complete('Get-HcsNetRoute -InterfaceAlias ')).toEqual([]);
  });

  it('completes command names after Get-Help, and action preferences', () => {
    expect(complete('Get-Help Remove-')).toEqual([
      'Remove-HcsNetRoute',
      'Remove-HcsVirtualNetwork',
    ]);
    expect(complete('Get-HcsNetRoute -ErrorAction Si')).toEqual(['SilentlyContinue']);
  });

  it('completes kubectl words', () => {
    expect(complete('kubectl ')).toEqual(['get']);
    expect(complete('kubectl get ')).toEqual(['pods', 'services', 'svc', 'nodes']);
    expect(complete('kubectl get pods -n ')).toEqual(['default', 'kube-system', 'metallb-system']);
    expect(complete('kubectl get pods --a')).toEqual(['--all-namespaces']);
  });

  it('completes after a ; as a new statement', () => {
    expect(complete('Get-NetAdapter; Get-HcsA')).toEqual(['Get-HcsApplianceInfo']);
  });

  it('completes nothing for an unknown command', () => {
    expect(complete('Foo -')).toEqual([]);
  });
});

describe('lastWord', () => {
  it('is what a completion replaces', () => {
    expect(lastWord('Get-HcsNetRoute -Inter')).toBe('-Inter');
    expect(lastWord('Get-HcsNetRoute ')).toBe('');
  });
});
