/**
 * Export (SPEC §7.3): the configuration as the files the device and its Kubernetes tools take.
 * - `ps1`: a PowerShell script for the device (and `edgenet-ps -f`);
 * - `metallb`: the IPAddressPool of the external service IPs and its L2Advertisement;
 * - `calico`: the IPPool of the pod CIDR;
 * - `iproute2`: per Kubernetes VM, `ip -batch` lines installing the custom routes;
 * - `json`: the whole configuration document (what the json import reads).
 * YAML is written with the `yaml` library (ADR 0020), never by string concatenation. Pure: the
 * caller passes the revision and the time to name.
 */
import { Document } from 'yaml';
import { VM_NIC_DEVICES } from './import-text';
import { kubernetesVms } from './kubernetes';
import {
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  type DeviceConfig,
  type RouteConfig,
} from './model';
import { routeStatus } from './route-config';

export const EXPORT_FORMATS = ['ps1', 'metallb', 'calico', 'iproute2', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportMeta {
  revision: number;
  /** ISO 8601 time of the export. */
  time: string;
}

export interface ExportFile {
  filename: string;
  mediaType: string;
  text: string;
}

/** Names of the Kubernetes objects the YAML exports create (ours). */
export const METALLB_POOL_NAME = 'edgenet-external-services';
export const METALLB_ADVERTISEMENT_NAME = 'edgenet-external-services';
export const CALICO_POOL_NAME = 'default-ipv4-ippool';

/** Text safe on one comment line: no line breaks or control characters. */
function oneLine(text: string): string {
  let out = '';
  for (const c of text) out += c < ' ' || c === '\u007f' ? ' ' : c;
  return out;
}

/** A PowerShell double-quoted string: `, " and $ are escaped with a backtick. */
export function psQuote(value: string): string {
  return `"${oneLine(value).replace(/[`"$]/g, (c) => `\`${c}`)}"`;
}

function headerLines(device: DeviceConfig, meta: ExportMeta, what: string): string[] {
  return [
    `edgenet export: ${what}`,
    `Device: ${oneLine(device.name)} (${device.sku}, ${device.nodeCount} node${device.nodeCount === 1 ? '' : 's'})`,
    `Revision: ${meta.revision}`,
    `Exported: ${meta.time}`,
  ];
}

/** `Add-HcsNetRoute` exactly as the device's documentation writes it. */
export function formatAddRoute(route: RouteConfig): string {
  return `Add-HcsNetRoute -InterfaceAlias ${psQuote(route.interfaceAlias)} -DestinationPrefix ${psQuote(route.destinationPrefix)} -NextHop ${psQuote(route.nextHop)} -RouteMetric ${route.routeMetric}`;
}

function exportPs1(device: DeviceConfig, meta: ExportMeta): string {
  const lines = headerLines(device, meta, 'a PowerShell script that recreates the configuration')
    .concat([
      "Run it on the device's PowerShell interface, or with: edgenet-ps -f <this file>",
      'Ports and the compute settings are set in the local UI; routes need their port static.',
    ])
    .map((l) => `# ${l}`);
  const { podCidr, serviceCidr } = device.compute;
  if (podCidr !== DEFAULT_POD_CIDR || serviceCidr !== DEFAULT_SERVICE_CIDR) {
    lines.push('', '# Kubernetes pod and service CIDRs (only before compute is configured)');
    lines.push(
      `Set-HcsKubeClusterNetworkInfo -PodSubnet ${psQuote(podCidr)} -ServiceSubnet ${psQuote(serviceCidr)}`,
    );
  }
  lines.push('', `# Custom routes: ${device.routes.length}`);
  for (const route of device.routes) lines.push(formatAddRoute(route));
  return `${lines.join('\n')}\n`;
}

function yamlComment(device: DeviceConfig, meta: ExportMeta, what: string): string {
  return headerLines(device, meta, what)
    .map((l) => ` ${l}`)
    .join('\n');
}

function exportMetallb(device: DeviceConfig, meta: ExportMeta): string {
  const range = device.compute.serviceIpRange;
  const pool = new Document({
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: METALLB_POOL_NAME, namespace: 'metallb-system' },
    spec: { addresses: range ? [`${range.start}-${range.end}`] : [] },
  });
  pool.commentBefore = `${yamlComment(device, meta, 'MetalLB address pool (Kubernetes external service IPs)')}${
    range ? '' : '\n No external service IP range is set: the pool is empty.'
  }`;
  const advertisement = new Document({
    apiVersion: 'metallb.io/v1beta1',
    kind: 'L2Advertisement',
    metadata: { name: METALLB_ADVERTISEMENT_NAME, namespace: 'metallb-system' },
    spec: { ipAddressPools: [METALLB_POOL_NAME] },
  });
  return `${pool.toString()}---\n${advertisement.toString()}`;
}

