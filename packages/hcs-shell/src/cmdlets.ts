/**
 * What the console knows about its commands: parameters (for binding, completion and help),
 * help text and examples. One table drives the parser, `Get-Help`, `Get-Command` and tab
 * completion, so they cannot disagree.
 */

export type ParameterType =
  | 'String'
  | 'Int32'
  | 'SwitchParameter'
  | 'ActionPreference'
  /** `[bool]`: takes `$true`, `$false`, 1 or 0 as its argument (`-WaitForSwitchCreation $true`). */
  | 'Boolean';

export interface ParameterInfo {
  name: string;
  type: ParameterType;
  mandatory: boolean;
  /** Position for positional binding, or null (named only). */
  position: number | null;
  /** The default shown in help, or null. */
  defaultValue: string | null;
  acceptsWildcards: boolean;
  description: string;
  /** Overrides `-Name <Type>` in help (kubectl's `-n, --namespace <namespace>`). */
  display?: string;
}

export interface HelpExample {
  code: string;
  remarks: string;
}

export interface CmdletInfo {
  name: string;
  commandType: 'Cmdlet' | 'Application';
  synopsis: string;
  description: string;
  parameters: readonly ParameterInfo[];
  examples: readonly HelpExample[];
  /** Overrides the syntax lines generated from `parameters`. */
  syntax?: readonly string[];
  /** What the command writes, for help's OUTPUTS section. */
  outputs: string;
  notes?: string;
  related: readonly string[];
  /** Server issue paths (relative to the request body) → this cmdlet's parameter names. */
  issuePaths?: Readonly<Record<string, string>>;
}

function param(
  name: string,
  type: ParameterType,
  description: string,
  options: Partial<Omit<ParameterInfo, 'name' | 'type' | 'description'>> = {},
): ParameterInfo {
  return {
    name,
    type,
    mandatory: options.mandatory ?? false,
    position: options.position ?? null,
    defaultValue: options.defaultValue ?? null,
    acceptsWildcards: options.acceptsWildcards ?? false,
    description,
    ...(options.display ? { display: options.display } : {}),
  };
}

const asJson = param(
  'AsJson',
  'SwitchParameter',
  'Writes the output as JSON instead of a table or list, for scripts. Property names are the ones the table or list shows.',
);

const ROUTE_NOTES =
  "Routes are installed on the Kubernetes master and worker VMs only, never on the device's Windows host. Only routes on the compute port are active on the VMs; a route on another port is kept but shown as inactive, with the reason.";

