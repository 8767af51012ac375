/**
 * Port rules (SPEC §2, ours): static ports need an address and a contiguous mask; the address is
 * a host of its subnet; the gateway lies inside the subnet and is not the address; DNS servers are
 * valid; MTU in range where the SKU allows it. Cross-port rules live in device-config.ts.
 */
import { formatIPv4, isIPv6, isUnusableHostIPv4, parseIPv4 } from './address';
import { prefixToRange } from './ip-range';
import { type Issue, issue, issueFromError, paramText } from './issues';
import {
  type DeviceConfig,
  MTU_MAX,
  MTU_MIN,
  type PortConfig,
  type PortSettings,
  skuPortSpec,
} from './model';
import { formatPrefix, type IpPrefix, subnetOf } from './prefix';

export interface PortSubnet {
  /** The port's address as a uint32. */
  address: number;
  prefix: IpPrefix;
  /** First and last address of the subnet. */
  first: number;
  last: number;
}

/**
 * The subnet a port is on (static, or its DHCP lease), or null when IP is disabled or the port has
 * no valid address and mask.
 */
export function portSubnet(
  port: Pick<PortSettings, 'ipEnabled' | 'address' | 'subnetMask'>,
): PortSubnet | null {
  if (!port.ipEnabled || !port.address || !port.subnetMask) return null;
  try {
    const prefix = subnetOf(port.address, port.subnetMask);
    const { start, end } = prefixToRange(prefix);
    return { address: parseIPv4(port.address), prefix, first: start, last: end };
  } catch {
    return null;
  }
}

function parseIPv4Field(path: string, value: string, issues: Issue[]): number | null {
  try {
    return parseIPv4(value);
  } catch (error) {
    issues.push(
      isIPv6(value) ? issue(path, 'address.notIPv4', { value }) : issueFromError(path, error),
    );
    return null;
  }
}

/** Validates one port's settings. Paths are relative to the `PUT /api/ports/:name` body. */
export function validatePortSettings(
  name: string,
  settings: PortSettings,
  device: Pick<DeviceConfig, 'sku'>,
): Issue[] {
  const issues: Issue[] = [];
  const spec = skuPortSpec(device.sku, name);
  if (!spec) return [issue('', 'port.unknown', { port: name })];

  if (settings.mtu !== null && settings.mtu !== undefined) {
    if (!spec.mtuConfigurable) issues.push(issue('mtu', 'port.mtuNotConfigurable', { port: name }));
    else if (!Number.isInteger(settings.mtu) || settings.mtu < MTU_MIN || settings.mtu > MTU_MAX) {
      issues.push(
        issue('mtu', 'port.mtuOutOfRange', {
          value: paramText(settings.mtu),
          min: MTU_MIN,
          max: MTU_MAX,
        }),
      );
    }
  }
  // DHCP ports take their address from the lease; IP-disabled ports have none.
  if (!settings.ipEnabled || settings.dhcp) return issues;

  const address = settings.address ? parseIPv4Field('address', settings.address, issues) : null;
  if (!settings.address) issues.push(issue('address', 'field.required'));
  let length: number | null = null;
  if (!settings.subnetMask) issues.push(issue('subnetMask', 'field.required'));
  else {
    try {
      length = subnetOf('0.0.0.0', settings.subnetMask).length;
    } catch (error) {
      issues.push(issueFromError('subnetMask', error));
    }
  }
  if (address !== null && isUnusableHostIPv4(address)) {
    issues.push(issue('address', 'port.addressUnusable', { address: formatIPv4(address) }));
  }
  const subnet = address !== null && length !== null ? portSubnet(settings) : null;
  if (subnet && length !== null && length <= 30) {
    // /31 (RFC 3021) and /32 have no network or broadcast address to avoid.
    const text = formatPrefix(subnet.prefix);
    if (address === subnet.first)
      issues.push(
        issue('address', 'port.addressIsNetwork', {
          address: settings.address ?? '',
          subnet: text,
        }),
      );
    if (address === subnet.last)
      issues.push(
        issue('address', 'port.addressIsBroadcast', {
          address: settings.address ?? '',
          subnet: text,
        }),
      );
  }
  if (settings.gateway) {
    const gateway = parseIPv4Field('gateway', settings.gateway, issues);
    if (gateway !== null && subnet) {
      if (gateway < subnet.first || gateway > subnet.last) {
        issues.push(
          issue('gateway', 'port.gatewayOutsideSubnet', {
            gateway: settings.gateway,
            port: name,
            subnet: formatPrefix(subnet.prefix),
          }),
        );
      } else if (gateway === address) {
        issues.push(issue('gateway', 'port.gatewayIsAddress', { gateway: settings.gateway }));
      }
    }
  }
  settings.dns.forEach((server, i) => {
    if (server) parseIPv4Field(`dns[${i}]`, server, issues);
    else issues.push(issue(`dns[${i}]`, 'address.invalid', { value: '' }));
  });
  return issues;
}

/** The settings part of a port document. */
export function portSettingsOf(port: PortConfig): PortSettings {
  return {
    ipEnabled: port.ipEnabled,
    dhcp: port.dhcp,
    address: port.address,
    subnetMask: port.subnetMask,
    gateway: port.gateway,
    dns: [...port.dns],
    mtu: port.mtu,
  };
}
