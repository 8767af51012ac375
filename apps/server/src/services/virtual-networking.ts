/**
 * Virtual switches and their virtual networks (SPEC §8): the use cases over the configuration
 * service (precondition → core check → commit). Every rule is the core's.
 */
import {
  checkVirtualNetworkAdd,
  checkVirtualNetworkChange,
  checkVirtualSwitchAdd,
  checkVirtualSwitchChange,
  type DeviceConfig,
  findVirtualSwitch,
  localizeIssues,
  removeVirtualNetwork,
  removeVirtualSwitch,
  skuPortSpec,
  subnetMaskOf,
  type VirtualNetwork,
  type VirtualNetworkInput,
  type VirtualSwitch,
  type VirtualSwitchInput,
  virtualNetworksOf,
} from '@edgenet/network-config';
import type {
  VirtualNetworkAnswer,
  VirtualNetworkDoc,
  VirtualSwitchAnswer,
  VirtualSwitchDoc,
} from '@edgenet/network-config/contract';
import { Conflict, NotFound } from '../domain-errors';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import type { WriteContext, Written } from './write-context';

export class VirtualNetworkingService {
  constructor(private readonly config: ConfigurationStore) {}

  networkDocument(net: VirtualNetwork): VirtualNetworkDoc {
    return {
      name: net.name,
      switchName: net.switchName,
      vlanId: net.vlanId,
      addressSpace: net.addressSpace,
      subnetMask: subnetMaskOf(net.addressSpace),
      gateway: net.gateway,
      dnsServers: [...net.dnsServers],
      dnsSuffix: net.dnsSuffix,
    };
  }

  switchDocument(sw: VirtualSwitch, device: DeviceConfig = this.config.device): VirtualSwitchDoc {
    return {
      name: sw.name,
      interfaceAlias: sw.interfaceAlias,
      mtu: sw.mtu,
      mtuConfigurable: skuPortSpec(device.sku, sw.interfaceAlias)?.mtuConfigurable ?? false,
      supportsAcceleratedNetworking: sw.supportsAcceleratedNetworking,
      enabledForCompute: sw.enabledForCompute,
      virtualNetworks: virtualNetworksOf(device, sw.name).map((n) => this.networkDocument(n)),
    };
  }

  list(): VirtualSwitchDoc[] {
    const device = this.config.device;
    return (device.virtualSwitches ?? []).map((s) => this.switchDocument(s, device));
  }

  private switchOrThrow(name: string): VirtualSwitch {
    const sw = findVirtualSwitch(this.config.device, name);
    if (!sw) throw new NotFound('vswitch.unknown', { name });
    return sw;
  }

  get(name: string): VirtualSwitchDoc {
    return this.switchDocument(this.switchOrThrow(name));
  }

  add(input: VirtualSwitchInput, context: WriteContext): VirtualSwitchAnswer {
    this.config.checkWrite(context, false);
    const result = checkVirtualSwitchAdd(this.config.device, input);
    this.config.refuse(result.issues, result.virtualSwitch);
    const sw = result.virtualSwitch;
    const revision = this.config.commit(
      result.device,
      context,
      `Virtual switch added: ${sw.name} on ${sw.interfaceAlias} (MTU ${sw.mtu})`,
    );
    return { ...this.get(sw.name), issues: localizeIssues(result.issues), revision };
  }

  change(name: string, input: VirtualSwitchInput, context: WriteContext): VirtualSwitchAnswer {
    this.config.checkWrite(context, true);
    const previous = this.switchOrThrow(name);
    const result = checkVirtualSwitchChange(this.config.device, previous.name, input);
    this.config.refuse(result.issues, result.virtualSwitch);
    const sw = result.virtualSwitch;
    const revision = this.config.commit(
      result.device,
      context,
      `Virtual switch changed: ${previous.name} → ${sw.name} on ${sw.interfaceAlias} (MTU ${sw.mtu})`,
    );
    return { ...this.get(sw.name), issues: localizeIssues(result.issues), revision };
  }

  /**
   * Deletes a switch and its networks (doc). The compute switch of a configured device is refused
   * (disable compute first); a switch with networks or the compute role needs `force` (the web asks
   * first, the cmdlet is refused with the device's wording).
   */
  remove(name: string, force: boolean, context: WriteContext): Written {
    this.config.checkWrite(context, false);
    this.switchOrThrow(name);
    const removal = removeVirtualSwitch(this.config.device, name);
    if (!removal) throw new Error('unreachable: the switch was just found');
    const sw = removal.virtualSwitch;
    if (removal.refused) throw new Conflict('vswitch.computeInUse', { name: sw.name });
    if (removal.confirm.length > 0 && !force) {
      throw new Conflict('vswitch.confirmDelete', {
        name: sw.name,
        networks: removal.confirm.includes('networks')
          ? removal.virtualNetworks.map((n) => n.name).join(', ')
          : undefined,
        compute: removal.confirm.includes('compute'),
      });
    }
    const revision = this.config.commit(
      removal.device,
      context,
      `Virtual switch deleted: ${sw.name}${
        removal.virtualNetworks.length > 0
          ? ` with ${removal.virtualNetworks.map((n) => n.name).join(', ')}`
          : ''
      }`,
    );
    return { revision };
  }

  addNetwork(
    switchName: string,
    input: VirtualNetworkInput,
    context: WriteContext,
  ): VirtualNetworkAnswer {
    this.config.checkWrite(context, false);
    const sw = this.switchOrThrow(switchName);
    const result = checkVirtualNetworkAdd(this.config.device, sw.name, input);
    this.config.refuse(result.issues, result.virtualNetwork);
    const net = result.virtualNetwork;
    const revision = this.config.commit(
      result.device,
      context,
      `Virtual network added: ${net.name} on ${sw.name} (VLAN ${net.vlanId}, ${net.addressSpace})`,
    );
    return { ...this.networkDocument(net), issues: localizeIssues(result.issues), revision };
  }

  changeNetwork(
    switchName: string,
    name: string,
    input: VirtualNetworkInput,
    context: WriteContext,
  ): VirtualNetworkAnswer {
    this.config.checkWrite(context, true);
    const sw = this.switchOrThrow(switchName);
    const result = checkVirtualNetworkChange(this.config.device, sw.name, name, input);
    if (result.issues.some((i) => i.code === 'vnet.unknown')) throw this.unknownNetwork(sw, name);
    this.config.refuse(result.issues, result.virtualNetwork);
    const net = result.virtualNetwork;
    const revision = this.config.commit(
      result.device,
      context,
      `Virtual network changed: ${name} on ${sw.name} (VLAN ${net.vlanId}, ${net.addressSpace})`,
    );
    return { ...this.networkDocument(net), issues: localizeIssues(result.issues), revision };
  }

  removeNetwork(switchName: string, name: string, context: WriteContext): Written {
    this.config.checkWrite(context, false);
    const sw = this.switchOrThrow(switchName);
    const removed = removeVirtualNetwork(this.config.device, sw.name, name);
    if (!removed) throw this.unknownNetwork(sw, name);
    const revision = this.config.commit(
      removed.device,
      context,
      `Virtual network deleted: ${removed.virtualNetwork.name} on ${sw.name}`,
    );
    return { revision };
  }

  private unknownNetwork(sw: VirtualSwitch, name: string) {
    return new NotFound('vnet.unknown', { switchName: sw.name, name });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    virtualNetworking: VirtualNetworkingService;
  }
}

export default domainPlugin(
  'edgenet-virtual-networking',
  'virtualNetworking',
  (app) => new VirtualNetworkingService(app.config),
);
