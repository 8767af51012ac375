/**
 * The documented virtual switch and virtual network cmdlet lines (SPEC §8), word for word, run by
 * the real `edgenet-ps` against the real server on firmware 2023, and checked through the API.
 */
import type { TypedApiClient } from '@edgenet/network-config/contract/client';
import { VIRTUAL_SWITCH_FIELDS } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSession, startCliSession } from './harness';

let session: CliSession;
let api: TypedApiClient;

function edgenetPs(line: string, extra: string[] = []) {
  return session.edgenetPs(line, extra);
}

beforeAll(async () => {
  session = await startCliSession({ applyMs: 0, firmware: '2023' });
  api = session.api;
}, 60_000);

afterAll(() => session?.stop());

describe('SPEC §8 cmdlet lines against the real server', () => {
  it('Add-HcsExternalVirtualSwitch creates vswitch-Port2, and Get-HcsExternalVirtualSwitch prints the documented fields', async () => {
    const add = await edgenetPs(
      'Add-HcsExternalVirtualSwitch -InterfaceAlias Port2 -WaitForSwitchCreation $true',
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const list = await api.call('listVirtualSwitches');
    expect(list.data.virtualSwitches).toEqual([
      expect.objectContaining({ name: 'vswitch-Port2', interfaceAlias: 'Port2' }),
    ]);

    const get = await edgenetPs('Get-HcsExternalVirtualSwitch');
    expect(get.status).toBe(0);
    const fields = get.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(':')[0]?.trim());
    expect(fields).toEqual([...VIRTUAL_SWITCH_FIELDS]);
    expect(get.stdout).toContain('InterfaceAlias                : {Port2}');
  }, 60_000);

  it('a second switch on the same port is refused with the rule in words', async () => {
    const again = await edgenetPs(
      'Add-HcsExternalVirtualSwitch -InterfaceAlias Port2 -WaitForSwitchCreation $true',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Add-HcsExternalVirtualSwitch : /m);
    expect(again.stderr).toContain('a port carries at most one virtual switch');
  }, 60_000);

  it('Add-HcsVirtualNetwork adds a VLAN network; Get-HcsVirtualNetwork prints the documented table', async () => {
    const add = await edgenetPs(
      'Add-HcsVirtualNetwork -VirtualSwitchName vswitch-Port2 -VnetName vnet10 -VlanId 10 -AddressSpace 10.10.0.0/24 -GatewayIPAddress 10.10.0.1 -DnsServers "10.10.0.2" -DnsSuffix "contoso.local"',
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const list = await api.call('getVirtualSwitch', { params: { name: 'vswitch-Port2' } });
    expect(list.data.virtualNetworks).toEqual([
      expect.objectContaining({
        name: 'vnet10',
        vlanId: 10,
        addressSpace: '10.10.0.0/24',
        gateway: '10.10.0.1',
        dnsServers: ['10.10.0.2'],
        dnsSuffix: 'contoso.local',
      }),
    ]);
    const get = await edgenetPs('Get-HcsVirtualNetwork');
    const [header, rule, row] = get.stdout.split('\n').filter(Boolean);
    expect(header?.split(/\s+/)).toEqual([
      'Name',
      'AddressSpace',
      'SwitchName',
      'GatewayIPAddress',
      'DnsServers',
      'DnsSuffix',
      'VlanId',
    ]);
    expect(rule).toMatch(/^-+/);
    expect(row?.split(/\s+/)).toEqual([
      'vnet10',
      '10.10.0.0/24',
      'vswitch-Port2',
      '10.10.0.1',
      '{10.10.0.2}',
      'contoso.local',
      '10',
    ]);
  }, 60_000);

  it('a bad VLAN is an error record naming -VlanId', async () => {
    const bad = await edgenetPs(
      'Add-HcsVirtualNetwork -VirtualSwitchName vswitch-Port2 -VnetName vnet11 -VlanId 4095 -AddressSpace 10.11.0.0/24 -GatewayIPAddress 10.11.0.1',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/VlanId/);
    expect(bad.stderr).toContain('0 to 4094');
  }, 60_000);

  it('Remove-HcsVirtualNetwork removes it; the API no longer has it', async () => {
    const run = await edgenetPs(
      'Remove-HcsVirtualNetwork -VirtualSwitchName vswitch-Port2 -VnetName vnet10',
    );
    expect(run.status).toBe(0);
    const sw = await api.call('getVirtualSwitch', { params: { name: 'vswitch-Port2' } });
    expect(sw.data.virtualNetworks).toEqual([]);
    const again = await edgenetPs(
      'Remove-HcsVirtualNetwork -VirtualSwitchName vswitch-Port2 -VnetName vnet10',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('has no virtual network named vnet10');
  }, 60_000);

  it('Get-NetAdapter prints the documented columns with the NICs of the Pro GPU', async () => {
    const run = await edgenetPs('Get-NetAdapter');
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines[0]?.split(/\s+/)).toEqual([
      'Name',
      'InterfaceDescription',
      'ifIndex',
      'Status',
      'MacAddress',
      'LinkSpeed',
    ]);
    expect(lines.find((l) => l.startsWith('Port4'))).toContain(
      'QLogic 2x1GE+2x25GE QL41234HMCU NIC',
    );
    expect(lines.find((l) => l.startsWith('Port5'))).toContain(
      'Mellanox ConnectX-4 Lx Ethernet Adapter',
    );
    expect(lines.find((l) => l.startsWith('Port5'))).toMatch(/[0-9A-F]{2}(-[0-9A-F]{2}){5}/);
  }, 60_000);
});
