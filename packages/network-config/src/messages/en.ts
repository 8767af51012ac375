import type { MessageTable } from '../issues';

const FIELDS: Record<string, string> = {
  computePort: 'The compute port',
  nodeIpRange: 'Kubernetes node IPs',
  serviceIpRange: 'Kubernetes external service IPs',
  podCidr: 'The pod CIDR',
  serviceCidr: 'The service CIDR',
};

/** English messages: each names the field's value and, where there is one, the fix. */
export const messagesEn: MessageTable = {
  'field.required': () => 'This field is required.',
  'field.invalid': (p) => `This value is not valid${p.detail ? `: ${p.detail}` : ''}.`,
  'address.invalid': (p) =>
    p.value === ''
      ? 'Enter an IP address.'
      : `"${p.value}" is not a valid IP address (expected e.g. 192.168.20.10).`,
  'address.notIPv4': (p) => `"${p.value}" is not an IPv4 address; ports and ranges are IPv4 only.`,
  'mask.invalid': (p) => `"${p.value}" is not a valid subnet mask (expected e.g. 255.255.255.0).`,
  'mask.notContiguous': (p) =>
    `${p.value} is not a contiguous subnet mask: its one bits must come first (e.g. 255.255.255.0).`,
  'prefix.invalid': (p) =>
    `"${p.value}" is not an IP address or prefix (expected e.g. 192.168.20.0/24).`,
  'prefix.lengthInvalid': (p) =>
    `The prefix length in "${p.value}" must be a whole number from 0 to ${p.max}.`,
  'prefix.hostBits': (p) => `${p.value} has host bits set. Did you mean ${p.canonical}?`,
  'range.invalid': (p) => `"${p.value}" is not a range (expected start-end).`,
  'range.startAfterEnd': (p) => `The range starts at ${p.start}, after its end ${p.end}.`,
  'port.unknown': (p) => `This device has no port named ${p.port}.`,
  'port.addressUnusable': (p) =>
    `${p.address} cannot be a port address (loopback, multicast, broadcast or unspecified).`,
  'port.addressIsNetwork': (p) =>
    `${p.address} is the network address of ${p.subnet}; choose a host address.`,
  'port.addressIsBroadcast': (p) =>
    `${p.address} is the broadcast address of ${p.subnet}; choose a host address.`,
  'port.addressInUse': (p) => `${p.address} is already the address of ${p.other}.`,
  'port.gatewayOutsideSubnet': (p) =>
    `Gateway ${p.gateway} is outside ${p.port}'s subnet ${p.subnet}.`,
  'port.gatewayIsAddress': (p) => `The gateway ${p.gateway} cannot be the port's own address.`,
  'port.subnetsOverlap': (p) =>
    `${p.port}'s subnet ${p.subnet} overlaps ${p.other}'s subnet ${p.otherSubnet}; traffic may leave by either port.`,
  'port.mtuOutOfRange': (p) =>
    `The MTU must be a whole number from ${p.min} to ${p.max}${p.value && p.value !== 'NaN' ? ` (not ${p.value})` : ''}.`,
  'port.mtuNotConfigurable': (p) => `The MTU of ${p.port} cannot be changed on this device.`,
  'port.subnetOverlapsPodCidr': (p) =>
    `${p.port}'s subnet ${p.subnet} overlaps the pod CIDR ${p.cidr}.`,
  'port.subnetOverlapsServiceCidr': (p) =>
    `${p.port}'s subnet ${p.subnet} overlaps the service CIDR ${p.cidr}.`,
  'compute.portUnknown': (p) => `This device has no port named ${p.port}.`,
  'compute.portIpDisabled': (p) => `${p.port} has IP disabled; enable IP on it before compute.`,
  'compute.portDhcp': (p) =>
    `${p.port} uses DHCP: its subnet may change, and the static ranges must stay outside the DHCP scope. A static configuration is safer.`,
  'compute.portNoAddress': (p) =>
    `${p.port} has no IP address yet; configure it (static) before enabling compute.`,
  'compute.rangeNotIPv4': (p) =>
    `"${p.value}" is not an IPv4 address (expected e.g. 192.168.20.50).`,
  'compute.rangeOutsideSubnet': (p) => `${p.address} is outside ${p.port}'s subnet ${p.subnet}.`,
  'compute.rangeIncludesNetwork': (p) =>
    `The range includes ${p.address}, the network address of ${p.subnet}.`,
  'compute.rangeIncludesBroadcast': (p) =>
    `The range includes ${p.address}, the broadcast address of ${p.subnet}.`,
  'compute.rangeIncludesPortAddress': (p) =>
    `The range includes ${p.address}, the address of ${p.port}.`,
  'compute.rangeIncludesGateway': (p) =>
    `The range includes ${p.address}, the gateway of ${p.port}.`,
  'compute.rangeIncludesDns': (p) => `The range includes ${p.address}, a DNS server of ${p.port}.`,
  'compute.nodeRangeTooSmall': (p) =>
    `The node range has ${p.size} address(es); a ${p.nodeCount}-node device needs at least ${p.required} (one master plus one worker per node).`,
  'compute.rangesOverlap': (p) =>
    `The Kubernetes node IPs and external service IPs overlap (${p.first}–${p.last}).`,
  'compute.rangeOverlapsPodCidr': (p) => `The range overlaps the pod CIDR ${p.cidr}.`,
  'compute.rangeOverlapsServiceCidr': (p) => `The range overlaps the service CIDR ${p.cidr}.`,
  'compute.cidrNotIPv4': (p) => `${p.value} must be an IPv4 prefix (e.g. 172.27.0.0/16).`,
  'compute.cidrsOverlap': (p) =>
    `The pod CIDR ${p.podCidr} and the service CIDR ${p.serviceCidr} overlap.`,
  'compute.serviceCidrTooSmall': (p) =>
    `The service CIDR ${p.value} is too small: it needs room for the kubernetes and kube-dns services (/${p.maxLength} or larger).`,
  'compute.locked': (p) =>
    `${FIELDS[String(p.field)] ?? p.field} cannot change while compute is ${p.state === 'Configuring' ? 'being configured' : 'configured'}; ${p.state === 'Configuring' ? 'wait for the change to finish' : 'disable compute first'}.`,
  'route.interfaceUnknown': (p) => `This device has no interface named ${p.interfaceAlias}.`,
  'route.interfaceIpDisabled': (p) => `${p.interfaceAlias} has IP disabled.`,
  'route.interfaceNotStatic': (p) =>
    `${p.interfaceAlias} uses DHCP; routes need an interface with a static configuration.`,
  'route.familyMismatch': (p) =>
    `Destination ${p.destination} and next hop ${p.nextHop} are not the same address family.`,
  'route.nextHopOutsideSubnet': (p) =>
    `Next hop ${p.nextHop} is outside ${p.interfaceAlias}'s subnet ${p.subnet}.`,
  'route.nextHopIsInterface': (p) =>
    `Next hop ${p.nextHop} is ${p.interfaceAlias}'s own address; use the gateway's address, or 0.0.0.0 for on-link.`,
  'route.nextHopNotLinkLocal': (p) =>
    `Next hop ${p.nextHop} is not reachable: ports have no IPv6 subnet, so use :: (on-link) or a link-local fe80:: address.`,
  'route.metricInvalid': (p) =>
    `Route metric "${p.value}" must be a whole number from ${p.min} to ${p.max}.`,
  'route.duplicate': (p) =>
    `A route to ${p.destinationPrefix} on ${p.interfaceAlias} already exists; remove it first to change it.`,
  'route.destinationInPodCidr': (p) =>
    `Destination ${p.destination} lies in the pod CIDR ${p.cidr}, which Calico routes itself.`,
  'route.destinationInServiceCidr': (p) =>
    `Destination ${p.destination} lies in the service CIDR ${p.cidr}, which Kubernetes routes itself.`,
  'route.destinationConnected': (p) =>
    `Destination ${p.destination} is inside ${p.interfaceAlias}'s own subnet ${p.subnet}, which is already reachable directly; the route is redundant.`,
  'route.defaultRoute': () =>
    `A route to 0.0.0.0/0 takes over the VMs' internet path from the internal virtual switch.`,
  'route.notComputePort': (p) =>
    `${p.interfaceAlias} is not the compute port${p.computePort ? ` (${p.computePort})` : ''}: the route is kept but inactive on the Kubernetes VMs.`,
  'route.computeNotConfigured': () =>
    `Compute is not configured yet: the route is installed on the Kubernetes VMs once it is.`,
  'route.vmUnknown': (p) =>
    `There is no Kubernetes VM named ${p.vm}${p.vms ? ` (VMs: ${p.vms})` : ''}.`,
  'route.nextHopIsNetwork': (p) =>
    `Next hop ${p.nextHop} is the network address of ${p.interfaceAlias}'s subnet ${p.subnet}; use a host address of the subnet.`,
  'route.nextHopIsBroadcast': (p) =>
    `Next hop ${p.nextHop} is the broadcast address of ${p.interfaceAlias}'s subnet ${p.subnet}; the VMs' Linux kernel refuses it as a gateway.`,
  'route.nextHopIsPortAddress': (p) =>
    `Next hop ${p.nextHop} is ${p.port}'s own address on this device, not a gateway.`,
  'route.nextHopIsNodeIp': (p) =>
    `Next hop ${p.nextHop} is the node IP of the Kubernetes VM ${p.vm}: on that VM it is a local address, which the kernel refuses as a gateway.`,
  'route.nextHopIsServiceIp': (p) =>
    `Next hop ${p.nextHop} is in the external service IP range ${p.start}–${p.end}, which MetalLB hands to services; it is not a gateway.`,
  'route.sameAsConnected': (p) =>
    `${p.destination} with metric ${p.metric} is already the connected route of ${p.connectedTo}; the VMs' Linux kernel refuses a second route with the same prefix and metric ("File exists"). Use another metric, or no route.`,
  'route.destinationInternalSubnet': (p) =>
    `Destination ${p.destination} lies in the internal virtual switch's subnet ${p.subnet}, which the VMs reach directly on their internal NIC.`,
  'route.destinationLoopback': (p) =>
    `Destination ${p.destination} is in the loopback block 127.0.0.0/8, which the VMs always deliver to themselves.`,
  'route.destinationMulticast': (p) =>
    `Destination ${p.destination} is in the multicast block 224.0.0.0/4; multicast goes out on the link, not through a gateway.`,
  'route.destinationBroadcast': (p) =>
    `Destination ${p.destination} is the limited broadcast address; broadcasts stay on the link.`,
  'compute.cidrHostBits': (p) =>
    `${p.value} has host bits set; it is taken as the network ${p.canonical}.`,
  'password.length': (p) => `The password must be ${p.min} to ${p.max} characters long.`,
  'password.classes': (p) =>
    `The password must use at least ${p.required} of: upper-case letters, lower-case letters, digits, special characters (it uses ${p.used}).`,
  'password.unchanged': () => 'The new password must differ from the current one.',
  'password.incorrect': () => 'The current password is not correct.',
  'port.managementChange': (p) =>
    `${p.port} is the management port: ${
      p.reason === 'ipOff'
        ? 'turning its IP off'
        : p.reason === 'dhcp'
          ? 'switching it to DHCP'
          : 'changing its address'
    } can cut you off from this console. Acknowledge to apply it tentatively; it reverts unless you confirm.`,
  'import.lineUnreadable': (p) =>
    `This line cannot be read as ${p.format}; expected a line like: ${p.expected}`,
  'import.commandUnsupported': (p) =>
    `${p.command} cannot be imported; only Add-HcsNetRoute, Remove-HcsNetRoute and Set-HcsKubeClusterNetworkInfo lines can.`,
  'import.scriptError': (p) => `PowerShell cannot read this line: ${p.en}`,
  'import.jsonInvalid': (p) =>
    `This is not a configuration document: ${p.detail}. Expected the JSON that Export → json writes.`,
  'import.duplicateLine': (p) =>
    `Line ${p.line} already sets a route to ${p.destinationPrefix} on ${p.interfaceAlias}, with other values; keep one of the two lines.`,
  'import.removeUnknown': (p) =>
    `There is no route to ${p.destinationPrefix} on ${p.interfaceAlias} to remove; the line changes nothing.`,
  'import.nicUnmapped': (p) =>
    `dev ${p.dev} names no port: use the compute port's NIC (${p.external}) once compute is enabled, or a port name such as Port3.`,
  'import.empty': () => 'The text holds no route and no setting to import.',
  'route.notFound': (p) => `There is no route to ${p.destinationPrefix} on ${p.interfaceAlias}.`,
  // Kubernetes services: Kubernetes' and MetalLB's own wording where they have one.
  'service.nameInvalid': (p) =>
    `metadata.name: Invalid value: "${p.value}": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name')`,
  'service.namespaceInvalid': (p) =>
    `metadata.namespace: Invalid value: "${p.value}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
  'service.typeUnsupported': (p) =>
    `spec.type: Unsupported value: "${p.value}": supported values: "ClusterIP", "LoadBalancer"`,
  'service.portsRequired': () => 'spec.ports: Required value',
  'service.portInvalid': (p) =>
    `spec.ports.port: Invalid value: ${p.value}: must be between 1 and 65535, inclusive`,
  'service.portDuplicate': (p) => `spec.ports: Duplicate value: ${p.port}`,
  'service.protocolInvalid': (p) =>
    `spec.ports.protocol: Unsupported value: "${p.value}": supported values: "SCTP", "TCP", "UDP"`,
  'service.targetPortInvalid': (p) =>
    `spec.ports.targetPort: Invalid value: "${p.value}": must be a port number (1–65535) or a port name (at most 15 lower-case letters, digits and '-')`,
  'service.loadBalancerIpInvalid': (p) =>
    `spec.loadBalancerIP: Invalid value: "${p.value}": must be a valid IPv4 address`,
  'service.duplicate': (p) => `services "${p.name}" already exists in namespace ${p.namespace}`,
  'service.computeNotConfigured': (p) =>
    `Services can be created once compute is Configured (it is ${p.state}): enable compute on a port with Kubernetes node and service IPs first.`,
  'service.notFound': (p) => `services "${p.name}" not found in namespace ${p.namespace}`,
  'service.pending': (p) => `${p.service} stays <pending>: ${p.event}`,
  'service.manifestInvalid': (p) => `error parsing the manifest at line ${p.line}: ${p.detail}`,
  'service.manifestKind': (p) =>
    `line ${p.line}: only Service objects (apiVersion v1) can be applied here, not ${p.kind}`,
  'service.addressChanged': (p) =>
    `Service ${p.service} changes its external IP from ${p.from} to ${p.to}.`,
  'service.addressLost': (p) =>
    `Service ${p.service} loses its external IP ${p.address} and becomes <pending>: the new range has no free address for it.`,
  'service.addressesKept': (p) => `${p.count} service(s) keep their external IP: ${p.services}.`,
  'vswitch.nameInvalid': (p) =>
    `"${p.value}" is not a valid name: use ${p.min} to ${p.max} characters, letters, digits, hyphens (-), underscores (_) and periods (.).`,
  'vswitch.nameTaken': (p) => `There is already a virtual switch named ${p.name}.`,
  'vswitch.interfaceUnknown': (p) => `This device has no network interface named ${p.port}.`,
  'vswitch.portTaken': (p) =>
    `${p.port} already has the virtual switch ${p.other}; a port carries at most one virtual switch.`,
  'vswitch.computeTaken': (p) =>
    `Only one virtual switch can be enabled for compute, and ${p.other} already is.`,
  'vswitch.mtuOutOfRange': (p) =>
    `The MTU must be a whole number from ${p.min} to ${p.max} (not ${p.value}).`,
  'vswitch.mtuNotConfigurable': (p) =>
    `The MTU of a virtual switch on ${p.port} cannot be changed on this device; it stays ${p.mtu}.`,
  'vswitch.computeLocked': (p) =>
    `${p.name} is enabled for compute (${p.state}): disable compute before moving it to another port.`,
  'vnet.nameInvalid': (p) =>
    `"${p.value}" is not a valid name: use ${p.min} to ${p.max} characters, letters, digits, hyphens (-), underscores (_) and periods (.).`,
  'vnet.nameTaken': (p) => `${p.switchName} already has a virtual network named ${p.name}.`,
  'vnet.vlanInvalid': (p) =>
    `The VLAN ID must be a whole number from ${p.min} to ${p.max} (not ${p.value}).`,
  'vnet.notIPv4': (p) => `"${p.value}" is not IPv4; virtual networks are IPv4 only.`,
  'vnet.addressSpaceTooSmall': (p) =>
    `${p.value} leaves no room for a gateway and hosts; use a /30 or larger network.`,
  'vnet.gatewayOutsideSubnet': (p) => `Gateway ${p.gateway} is outside the network ${p.subnet}.`,
  'vnet.gatewayNotHost': (p) =>
    `Gateway ${p.gateway} is the network or broadcast address of ${p.subnet}; choose a host address.`,
  'vnet.switchUnknown': (p) => `There is no virtual switch named ${p.name}.`,
  'vnet.unknown': (p) => `${p.switchName} has no virtual network named ${p.name}.`,
  'vnet.subnetsOverlap': (p) =>
    `The network ${p.subnet} overlaps the virtual network ${p.other} (${p.otherSubnet}).`,
  'vnet.overlapsPort': (p) =>
    `The network ${p.subnet} overlaps ${p.port}'s subnet ${p.portSubnet}.`,
  'vnet.overlapsPodCidr': (p) => `The network ${p.subnet} overlaps the pod CIDR ${p.cidr}.`,
  'vnet.overlapsServiceCidr': (p) => `The network ${p.subnet} overlaps the service CIDR ${p.cidr}.`,
  'compute.serviceIpsRecommended': () =>
    'Kubernetes external service IPs are strongly recommended: without them no service can be exposed outside the cluster.',
  'compute.switchUnknown': (p) => `There is no virtual switch named ${p.name}.`,
};