function exportCalico(device: DeviceConfig, meta: ExportMeta): string {
  const pool = new Document({
    apiVersion: 'projectcalico.org/v3',
    kind: 'IPPool',
    metadata: { name: CALICO_POOL_NAME },
    spec: {
      cidr: device.compute.podCidr,
      natOutgoing: true,
      nodeSelector: 'all()',
      blockSize: 26,
    },
  });
  pool.commentBefore = yamlComment(device, meta, 'Calico IP pool (the Kubernetes pod CIDR)');
  return pool.toString();
}

/** The routes installed on the VMs: those on the compute port, once it is static (now or soon). */
function vmRoutes(device: DeviceConfig): RouteConfig[] {
  const { computePort } = device.compute;
  if (!computePort) return [];
  return device.routes.filter((route) => {
    if (route.interfaceAlias !== computePort) return false;
    const { reason } = routeStatus(route, device);
    return reason === null || reason.code === 'route.computeNotConfigured';
  });
}

/** One `ip -batch` line (an `ip` command without the leading `ip`). */
export function formatIpRouteLine(route: RouteConfig): string {
  const onLink = route.nextHop === '0.0.0.0' || route.nextHop === '::';
  const via = onLink ? '' : ` via ${route.nextHop}`;
  return `route replace ${route.destinationPrefix}${via} dev ${VM_NIC_DEVICES.external} metric ${route.routeMetric}`;
}

function exportIproute2(device: DeviceConfig, meta: ExportMeta): string {
  const routes = vmRoutes(device);
  const lines = headerLines(device, meta, 'custom routes of each Kubernetes VM, for ip -batch')
    .concat([
      'In each VM: ip -batch <its section> (each line is an ip command without the leading "ip").',
      `${VM_NIC_DEVICES.external} is the NIC on the compute port's external virtual switch, ${VM_NIC_DEVICES.internal} the internal one.`,
    ])
    .map((l) => `# ${l}`);
  if (routes.length === 0) {
    lines.push(
      device.compute.computePort
        ? '# No custom route is on the compute port.'
        : '# Compute is not enabled on any port: no custom route is installed on the VMs.',
    );
  }
  const lineBlock = routes.map(formatIpRouteLine);
  for (const vm of kubernetesVms(device)) {
    lines.push('', `# VM ${vm.name} (${vm.role}, ${vm.externalIp ?? 'no node IP yet'})`);
    for (const l of lineBlock) lines.push(l);
  }
  return `${lines.join('\n')}\n`;
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'edgenet';
}

/** Each export format: its file name's ending, its media type and how its text is made. */
const EXPORT_FILES: Record<
  ExportFormat,
  { suffix: string; mediaType: string; text: (device: DeviceConfig, meta: ExportMeta) => string }
> = {
  ps1: { suffix: '.ps1', mediaType: 'text/plain', text: exportPs1 },
  metallb: { suffix: '-metallb.yaml', mediaType: 'application/yaml', text: exportMetallb },
  calico: { suffix: '-calico.yaml', mediaType: 'application/yaml', text: exportCalico },
  iproute2: { suffix: '-routes.ip', mediaType: 'text/plain', text: exportIproute2 },
  json: {
    suffix: '.json',
    mediaType: 'application/json',
    text: (device) => `${JSON.stringify(device, null, 2)}\n`,
  },
};

/** The file of one export format. */
export function exportConfiguration(
  device: DeviceConfig,
  format: ExportFormat,
  meta: ExportMeta,
): ExportFile {
  const { suffix, mediaType, text } = EXPORT_FILES[format];
  return {
    filename: `${safeName(device.name)}-r${meta.revision}${suffix}`,
    mediaType,
    text: text(device, meta),
  };
}
