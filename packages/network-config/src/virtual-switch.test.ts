import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/virtual-networking.json';
import {
  assertWellFormed,
  buildDevice,
  type DeviceSetup,
  expectIssue,
  labDevice,
  summarize,
} from '../test/helpers';
import { validateComputeSettings } from './compute-config';
import { validateDevice } from './device-config';
import type { DeviceConfig } from './model';
import {
  addressSpaceOf,
  computeSwitchOf,
  isAzureName,
  subnetMaskOf,
  upgradeDevice,
  type VirtualNetworkInput,
  type VirtualSwitchInput,
  withComputeSwitch,
} from './virtual-switch';
import {
  checkComputeSwitchChange,
  checkVirtualNetworkAdd,
  checkVirtualNetworkChange,
  checkVirtualSwitchAdd,
  checkVirtualSwitchChange,
  removeVirtualNetwork,
  removeVirtualSwitch,
} from './virtual-switch-change';

const base = fixtures.base as DeviceSetup;

function withSwitches(device: DeviceConfig, inputs: VirtualSwitchInput[]): DeviceConfig {
  let d = device;
  for (const input of inputs) d = checkVirtualSwitchAdd(d, input).device;
  return d;
}

/** VLAN 10 on 10.10.0.0/24, the network most cases add. */
const VNET1 = { name: 'vnet1', vlanId: 10, addressSpace: '10.10.0.0/24', gateway: '10.10.0.1' };

/** `device` with VNET1 added on vswitch-Port4 (which it must have). */
function withVnet1(device: DeviceConfig): DeviceConfig {
  return checkVirtualNetworkAdd(device, 'vswitch-Port4', VNET1).device;
}

describe('checkVirtualSwitchAdd (fixtures)', () => {
  it.each(fixtures.switches)('$name', (row) => {
    const device = withSwitches(buildDevice(base), (row.existing ?? []) as VirtualSwitchInput[]);
    const { issues } = checkVirtualSwitchAdd(device, row.add as VirtualSwitchInput);
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const i of issues) assertWellFormed(i);
  });
});

describe('checkVirtualNetworkAdd (fixtures)', () => {
  it.each(fixtures.networks)('$name', (row) => {
    let device = withSwitches(buildDevice(base), [
      { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
    ]);
    for (const net of (row.existing ?? []) as VirtualNetworkInput[]) {
      device = checkVirtualNetworkAdd(device, 'vswitch-Port4', net).device;
    }
    const { issues } = checkVirtualNetworkAdd(
      device,
      'vswitch-Port4',
      row.add as VirtualNetworkInput,
    );
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const i of issues) assertWellFormed(i);
  });
});

