/** Ports (SPEC §5): read them, change one, dry-run a change. Every rule is the core's. */
import {
  checkPortChange,
  type DeviceConfig,
  findPortCaseInsensitive,
  type Issue,
  localizeIssues,
  managementChangeIssues,
  type PortConfig,
  type PortSettings,
  skuPortSpec,
  unacknowledged,
  validatePortSettings,
} from '@edgenet/network-config';
import type { ApiIssue, Port } from '@edgenet/network-config/contract';
import { acknowledgementRequired, NotFound } from '../domain-errors';
import type { DeviceDriver } from '../driver/driver';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import type { WriteContext } from './write-context';

export class PortService {
  constructor(
    private readonly config: ConfigurationStore,
    private readonly driver: DeviceDriver,
  ) {}

  document(port: PortConfig, device = this.config.device): Port {
    return {
      name: port.name,
      speedGbps: port.speedGbps,
      ipEnabled: port.ipEnabled,
      dhcp: port.dhcp,
      address: port.address,
      subnetMask: port.subnetMask,
      gateway: port.gateway,
      dns: port.dns,
      mtu: port.mtu,
      mtuConfigurable: skuPortSpec(device.sku, port.name)?.mtuConfigurable ?? false,
      link: port.link,
      compute: device.compute.computePort === port.name,
    };
  }

  list(): Port[] {
    const device = this.config.device;
    return device.ports.map((p) => this.document(p, device));
  }

  private find(name: string, device: DeviceConfig = this.config.device): PortConfig {
    const port = findPortCaseInsensitive(device, name);
    if (!port) throw new NotFound('port.unknown', { port: name });
    return port;
  }

  /** The lease a DHCP setting would take now, from the device. */
  private leaseFor(portName: string, settings: PortSettings) {
    return settings.dhcp && settings.ipEnabled ? this.driver.lease(portName) : undefined;
  }

  update(
    name: string,
    settings: PortSettings,
    context: WriteContext,
  ): { port: Port; issues: ApiIssue[]; revision: number } {
    this.config.checkWrite(context, true);
    const device = this.config.device;
    const port = this.find(name, device);
    const result = checkPortChange(device, port.name, settings, this.leaseFor(port.name, settings));
    this.config.refuse(result.issues);
    const candidate = this.driver.observe(result.device);
    const management = managementChangeIssues(device, candidate);
    if (unacknowledged(management, context.acknowledge).length > 0) {
      throw acknowledgementRequired(management);
    }
    const summary = `${port.name}: ${
      !settings.ipEnabled
        ? 'IP disabled'
        : settings.dhcp
          ? 'DHCP'
          : `static ${settings.address ?? ''}/${settings.subnetMask ?? ''}${settings.gateway ? ` gateway ${settings.gateway}` : ''}`
    }`;
    const revision = this.config.commit(candidate, context, summary);
    return {
      port: this.document(this.find(port.name)),
      issues: localizeIssues([...result.issues, ...management]),
      revision,
    };
  }

  /** The issues of a change, nothing saved (an unknown port is an issue, not a 404). */
  validate(name: string, settings: PortSettings): Issue[] {
    const device = this.config.device;
    const port = findPortCaseInsensitive(device, name);
    if (!port) return validatePortSettings(name, settings, device);
    return checkPortChange(device, port.name, settings, this.leaseFor(port.name, settings)).issues;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    ports: PortService;
  }
}

export default domainPlugin(
  'edgenet-ports',
  'ports',
  (app) => new PortService(app.config, app.device),
);