export const CMDLETS: readonly CmdletInfo[] = [
  {
    name: 'Add-HcsNetRoute',
    commandType: 'Cmdlet',
    synopsis: 'Adds a custom route to the Kubernetes master and worker VMs.',
    description:
      "Adds a route through one of the device's ports: packets for DestinationPrefix go to NextHop through InterfaceAlias. The interface must have a static IPv4 configuration (IP enabled, DHCP off). Routes may be added before compute is configured. A route to the same destination on the same interface cannot be added twice: remove it first to change it. Warnings (a redundant route inside the interface's own subnet, a default route) are shown, and the route is added.",
    parameters: [
      param(
        'InterfaceAlias',
        'String',
        'The port the route leaves through, for example Port3. It must have a static IPv4 configuration.',
        { mandatory: true },
      ),
      param(
        'DestinationPrefix',
        'String',
        'The destination: an IP prefix such as 192.168.21.0/24, or a single address for a host route. The prefix must be a network address; 192.168.21.5/24 is refused with the prefix it probably means.',
        { mandatory: true },
      ),
      param(
        'NextHop',
        'String',
        "The address packets are forwarded to. It must lie inside the interface's subnet and must not be the interface's own address; 0.0.0.0 means on-link (no gateway).",
        { mandatory: true },
      ),
      param(
        'RouteMetric',
        'Int32',
        "The route's priority: among routes of equal prefix length, the lowest metric wins. A whole number from 0 to 65535.",
        { defaultValue: '256' },
      ),
    ],
    examples: [
      {
        code: 'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
        remarks:
          'Sends traffic for 192.168.20.0/24 to 192.168.20.1 through Port3, with metric 100.',
      },
      {
        code: 'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.128.0.0/16 -NextHop 192.168.20.1',
        remarks: 'Adds a route with the default metric, 256.',
      },
      {
        code: 'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.5.7 -NextHop 192.168.20.1',
        remarks: 'Adds a host route: a single address is the same as 10.0.5.7/32.',
      },
    ],
    outputs: 'The route that was added.',
    notes: ROUTE_NOTES,
    related: ['Get-HcsNetRoute', 'Remove-HcsNetRoute', 'Get-NetAdapter'],
  },
  {
    name: 'Get-HcsNetRoute',
    commandType: 'Cmdlet',
    synopsis: 'Gets the custom routes of the Kubernetes VMs.',
    description:
      'Lists the custom routes added with Add-HcsNetRoute, for all interfaces or for one. System routes (connected subnets, the default route through the internal virtual switch) are not listed. The Status column tells whether the route is active on the VMs, and Reason why not.',
    parameters: [
      param(
        'InterfaceAlias',
        'String',
        'Lists only the routes through this port, for example Port3. Without it, every custom route is listed.',
      ),
      asJson,
    ],
    examples: [
      {
        code: 'Get-HcsNetRoute -InterfaceAlias Port3',
        remarks: 'Lists the custom routes through Port3.',
      },
      { code: 'Get-HcsNetRoute', remarks: 'Lists every custom route on the device.' },
      {
        code: 'Get-HcsNetRoute -AsJson',
        remarks: 'Writes the routes as a JSON array, for scripts.',
      },
    ],
    outputs:
      'One object per route: InterfaceAlias, DestinationPrefix, NextHop, RouteMetric, Status, Reason.',
    notes: ROUTE_NOTES,
    related: ['Add-HcsNetRoute', 'Remove-HcsNetRoute'],
  },
  {
    name: 'Remove-HcsNetRoute',
    commandType: 'Cmdlet',
    synopsis: 'Removes a custom route from the Kubernetes VMs.',
    description:
      'Removes the custom route identified by its interface and destination. It writes nothing when it succeeds.',
    parameters: [
      param('InterfaceAlias', 'String', 'The port of the route, for example Port3.', {
        mandatory: true,
      }),
      param(
        'DestinationPrefix',
        'String',
        'The destination of the route, exactly as Get-HcsNetRoute shows it.',
        { mandatory: true },
      ),
    ],
    examples: [
      {
        code: 'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"',
        remarks: 'Removes the route to 192.168.21.0/24 through Port3.',
      },
    ],
    outputs: 'None.',
    related: ['Get-HcsNetRoute', 'Add-HcsNetRoute'],
  },
  {
    name: 'Get-HcsKubeClusterNetworkInfo',
    commandType: 'Cmdlet',
    synopsis: 'Gets the Kubernetes pod and service subnets.',
    description:
      'Shows the pod CIDR (Calico) and the service CIDR of the Kubernetes cluster, and the compute state. In the service CIDR, the first host address is the kubernetes service and the tenth is CoreDNS.',
    parameters: [asJson],
    examples: [
      {
        code: 'Get-HcsKubeClusterNetworkInfo',
        remarks:
          'Shows the subnets; by default 172.27.0.0/16 for pods and 172.28.0.0/16 for services.',
      },
    ],
    outputs: 'A table: Id, PodSubnet, ServiceSubnet.',
    related: ['Set-HcsKubeClusterNetworkInfo'],
  },
  {
    name: 'Set-HcsKubeClusterNetworkInfo',
    commandType: 'Cmdlet',
    synopsis: 'Changes the Kubernetes pod and service subnets, before compute is configured.',
    description:
      "Sets the pod CIDR and the service CIDR of the Kubernetes cluster. Both must be IPv4 prefixes that do not overlap each other, the device's port subnets, or the Kubernetes node and service IP ranges. They can be changed only before compute is configured: once compute is Configured the change is refused; disable compute first.",
    parameters: [
      param('PodSubnet', 'String', 'The pod CIDR, for example 172.27.0.0/16.', { mandatory: true }),
      param('ServiceSubnet', 'String', 'The service CIDR, for example 172.28.0.0/16.', {
        mandatory: true,
      }),
    ],
    examples: [
      {
        code: 'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16',
        remarks: 'Moves the pods to 10.96.0.0/16 and the services to 10.97.0.0/16.',
      },
      {
        code: 'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.1/16 -ServiceSubnet 10.97.0.1/16',
        remarks:
          "The documentation's own example: an address with host bits set is taken as its network (10.96.0.0/16), with a warning.",
      },
    ],
    outputs: 'None, or the job applying the change when compute is being configured.',
    related: ['Get-HcsKubeClusterNetworkInfo'],
    issuePaths: { podCidr: 'PodSubnet', serviceCidr: 'ServiceSubnet' },
  },
  {
    name: 'Get-HcsExternalVirtualSwitch',
    commandType: 'Cmdlet',
    synopsis: "Gets the device's external virtual switches.",
    description:
      'Lists every external virtual switch: the one enabling compute on a port creates (vswitch-Port3), the ones Add-HcsExternalVirtualSwitch or the Advanced networking page create, with the port each is on, whether it is enabled for compute, and its virtual networks.',
    parameters: [asJson],
    examples: [
      { code: 'Get-HcsExternalVirtualSwitch', remarks: 'Lists the external virtual switches.' },
    ],
    outputs:
      'One object per switch: Name, InterfaceAlias, EnableIov, MacAddressPools, IPAddressPools, ConfigurationSource, EnabledForCompute, SupportsAcceleratedNetworking, DbeDhcpHostVnicName, Type, VirtualNetworks.',
    related: ['Add-HcsExternalVirtualSwitch', 'Get-HcsVirtualNetwork', 'Get-NetAdapter'],
  },
  {
    name: 'Get-NetAdapter',
    commandType: 'Cmdlet',
    synopsis: "Gets the device's network ports and their IP settings.",
    description:
      "Lists the device's ports with their link state, speed and IPv4 settings, and which one carries compute.",
    parameters: [
      param(
        'Name',
        'String',
        'Lists only the ports whose name matches; wildcards (* and ?) are allowed.',
        {
          position: 0,
          acceptsWildcards: true,
        },
      ),
      param(
        'Physical',
        'SwitchParameter',
        'Lists only physical adapters. Every adapter this console shows is a physical port, so the list is the same; the switch is accepted so that scripts written for the device run unchanged.',
      ),
      asJson,
    ],
    examples: [
      { code: 'Get-NetAdapter -Physical', remarks: 'Lists the ports.' },
      { code: 'Get-NetAdapter Port3', remarks: 'Shows Port3 only.' },
    ],
    outputs:
      'One object per port: Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed (the table), and IPEnabled, DHCP, IPv4Address (address/prefix length), SubnetMask, Gateway, DNS, MTU, SupportedSpeedsGbps, Compute (with -AsJson).',
    related: ['Get-HcsExternalVirtualSwitch'],
  },
  {
    name: 'Get-HcsApplianceInfo',
    commandType: 'Cmdlet',
    synopsis: "Gets the device's model, name, node count and software version.",
    description:
      'Shows what the device is: its name, model, node count, software version and compute state.',
    parameters: [asJson],
    examples: [{ code: 'Get-HcsApplianceInfo', remarks: 'Shows the device information.' }],
    outputs:
      'One object: FriendlyName, Model, Sku, NodeCount, IsClustered, FriendlySoftwareVersion, ComputeState.',
    related: [],
  },
  {
    name: 'Get-Help',
    commandType: 'Cmdlet',
    synopsis: 'Displays information about the commands of this console.',
    description:
      'Shows a command\'s synopsis, syntax, description, parameters and examples. Without a name, lists the commands. The name may contain wildcards. "CommandName -?" is the same as "Get-Help CommandName".',
    parameters: [
      param(
        'Name',
        'String',
        'The command to describe, for example Add-HcsNetRoute. Wildcards are allowed.',
        {
          position: 0,
          acceptsWildcards: true,
        },
      ),
      param('Examples', 'SwitchParameter', 'Shows only the name, synopsis and examples.'),
      param('Full', 'SwitchParameter', 'Shows the whole article (the default in this console).'),
      param('Detailed', 'SwitchParameter', 'Same as -Full in this console.'),
      param(
        'Parameter',
        'String',
        'Shows only the description of this parameter (wildcards allowed).',
        {
          acceptsWildcards: true,
        },
      ),
    ],
    examples: [
      { code: 'Get-Help Add-HcsNetRoute', remarks: 'Describes Add-HcsNetRoute.' },
      { code: 'Get-Help Add-HcsNetRoute -Examples', remarks: 'Shows its examples only.' },
      { code: 'Get-Help *Route*', remarks: 'Lists the commands whose name contains Route.' },
    ],
    outputs: 'Help text.',
    related: ['Get-Command'],
  },
  {
    name: 'Get-Command',
    commandType: 'Cmdlet',
    synopsis: 'Lists the commands of this console.',
    description:
      'Lists the commands this console runs, with their synopsis. The name may contain wildcards.',
    parameters: [
      param('Name', 'String', 'Lists only the commands whose name matches (wildcards allowed).', {
        position: 0,
        acceptsWildcards: true,
      }),
    ],
    examples: [{ code: 'Get-Command *Hcs*', remarks: 'Lists the Hcs cmdlets.' }],
    outputs: 'One object per command: CommandType, Name, Synopsis.',
    related: ['Get-Help'],
  },
  {
    name: 'Add-HcsExternalVirtualSwitch',
    commandType: 'Cmdlet',
    synopsis: 'Creates an external virtual switch on a port.',
    description:
      'Creates an external virtual switch on the port InterfaceAlias, named vswitch-<InterfaceAlias>, as the device does. A port carries at most one virtual switch. The switch can then carry virtual networks (Add-HcsVirtualNetwork) and be enabled for compute on the Kubernetes page.',
    parameters: [
      param('InterfaceAlias', 'String', 'The port the switch is created on, for example Port4.', {
        mandatory: true,
      }),
      param(
        'WaitForSwitchCreation',
        'Boolean',
        'Waits until the switch is created ($true). The simulated device creates it at once.',
      ),
      param(
        'SupportsAcceleratedNetworking',
        'Boolean',
        'Whether VMs on this switch may use accelerated networking ($true or $false).',
        { defaultValue: '$false' },
      ),
    ],
    examples: [
      {
        code: 'Add-HcsExternalVirtualSwitch -InterfaceAlias Port4 -WaitForSwitchCreation $true',
        remarks: 'Creates vswitch-Port4 on Port4.',
      },
    ],
    outputs: 'None.',
    related: ['Get-HcsExternalVirtualSwitch', 'Add-HcsVirtualNetwork'],
    issuePaths: {
      interfaceAlias: 'InterfaceAlias',
      name: 'InterfaceAlias',
      supportsAcceleratedNetworking: 'SupportsAcceleratedNetworking',
    },
  },
  {
    name: 'Add-HcsVirtualNetwork',
    commandType: 'Cmdlet',
    synopsis: 'Adds a virtual network (a VLAN) to a virtual switch.',
    description:
      "Adds a virtual network to an external virtual switch: its VLAN ID (0-4094), its address space and gateway, and optionally DNS servers and a DNS suffix. The name follows Azure's naming rules (2-64 letters, digits, -, _ and .). Its address space must not overlap another virtual network, a port's subnet, or the Kubernetes pod or service CIDR.",
    parameters: [
      param('VirtualSwitchName', 'String', 'The switch, for example vswitch-Port4.', {
        mandatory: true,
      }),
      param('VnetName', 'String', 'The name of the new virtual network.', { mandatory: true }),
      param('VlanId', 'Int32', 'The VLAN ID, from 0 to 4094.', { mandatory: true }),
      param('AddressSpace', 'String', 'The network, for example 10.10.0.0/24.', {
        mandatory: true,
      }),
      param('GatewayIPAddress', 'String', "The network's gateway, for example 10.10.0.1.", {
        mandatory: true,
      }),
      param(
        'DnsServers',
        'String',
        'DNS servers, separated by commas, for example "10.10.0.2,10.10.0.3".',
      ),
      param('DnsSuffix', 'String', 'The DNS suffix, for example contoso.local.'),
    ],
    examples: [
      {
        code: 'Add-HcsVirtualNetwork -VirtualSwitchName vswitch-Port4 -VnetName vnet10 -VlanId 10 -AddressSpace 10.10.0.0/24 -GatewayIPAddress 10.10.0.1',
        remarks: 'Adds VLAN 10 on 10.10.0.0/24 to vswitch-Port4.',
      },
    ],
    outputs: 'None.',
    related: ['Get-HcsVirtualNetwork', 'Remove-HcsVirtualNetwork'],
    issuePaths: {
      virtualSwitchName: 'VirtualSwitchName',
      name: 'VnetName',
      vlanId: 'VlanId',
      addressSpace: 'AddressSpace',
      gateway: 'GatewayIPAddress',
      dnsServers: 'DnsServers',
      dnsSuffix: 'DnsSuffix',
    },
  },
  {
    name: 'Get-HcsVirtualNetwork',
    commandType: 'Cmdlet',
    synopsis: 'Gets the virtual networks of the virtual switches.',
    description: 'Lists every virtual network with its switch, address space, gateway and VLAN ID.',
    parameters: [asJson],
    examples: [{ code: 'Get-HcsVirtualNetwork', remarks: 'Lists the virtual networks.' }],
    outputs:
      'One object per virtual network: Name, AddressSpace, SwitchName, GatewayIPAddress, DnsServers, DnsSuffix, VlanId.',
    related: ['Add-HcsVirtualNetwork', 'Remove-HcsVirtualNetwork'],
  },
  {
    name: 'Remove-HcsVirtualNetwork',
    commandType: 'Cmdlet',
    synopsis: 'Removes a virtual network from a virtual switch.',
    description: 'Removes the virtual network VnetName from the switch VirtualSwitchName.',
    parameters: [
      param('VirtualSwitchName', 'String', 'The switch, for example vswitch-Port4.', {
        mandatory: true,
      }),
      param('VnetName', 'String', 'The virtual network to remove.', { mandatory: true }),
    ],
    examples: [
      {
        code: 'Remove-HcsVirtualNetwork -VirtualSwitchName vswitch-Port4 -VnetName vnet10',
        remarks: 'Removes vnet10 from vswitch-Port4.',
      },
    ],
    outputs: 'None.',
    related: ['Get-HcsVirtualNetwork'],
  },
  {
    name: 'Test-NetConnection',
    commandType: 'Cmdlet',
    synopsis: 'Pings an address from a Kubernetes VM and shows the route it took (Linux driver).',
    description:
      "Sends real pings (three, one second each at most) from a Kubernetes VM to ComputerName and shows whether it answered, the kernel's route and, with -TraceRoute, the hops of a short TTL walk (four at most). It needs the server's Linux driver (EDGENET_DRIVER=linux), where the VMs are network namespaces; on the simulated device it says so. The VM must run: configure compute first.",
    parameters: [
      param('ComputerName', 'String', 'The IPv4 address to ping, for example 192.168.21.7.', {
        mandatory: true,
        position: 0,
      }),
      param('TraceRoute', 'SwitchParameter', 'Also lists the hops on the way (a TTL walk).'),
      param(
        'Vm',
        'String',
        'The Kubernetes VM the pings leave from: master (default), worker1, worker2.',
        { defaultValue: 'master' },
      ),
    ],
    examples: [
      {
        code: 'Test-NetConnection 192.168.21.7 -TraceRoute',
        remarks: 'Pings 192.168.21.7 from the master VM and lists the hops.',
      },
      {
        code: 'Test-NetConnection -ComputerName 192.168.20.1 -Vm worker1',
        remarks: "Pings Port3's gateway from the first worker VM.",
      },
    ],
    outputs:
      'One object: ComputerName, RemoteAddress, SourceVm, InterfaceAlias, NextHop, PingSucceeded, PingReplyDetails, and TraceRoute with -TraceRoute.',
    related: ['Get-HcsNetRoute'],
  },
];

