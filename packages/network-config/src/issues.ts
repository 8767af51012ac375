/**
 * Issues: what every validator returns. An issue names the field (`path`, dotted and relative to
 * the document validated), a stable `code`, a severity, and the values its message needs.
 * Errors block a change; warnings are shown and saved with it.
 */
import { NetConfigError } from './errors';
import { formatIssueWith, type IssueMessages } from './issue-format';
import { issueMessagesEn } from './issue-messages-en';
import { issueMessagesJa } from './issue-messages-ja';
import type { Locale } from './model';

/** Every code, documented in docs/issue-codes.md. Messages for each live in messages/en|ja. */
export const ISSUE_CODES = [
  // Parsing (parseX throws NetConfigError with one of these)
  'field.required',
  'field.invalid',
  'address.invalid',
  'address.notIPv4',
  'mask.invalid',
  'mask.notContiguous',
  'prefix.invalid',
  'prefix.lengthInvalid',
  'prefix.hostBits',
  'range.invalid',
  'range.startAfterEnd',
  // Ports
  'port.unknown',
  'port.addressUnusable',
  'port.addressIsNetwork',
  'port.addressIsBroadcast',
  'port.addressInUse',
  'port.gatewayOutsideSubnet',
  'port.gatewayIsAddress',
  'port.subnetsOverlap',
  'port.mtuOutOfRange',
  'port.mtuNotConfigurable',
  'port.subnetOverlapsPodCidr',
  'port.subnetOverlapsServiceCidr',
  // Compute
  'compute.portUnknown',
  'compute.portIpDisabled',
  'compute.portDhcp',
  'compute.portNoAddress',
  'compute.rangeNotIPv4',
  'compute.rangeOutsideSubnet',
  'compute.rangeIncludesNetwork',
  'compute.rangeIncludesBroadcast',
  'compute.rangeIncludesPortAddress',
  'compute.rangeIncludesGateway',
  'compute.rangeIncludesDns',
  'compute.nodeRangeTooSmall',
  'compute.rangesOverlap',
  'compute.rangeOverlapsPodCidr',
  'compute.rangeOverlapsServiceCidr',
  'compute.cidrNotIPv4',
  'compute.cidrsOverlap',
  'compute.serviceCidrTooSmall',
  'compute.locked',
  // Routes
  'route.interfaceUnknown',
  'route.interfaceIpDisabled',
  'route.interfaceNotStatic',
  'route.familyMismatch',
  'route.nextHopOutsideSubnet',
  'route.nextHopIsInterface',
  'route.nextHopNotLinkLocal',
  'route.metricInvalid',
  'route.duplicate',
  'route.destinationInPodCidr',
  'route.destinationInServiceCidr',
  'route.destinationConnected',
  'route.defaultRoute',
  'route.notComputePort',
  'route.computeNotConfigured',
  'route.vmUnknown',
  'route.nextHopIsNetwork',
  'route.nextHopIsBroadcast',
  'route.nextHopIsPortAddress',
  'route.nextHopIsNodeIp',
  'route.nextHopIsServiceIp',
  'route.sameAsConnected',
  'route.destinationInternalSubnet',
  'route.destinationLoopback',
  'route.destinationMulticast',
  'route.destinationBroadcast',
  'compute.cidrHostBits',
  // Passwords
  'password.length',
  'password.classes',
  'password.unchanged',
  'password.incorrect',
  // The change lifecycle (SPEC §7)
  'port.managementChange',
  // Import and bulk route changes (SPEC §7.3)
  'import.lineUnreadable',
  'import.commandUnsupported',
  'import.scriptError',
  'import.jsonInvalid',
  'import.duplicateLine',
  'import.removeUnknown',
  'import.nicUnmapped',
  'import.empty',
  'route.notFound',
  // Kubernetes services (SPEC §9)
  'service.nameInvalid',
  'service.namespaceInvalid',
  'service.typeUnsupported',
  'service.portsRequired',
  'service.portInvalid',
  'service.portDuplicate',
  'service.protocolInvalid',
  'service.targetPortInvalid',
  'service.loadBalancerIpInvalid',
  'service.duplicate',
  'service.computeNotConfigured',
  'service.notFound',
  'service.pending',
  'service.manifestInvalid',
  'service.manifestKind',
  'service.addressChanged',
  'service.addressLost',
  'service.addressesKept',
  // Virtual switches and networks (SPEC §8)
  'vswitch.nameInvalid',
  'vswitch.nameTaken',
  'vswitch.interfaceUnknown',
  'vswitch.portTaken',
  'vswitch.computeTaken',
  'vswitch.mtuOutOfRange',
  'vswitch.mtuNotConfigurable',
  'vswitch.computeLocked',
  'vnet.nameInvalid',
  'vnet.nameTaken',
  'vnet.vlanInvalid',
  'vnet.notIPv4',
  'vnet.addressSpaceTooSmall',
  'vnet.gatewayOutsideSubnet',
  'vnet.gatewayNotHost',
  'vnet.switchUnknown',
  'vnet.unknown',
  'vnet.subnetsOverlap',
  'vnet.overlapsPort',
  'vnet.overlapsPodCidr',
  'vnet.overlapsServiceCidr',
  'compute.serviceIpsRecommended',
  'compute.switchUnknown',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = 'error' | 'warning';
export type IssueParams = Record<string, string | number>;

export interface Issue {
  path: string;
  code: IssueCode;
  severity: Severity;
  params: IssueParams;
}

export interface LocalizedIssue extends Issue {
  message: { en: string; ja: string };
}

export type MessageTable = Record<IssueCode, (params: IssueParams) => string>;

const TABLES: Record<Locale, IssueMessages> = { en: issueMessagesEn, ja: issueMessagesJa };

export function issue(
  path: string,
  code: IssueCode,
  params: IssueParams = {},
  severity: Severity = 'error',
): Issue {
  return { path, code, severity, params };
}

export function warning(path: string, code: IssueCode, params: IssueParams = {}): Issue {
  return issue(path, code, params, 'warning');
}

/** An issue from a `parseX` failure, placed on a field. */
export function issueFromError(path: string, error: unknown): Issue {
  if (error instanceof NetConfigError) return issue(path, error.code, error.params);
  return issue(path, 'address.invalid', { value: '' });
}

/** Text of any value for a message parameter, even one `String()` cannot convert. */
export function paramText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? typeof value;
  }
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export function errorsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}

/** Both languages at hand, for Node callers (server, CLI, hcs-shell); the web uses `formatIssueWith`. */
export function formatIssue(issue: Pick<Issue, 'code' | 'params'>, locale: Locale): string {
  return formatIssueWith(TABLES[locale], issue);
}

export function localizeIssue(issue: Issue): LocalizedIssue {
  return { ...issue, message: { en: formatIssue(issue, 'en'), ja: formatIssue(issue, 'ja') } };
}

export function localizeIssues(issues: readonly Issue[]): LocalizedIssue[] {
  return issues.map(localizeIssue);
}

/** Prepends `prefix` to each issue's path (`address` → `ports.Port3.address`). */
export function prefixIssuePaths(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

/** Issues whose path is `scope` or under it, with the scope stripped (`compute.x` → `x`). */
export function issuesUnder(issues: readonly Issue[], scope: string): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    if (i.path === scope) out.push({ ...i, path: '' });
    else if (i.path.startsWith(`${scope}.`))
      out.push({ ...i, path: i.path.slice(scope.length + 1) });
  }
  return out;
}