describe('virtual networks', () => {
  const device = withSwitches(buildDevice(base), [
    { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
  ]);

  it('host bits in the address space suggest the network', () => {
    const { issues } = checkVirtualNetworkAdd(device, 'vswitch-Port4', {
      name: 'vnet1',
      vlanId: 10,
      addressSpace: '10.10.0.5/24',
      gateway: '10.10.0.1',
    });
    expect(expectIssue(issues, 'addressSpace', 'prefix.hostBits').params.canonical).toBe(
      '10.10.0.0/24',
    );
  });

  it('an unknown switch is named in the issue', () => {
    const { issues } = checkVirtualNetworkAdd(device, 'nope', { ...VNET1, vlanId: 1 });
    expectIssue(issues, 'virtualSwitchName', 'vnet.switchUnknown');
  });

  it('a port change that would overlap a virtual network is refused elsewhere', () => {
    const withNet = withVnet1(device);
    expect(summarize(validateDevice(withNet))).toEqual([]);
    const moved = {
      ...withNet,
      ports: withNet.ports.map((p) =>
        p.name === 'Port4' ? { ...p, address: '10.10.0.20', subnetMask: '255.255.0.0' } : p,
      ),
    };
    expect(summarize(validateDevice(moved))).toContain(
      'error virtualNetworks[0].addressSpace vnet.overlapsPort',
    );
  });

  it('changes and removes a network', () => {
    const withNet = withVnet1(device);
    const changed = checkVirtualNetworkChange(withNet, 'VSWITCH-PORT4', 'vnet1', {
      ...VNET1,
      vlanId: 20,
    });
    expect(changed.issues).toEqual([]);
    expect(changed.device.virtualNetworks?.[0]?.vlanId).toBe(20);
    const removed = removeVirtualNetwork(changed.device, 'vswitch-Port4', 'VNET1');
    expect(removed?.device.virtualNetworks).toEqual([]);
    expect(removeVirtualNetwork(changed.device, 'vswitch-Port4', 'other')).toBeNull();
  });

  it('names follow the Azure rules; address spaces come from gateway and mask', () => {
    expect(isAzureName('ab')).toBe(true);
    expect(isAzureName('a')).toBe(false);
    expect(isAzureName('a'.repeat(64))).toBe(true);
    expect(isAzureName('a'.repeat(65))).toBe(false);
    expect(isAzureName('vnet/1')).toBe(false);
    expect(addressSpaceOf('10.10.0.1', '255.255.255.0')).toBe('10.10.0.0/24');
    expect(addressSpaceOf('10.10.0.1', '255.0.255.0')).toBeNull();
    expect(subnetMaskOf('10.10.0.0/22')).toBe('255.255.252.0');
  });
});

describe('switch changes and removal', () => {
  const device = withSwitches(labDevice('NotConfigured', base), [
    { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
  ]);

  it('a rename carries the networks along', () => {
    const withNet = withVnet1(device);
    const renamed = checkVirtualSwitchChange(withNet, 'vswitch-Port4', {
      name: 'lab-switch',
      interfaceAlias: 'Port4',
      mtu: 1400,
    });
    expect(renamed.issues).toEqual([]);
    expect(renamed.device.virtualNetworks?.[0]?.switchName).toBe('lab-switch');
  });

  it('removing a switch with networks asks for confirmation and removes them', () => {
    const withNet = withVnet1(device);
    const removal = removeVirtualSwitch(withNet, 'vswitch-port4');
    expect(removal?.confirm).toEqual(['networks']);
    expect(removal?.refused).toBeNull();
    expect(removal?.device.virtualSwitches?.map((s) => s.name)).toEqual([]);
    expect(removal?.device.virtualNetworks).toEqual([]);
  });

  it('the switch of a configured compute port cannot be removed or moved', () => {
    const configured = withComputeSwitch(labDevice('Configured', base));
    const removal = removeVirtualSwitch(configured, 'vswitch-Port3');
    expect(removal?.confirm).toEqual(['compute']);
    expect(removal?.refused).toBe('computeConfigured');
    const moved = checkVirtualSwitchChange(configured, 'vswitch-Port3', {
      name: 'vswitch-Port3',
      interfaceAlias: 'Port4',
    });
    expectIssue(moved.issues, 'interfaceAlias', 'vswitch.computeLocked');
  });
});

describe('upgradeDevice', () => {
  it('derives the compute switch of a document stored before virtual switches existed', () => {
    const old = labDevice('Configured', base) as DeviceConfig & Record<string, unknown>;
    delete old.virtualSwitches;
    delete old.virtualNetworks;
    const upgraded = upgradeDevice(old);
    expect(upgraded.virtualSwitches).toEqual([
      {
        name: 'vswitch-Port3',
        interfaceAlias: 'Port3',
        mtu: 1500,
        supportsAcceleratedNetworking: false,
        enabledForCompute: true,
      },
    ]);
    expect(upgraded.virtualNetworks).toEqual([]);
    // Idempotent: a second pass returns the very same object.
    expect(upgradeDevice(upgraded)).toBe(upgraded);
    expect(summarize(validateDevice(upgraded))).toEqual(summarize(validateDevice(old)));
  });

  it('an old document without compute gets no switch; the firmware is set when given', () => {
    const old = buildDevice(base) as DeviceConfig & Record<string, unknown>;
    delete old.virtualSwitches;
    const upgraded = upgradeDevice(old, { firmware: '2023' });
    expect(upgraded.virtualSwitches).toEqual([]);
    expect(upgraded.firmware).toBe('2023');
    expect(upgradeDevice(upgraded, { firmware: '2023' })).toBe(upgraded);
  });
});

describe('the compute switch', () => {
  const settings = {
    computePort: 'Port3',
    nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
    serviceIpRange: { start: '192.168.20.60', end: '192.168.20.61' },
    podCidr: '172.27.0.0/16',
    serviceCidr: '172.28.0.0/16',
  };

  it('enabling compute on a port (2021 page) creates vswitch-PortN', () => {
    const result = checkComputeSwitchChange(buildDevice(base), settings);
    expect(result.issues).toEqual([]);
    expect(computeSwitchOf(result.device)?.name).toBe('vswitch-Port3');
  });

  it('enabling compute on a port uses the switch already there', () => {
    const device = withSwitches(buildDevice(base), [{ name: 'lab', interfaceAlias: 'Port3' }]);
    const result = checkComputeSwitchChange(device, settings);
    expect(result.device.virtualSwitches?.map((s) => [s.name, s.enabledForCompute])).toEqual([
      ['lab', true],
    ]);
  });

  it('naming a switch (2023 page) moves compute to its port; only one switch has the role', () => {
    const device = withSwitches(buildDevice(base), [
      { name: 'vswitch-Port3', interfaceAlias: 'Port3' },
      { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
    ]);
    const first = checkComputeSwitchChange(device, { ...settings, computeSwitch: 'vswitch-Port3' });
    const second = checkComputeSwitchChange(
      { ...first.device, compute: { ...first.device.compute, computePort: 'Port3' } },
      {
        ...settings,
        computeSwitch: 'vswitch-Port4',
        nodeIpRange: { start: '192.168.40.50', end: '192.168.40.51' },
        serviceIpRange: null,
      },
    );
    expect(second.device.compute.computePort).toBe('Port4');
    expect(
      second.device.virtualSwitches?.filter((s) => s.enabledForCompute).map((s) => s.name),
    ).toEqual(['vswitch-Port4']);
  });

  it('an unknown compute switch is an issue on computeSwitch', () => {
    const result = checkComputeSwitchChange(buildDevice(base), {
      ...settings,
      computeSwitch: 'x1',
    });
    expectIssue(result.issues, 'computeSwitch', 'compute.switchUnknown');
  });

  it('two switches enabled for compute is an error', () => {
    const device = withSwitches(buildDevice(base), [
      { name: 'vswitch-Port3', interfaceAlias: 'Port3' },
      { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
    ]);
    const both = {
      ...device,
      virtualSwitches: device.virtualSwitches?.map((s) => ({ ...s, enabledForCompute: true })),
    };
    expectIssue(
      validateDevice(both),
      'virtualSwitches[1].enabledForCompute',
      'vswitch.computeTaken',
    );
  });
});

describe('Kubernetes IPs by firmware', () => {
  const device2021 = buildDevice(base);
  const device2023 = { ...buildDevice(base), firmware: '2023' as const };
  const none = {
    computePort: 'Port3',
    nodeIpRange: null,
    serviceIpRange: null,
    podCidr: '172.27.0.0/16',
    serviceCidr: '172.28.0.0/16',
  };
  const nodes = { start: '192.168.20.50', end: '192.168.20.51' };

  it('2021 requires node and service IPs (the seed Compute page)', () => {
    expect(summarize(validateComputeSettings(none, device2021))).toEqual([
      'error nodeIpRange field.required',
      'error serviceIpRange field.required',
    ]);
  });

  it('2023 allows compute with no Kubernetes IPs at all (virtual machines only)', () => {
    expect(validateComputeSettings(none, device2023)).toEqual([]);
  });

  it('2023 warns when service IPs are empty', () => {
    expect(summarize(validateComputeSettings({ ...none, nodeIpRange: nodes }, device2023))).toEqual(
      ['warning serviceIpRange compute.serviceIpsRecommended'],
    );
  });

  it('2023 still needs node IPs when service IPs are given', () => {
    expect(
      summarize(
        validateComputeSettings(
          { ...none, serviceIpRange: { start: '192.168.20.60', end: '192.168.20.60' } },
          device2023,
        ),
      ),
    ).toEqual(['error nodeIpRange field.required']);
  });
});

describe('a network given as gateway and subnet mask (the local UI)', () => {
  const device = withSwitches(buildDevice(base), [
    { name: 'vswitch-Port4', interfaceAlias: 'Port4' },
  ]);
  const input = { name: 'vnet1', vlanId: 10, gateway: '10.10.0.1' };

  it('derives the address space', () => {
    const result = checkVirtualNetworkAdd(device, 'vswitch-Port4', {
      ...input,
      subnetMask: '255.255.255.0',
    });
    expect(result.issues).toEqual([]);
    expect(result.virtualNetwork?.addressSpace).toBe('10.10.0.0/24');
  });

  it('puts a bad mask, and an overlap, on the mask field', () => {
    expect(
      summarize(
        checkVirtualNetworkAdd(device, 'vswitch-Port4', { ...input, subnetMask: '255.0.255.0' })
          .issues,
      ),
    ).toEqual(['error subnetMask mask.notContiguous']);
    expect(
      summarize(
        checkVirtualNetworkAdd(device, 'vswitch-Port4', {
          ...input,
          gateway: '192.168.40.1',
          subnetMask: '255.255.255.0',
        }).issues,
      ),
    ).toEqual(['error subnetMask vnet.overlapsPort']);
  });
});