/** PowerShell's action preferences, as -ErrorAction and -WarningAction take them. */
export const ACTION_PREFERENCES = [
  'SilentlyContinue',
  'Stop',
  'Continue',
  'Inquire',
  'Ignore',
  'Suspend',
  'Break',
] as const;

/**
 * The common parameters every cmdlet takes. They matter for binding as much as for behaviour:
 * with them, `-I` is ambiguous (InterfaceAlias, InformationAction, InformationVariable)
 * exactly as on the device, so a script that works here works there.
 * Honoured: -ErrorAction (SilentlyContinue/Ignore hide the error and let a script go on;
 * Stop ends the script), -WarningAction (SilentlyContinue/Ignore hide warnings), -Verbose
 * (prints each HTTP request). The others are accepted and have no effect: this console has no
 * variables, pipeline or debugger.
 */
export const COMMON_PARAMETERS: readonly ParameterInfo[] = [
  param('Verbose', 'SwitchParameter', 'Prints each request the cmdlet sends to the device.'),
  param('Debug', 'SwitchParameter', 'Accepted; no effect in this console.'),
  param(
    'ErrorAction',
    'ActionPreference',
    'SilentlyContinue or Ignore: hide the error, and let a script go on. Stop: end the script.',
  ),
  param('WarningAction', 'ActionPreference', 'SilentlyContinue or Ignore: hide warnings.'),
  param('InformationAction', 'ActionPreference', 'Accepted; no effect in this console.'),
  param('ErrorVariable', 'String', 'Accepted; no effect (this console has no variables).'),
  param('WarningVariable', 'String', 'Accepted; no effect (this console has no variables).'),
  param('InformationVariable', 'String', 'Accepted; no effect (this console has no variables).'),
  param('OutVariable', 'String', 'Accepted; no effect (this console has no variables).'),
  param('OutBuffer', 'Int32', 'Accepted; no effect.'),
  param('PipelineVariable', 'String', 'Accepted; no effect (this console has no pipeline).'),
];

