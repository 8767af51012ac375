/**
 * Shared test helpers: devices built from small setups (as the fixtures describe them), issue
 * summaries that compare as plain strings, and the checks every issue must pass.
 */

import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ComputeConfig,
  createDefaultDevice,
  type DeviceConfig,
  formatIssue,
  ISSUE_CODES,
  type Issue,
  type NodeCount,
  type PortConfig,
  type RouteConfig,
  type SkuId,
} from '../src/index';
import { ARTICLE_PORT3 } from '../src/testing/article-scenario';

export type PortPatch = Partial<Omit<PortConfig, 'name' | 'speedGbps' | 'link'>>;

export interface DeviceSetup {
  sku?: string;
  nodeCount?: number;
  ports?: Partial<Record<string, PortPatch>>;
  compute?: Partial<ComputeConfig>;
  routes?: RouteConfig[];
}

/**
 * Port3 as the source article configures it: static 192.168.20.10/255.255.255.0 (the shared
 * scenario's values; the MTU stays the port's own).
 */
const { mtu: _articleMtu, ...articlePort3 } = ARTICLE_PORT3;
export const PORT3_STATIC: PortPatch = articlePort3;

/** A factory-fresh device with the given ports, compute and routes patched in. */
/** A custom route on Port3 of the article's set-up (next hop its gateway unless given). */
export function port3Route(
  destinationPrefix: string,
  routeMetric = 100,
  nextHop = '192.168.20.1',
): RouteConfig {
  return { interfaceAlias: 'Port3', destinationPrefix, nextHop, routeMetric };
}

export function buildDevice(setup: DeviceSetup = {}): DeviceConfig {
  const device = createDefaultDevice({
    sku: (setup.sku ?? 'pro-gpu') as SkuId,
    nodeCount: (setup.nodeCount ?? 1) as NodeCount,
  });
  for (const [name, patch] of Object.entries(setup.ports ?? {})) {
    if (!patch) continue;
    const index = device.ports.findIndex((p) => p.name === name);
    if (index === -1) throw new Error(`test setup: no port ${name} on ${device.sku}`);
    const port = device.ports[index] as PortConfig;
    device.ports[index] = { ...port, ...patch, dns: [...(patch.dns ?? port.dns)] };
  }
  device.compute = { ...device.compute, ...setup.compute };
  device.routes = (setup.routes ?? []).map((r) => ({ ...r }));
  return device;
}

/**
 * The source article's device: Port3 static 192.168.20.10/24 (gateway .1) as the compute port,
 * node IPs 192.168.20.50–51, service IPs 192.168.20.60–61, in the given compute state.
 */
export function labDevice(
  state: ComputeConfig['state'] = 'Configured',
  extra: DeviceSetup = {},
): DeviceConfig {
  return buildDevice({
    ...extra,
    ports: { Port3: PORT3_STATIC, ...extra.ports },
    compute: {
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.61' },
      state,
      ...extra.compute,
    },
  });
}

/** `"error nodeIpRange compute.nodeRangeTooSmall"`, sorted: compares exactly, reads in a diff. */
export function summarize(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.severity} ${i.path || '(document)'} ${i.code}`).sort();
}

export function findIssue(issues: readonly Issue[], path: string, code: string): Issue | undefined {
  return issues.find((i) => i.path === path && i.code === code);
}

/** Asserts the issue is there, on that path, with that severity; returns it. */
export function expectIssue(
  issues: readonly Issue[],
  path: string,
  code: string,
  severity: 'error' | 'warning' = 'error',
): Issue {
  const found = findIssue(issues, path, code);
  expect(
    found,
    `expected ${severity} ${code} on "${path}" in ${summarize(issues).join('; ')}`,
  ).toBeDefined();
  expect((found as Issue).severity).toBe(severity);
  return found as Issue;
}

/** Asserts no issue carries this code (anywhere). */
export function expectNoCode(issues: readonly Issue[], code: string): void {
  expect(issues.filter((i) => i.code === code).map((i) => `${i.path} ${i.code}`)).toEqual([]);
}

export function errorCodes(issues: readonly Issue[]): string[] {
  return issues.filter((i) => i.severity === 'error').map((i) => i.code);
}

const CODES = new Set<string>(ISSUE_CODES);

/** Throws unless the issue is well formed and its messages read well in both locales. */
export function assertWellFormed(issue: Issue): void {
  if (typeof issue.path !== 'string')
    throw new Error(`path is not a string: ${String(issue.path)}`);
  if (!CODES.has(issue.code)) throw new Error(`unknown code ${issue.code}`);
  if (issue.severity !== 'error' && issue.severity !== 'warning')
    throw new Error(`bad severity ${issue.severity}`);
  for (const [key, value] of Object.entries(issue.params)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`param ${key} of ${issue.code} is a ${typeof value}`);
  }
  for (const locale of ['en', 'ja'] as const) {
    const text = formatIssue(issue, locale);
    if (typeof text !== 'string' || text.trim() === '')
      throw new Error(`${issue.code} has an empty ${locale} message`);
  }
}

/**
 * Values outside a field's declared type, for "never throws" properties: anything fast-check makes,
 * except objects that cannot become text at all (`{ toString: "" }`), which no typed caller or
 * schema-checked request can send (the HTTP contract requires integers for metric and MTU).
 */
export function loose(): fc.Arbitrary<unknown> {
  return fc.anything({ maxDepth: 1, maxKeys: 3 }).filter((value) => {
    try {
      String(value);
      return true;
    } catch {
      return false;
    }
  });
}
