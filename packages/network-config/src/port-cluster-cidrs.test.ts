/**
 * A port inside the pod or service CIDR (SPEC §2, ports, added; issue 11 item 10): a warning while
 * compute is not configured — it would block enabling compute — and an error once it is.
 */
import { describe, expect, it } from 'vitest';
import { buildDevice, expectIssue, labDevice, PORT3_STATIC } from '../test/helpers';
import { checkPortChange } from './device-config';
import type { DeviceConfig } from './model';
import { portSettingsOf } from './port-config';

function movePort4(device: DeviceConfig, address: string) {
  const port = device.ports.find((p) => p.name === 'Port4');
  if (!port) throw new Error('no Port4');
  return checkPortChange(device, 'Port4', {
    ...portSettingsOf(port),
    ipEnabled: true,
    dhcp: false,
    address,
    subnetMask: '255.255.255.0',
    gateway: null,
    dns: [],
  });
}

describe('a port inside the pod or service CIDR', () => {
  it('is a warning before compute is configured (nothing blocks the save)', () => {
    const fresh = buildDevice({ ports: { Port3: PORT3_STATIC } });
    const { issues } = movePort4(fresh, '172.27.5.10');
    const found = expectIssue(issues, 'address', 'port.subnetOverlapsPodCidr', 'warning');
    expect(found.params).toMatchObject({ port: 'Port4', cidr: '172.27.0.0/16' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expectIssue(
      movePort4(fresh, '172.28.9.10').issues,
      'address',
      'port.subnetOverlapsServiceCidr',
      'warning',
    );
  });

  it('with a compute port chosen but not yet applied it is still a warning', () => {
    const { issues } = movePort4(labDevice('NotConfigured'), '172.27.5.10');
    expectIssue(issues, 'address', 'port.subnetOverlapsPodCidr', 'warning');
  });

  it('is an error once compute is configured', () => {
    const { issues } = movePort4(labDevice('Configured'), '172.27.5.10');
    expectIssue(issues, 'address', 'port.subnetOverlapsPodCidr', 'error');
    expectIssue(
      movePort4(labDevice('Configured'), '172.28.9.10').issues,
      'address',
      'port.subnetOverlapsServiceCidr',
      'error',
    );
  });

  it('a port elsewhere draws nothing', () => {
    const { issues } = movePort4(labDevice('Configured'), '10.0.4.10');
    expect(issues.filter((i) => i.code.startsWith('port.subnetOverlaps'))).toEqual([]);
  });
});