/** The parameters a cmdlet binds: its own, then the common ones (none for kubectl). */
export function bindableParameters(info: CmdletInfo): readonly ParameterInfo[] {
  return info.commandType === 'Cmdlet'
    ? [...info.parameters, ...COMMON_PARAMETERS]
    : info.parameters;
}

/** kubectl as far as this console runs it: get, and services (expose, create, apply, delete). */
export const KUBECTL: CmdletInfo = {
  name: 'kubectl',
  commandType: 'Application',
  synopsis:
    "Shows the Kubernetes cluster's pods, services and nodes, and creates and deletes services (kubectl).",
  description:
    'Runs kubectl against the device\'s Kubernetes cluster. Once compute is Configured, the networking components run there: Calico (calico-node on every node, calico-kube-controllers), MetalLB (controller, and speaker on every node) in the metallb-system namespace, and CoreDNS (two replicas) in kube-system. ClusterIP services take an address from the service CIDR (never .1, the kubernetes service, nor .10, CoreDNS); LoadBalancer services take their external IP from the Kubernetes external service IPs as MetalLB assigns them: the lowest free address, or the one asked for with --load-balancer-ip, spec.loadBalancerIP or the metallb.universe.tf/loadBalancerIPs annotation; services with the same metallb.universe.tf/allow-shared-ip annotation and different ports share one. With no free address the service stays <pending>. The IoT Edge edgehub service holds the first external service IP. "kubectl apply -f FILE" reads a Service YAML: a file on the command line (edgenet-ps), or "-f -" for standard input; in the web Console, paste the YAML into the Kubernetes page\'s "Apply YAML" form instead.',
  syntax: [
    'kubectl get (pods | services | nodes) [NAME…] [-n <namespace> | -A] [-o wide|yaml]',
    'kubectl expose (deployment | pod) NAME --port=PORT [--target-port=PORT] [--type=LoadBalancer] [--name=NAME] [--load-balancer-ip=IP] [-n <namespace>]',
    'kubectl create service (loadbalancer | clusterip) NAME --tcp=PORT:TARGET [-n <namespace>]',
    'kubectl apply -f FILE',
    'kubectl delete (svc | service) NAME… [-n <namespace>]',
  ],
  parameters: [
    param('namespace', 'String', 'Works in this namespace; "default" when omitted.', {
      display: '-n, --namespace <namespace>',
    }),
    param('all-namespaces', 'SwitchParameter', 'Lists the resources of every namespace.', {
      display: '-A, --all-namespaces',
    }),
    param(
      'output',
      'String',
      "wide adds the pods' IP and node, the services' selector and the nodes' internal IP; yaml prints the services as kubectl get -o yaml does.",
      { display: '-o, --output wide|yaml' },
    ),
    param('port', 'Int32', 'expose: the port the service listens on.', { display: '--port=PORT' }),
    param('target-port', 'String', "expose: the pods' port (the service port when omitted).", {
      display: '--target-port=PORT',
    }),
    param('type', 'String', 'expose: ClusterIP (default) or LoadBalancer.', {
      display: '--type=LoadBalancer',
    }),
    param('name', 'String', 'expose: the service name (the deployment or pod name when omitted).', {
      display: '--name=NAME',
    }),
    param('tcp', 'String', 'create service: PORT:TARGET, repeatable.', {
      display: '--tcp=PORT:TARGET',
    }),
    param('filename', 'String', 'apply: the Service YAML file, or - for standard input.', {
      display: '-f, --filename FILE',
    }),
  ],
  examples: [
    { code: 'kubectl get pods -n kube-system', remarks: 'Lists the CoreDNS and Calico pods.' },
    {
      code: 'kubectl get pods -n metallb-system',
      remarks: 'Lists the MetalLB controller and speakers.',
    },
    {
      code: 'kubectl get svc -A',
      remarks: 'Lists the services of every namespace, with their external IPs.',
    },
    {
      code: 'kubectl create service loadbalancer web --tcp=80:8080',
      remarks:
        'Creates a LoadBalancer service; MetalLB gives it the lowest free external service IP.',
    },
    {
      code: 'kubectl expose deployment nginx --port=80 --type=LoadBalancer',
      remarks: 'Exposes the nginx deployment (selector app=nginx) on port 80.',
    },
    { code: 'kubectl delete svc web', remarks: 'Deletes the service and frees its address.' },
  ],
  outputs: "kubectl's columns and messages.",
  related: ['Get-HcsKubeClusterNetworkInfo', 'nslookup'],
};

/** nslookup as a pod runs it: service names through CoreDNS (SPEC §9). */
export const NSLOOKUP: CmdletInfo = {
  name: 'nslookup',
  commandType: 'Application',
  synopsis: "Resolves a service name with the cluster's CoreDNS, from a pod's point of view.",
  description:
    'Answers as nslookup does in a pod of the default namespace: the server is CoreDNS (the service CIDR\'s .10 address, 172.28.0.10 by default) and the search list is default.svc.cluster.local, svc.cluster.local and cluster.local, so "web", "web.default", "web.default.svc" and "web.default.svc.cluster.local" all name the service web of the default namespace. The answer is the service\'s cluster IP.',
  syntax: ['nslookup NAME'],
  parameters: [],
  examples: [
    { code: 'nslookup kubernetes', remarks: "The API service: the service CIDR's .1 address." },
    {
      code: 'nslookup web.default.svc.cluster.local',
      remarks: 'The cluster IP of the service web.',
    },
  ],
  outputs: "nslookup's Server, Address and Name lines, or ** server can't find … NXDOMAIN.",
  related: ['kubectl'],
};

/** Aliases PowerShell users type out of habit. */
export const ALIASES: Readonly<Record<string, string>> = {
  help: 'Get-Help',
  man: 'Get-Help',
  gcm: 'Get-Command',
};

/** Every command name (cmdlets and kubectl), as they are spelled. */
export function commandNames(): string[] {
  return [...CMDLETS.map((c) => c.name), KUBECTL.name, NSLOOKUP.name];
}

/** A command by name or alias, case-insensitively (`kubectl.exe` included), or undefined. */
export function findCommand(name: string): CmdletInfo | undefined {
  const lower = name.toLowerCase();
  if (lower === 'kubectl' || lower === 'kubectl.exe') return KUBECTL;
  if (lower === 'nslookup' || lower === 'nslookup.exe') return NSLOOKUP;
  const target = (ALIASES[lower] ?? name).toLowerCase();
  return CMDLETS.find((c) => c.name.toLowerCase() === target);
}

/** PowerShell's wildcard match (`*`, `?`), case-insensitive. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'is').test(value);
}

export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}
