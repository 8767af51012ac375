/**
 * What an import would do (SPEC §7.3): the read lines (`import-text.ts`, or hcs-shell's ps1
 * reader) played in order against the device, each checked by the same rules as any write
 * (`checkComputeChange`, `validateRouteFields`), giving a per-line preview and the device as it
 * would be. Applying stores that device as one revision, and only when no line has an error.
 *
 * `merge` keeps the routes the text does not mention; `replace` removes them (each removal is a
 * preview row without a line number).
 */
import { type ChangeResult, checkComputeChange } from './device-config';
import type { ImportLine } from './import-text';
import { hasErrors, type Issue, issue, warning } from './issues';
import { type DeviceConfig, type RouteConfig, routeKey } from './model';
import {
  normalizeRoute,
  type RouteInput,
  routeContext,
  routeIdentity,
  validateRouteFields,
} from './route-config';

export type ImportMode = 'merge' | 'replace';
export type ImportAction = 'add' | 'remove' | 'change' | 'unchanged';

export interface PreviewRow {
  /** The line of the text, or null for a route that `replace` removes. */
  line: number | null;
  text: string;
  /** Null when the line cannot be read. */
  action: ImportAction | null;
  /** The route as it would be stored (or as it is, for a removal); null for other lines. */
  route: RouteConfig | null;
  /** For a `change`: the route as it is now. */
  previous: RouteConfig | null;
  issues: Issue[];
}

export interface ImportPlan extends ChangeResult {
  rows: PreviewRow[];
  counts: Record<ImportAction, number> & { errors: number; warnings: number };
}

/**
 * Status notes (inactive on a port that is not the compute port, compute not configured yet) are
 * the Routes page's to show; on ten thousand preview lines they would drown the real problems.
 */
const STATUS_CODES = new Set(['route.notComputePort', 'route.computeNotConfigured']);

function sameRoute(a: RouteConfig, b: RouteConfig): boolean {
  return a.nextHop === b.nextHop && a.routeMetric === b.routeMetric;
}

function computeSettings(device: DeviceConfig) {
  const { computePort, nodeIpRange, serviceIpRange, podCidr, serviceCidr } = device.compute;
  return { computePort, nodeIpRange, serviceIpRange, podCidr, serviceCidr };
}

/** Plays the lines against `device` and says what each would do. Never changes `device`. */
export function planImport(
  device: DeviceConfig,
  lines: readonly ImportLine[],
  mode: ImportMode,
): ImportPlan {
  const rows: PreviewRow[] = [];
  let base = device;

  // The cluster CIDRs first: the routes are checked against the CIDRs the device would have.
  for (const line of lines) {
    if (line.op?.kind !== 'cidrs') continue;
    const { podCidr, serviceCidr } = line.op;
    const unchanged = base.compute.podCidr === podCidr && base.compute.serviceCidr === serviceCidr;
    const result = unchanged
      ? { device: base, issues: [] }
      : checkComputeChange(base, { ...computeSettings(base), podCidr, serviceCidr });
    const issues = [...line.issues, ...result.issues];
    if (!hasErrors(issues)) base = result.device;
    rows.push({
      line: line.line,
      text: line.text,
      action: unchanged ? 'unchanged' : 'change',
      route: null,
      previous: null,
      issues,
    });
  }

  const context = routeContext(base);
  const working = new Map<string, RouteConfig>(device.routes.map((r) => [routeKey(r), r]));
  /** Routes the text sets, by key: the line that set it and the route. */
  const setBy = new Map<string, { line: number; route: RouteConfig }>();

  for (const line of lines) {
    if (line.op?.kind === 'cidrs') continue;
    const row: PreviewRow = {
      line: line.line,
      text: line.text,
      action: null,
      route: null,
      previous: null,
      issues: [...line.issues],
    };
    rows.push(row);
    const op = line.op;
    if (op === null) continue;
    if (op.kind === 'add') {
      const found = validateRouteFields(op.route, base, context).filter(
        (i) => !STATUS_CODES.has(i.code),
      );
      row.issues.push(...found);
      if (hasErrors(found)) {
        const key = routeIdentity(base, op.route.interfaceAlias, op.route.destinationPrefix);
        row.action = key !== null && working.has(key) ? 'change' : 'add';
        continue;
      }
      const route = normalizeRoute(op.route as RouteInput, base);
      const key = routeKey(route);
      row.route = route;
      const earlier = setBy.get(key);
      if (earlier && !sameRoute(earlier.route, route)) {
        row.issues.push(
          issue('destinationPrefix', 'import.duplicateLine', {
            line: earlier.line,
            interfaceAlias: route.interfaceAlias,
            destinationPrefix: route.destinationPrefix,
          }),
        );
        row.action = 'change';
        continue;
      }
      const existing = working.get(key);
      row.action = !existing ? 'add' : sameRoute(existing, route) ? 'unchanged' : 'change';
      if (row.action === 'unchanged') row.issues = row.issues.filter((i) => i.severity === 'error');
      if (existing && row.action === 'change') row.previous = existing;
      working.set(key, route);
      if (!earlier) setBy.set(key, { line: line.line, route });
      continue;
    }
    // remove
    const key = routeIdentity(base, op.interfaceAlias, op.destinationPrefix);
    if (key === null) {
      const checked = validateRouteFields(
        {
          interfaceAlias: op.interfaceAlias,
          destinationPrefix: op.destinationPrefix,
          nextHop: '::',
        },
        base,
        context,
      ).filter((i) => i.severity === 'error' && i.path !== 'nextHop');
      row.issues.push(
        ...(checked.length > 0
          ? checked
          : [issue('destinationPrefix', 'prefix.invalid', { value: op.destinationPrefix })]),
      );
      row.action = 'remove';
      continue;
    }
    const existing = working.get(key);
    if (!existing) {
      const [interfaceAlias = op.interfaceAlias, destinationPrefix = op.destinationPrefix] =
        key.split('|');
      row.issues.push(
        warning('destinationPrefix', 'import.removeUnknown', { interfaceAlias, destinationPrefix }),
      );
      row.action = 'unchanged';
      continue;
    }
    row.action = 'remove';
    row.route = existing;
    working.delete(key);
    setBy.delete(key);
  }

  if (mode === 'replace') {
    for (const [key, route] of [...working]) {
      if (setBy.has(key)) continue;
      working.delete(key);
      rows.push({
        line: null,
        text: '',
        action: 'remove',
        route,
        previous: null,
        issues: [],
      });
    }
  }

  const issues: Issue[] = [];
  for (const row of rows) {
    for (const i of row.issues) {
      const at = row.line === null ? 'lines' : `lines[${row.line}]`;
      issues.push({ ...i, path: i.path ? `${at}.${i.path}` : at });
    }
  }
  if (lines.length === 0) issues.push(issue('text', 'import.empty'));

  const counts = { add: 0, remove: 0, change: 0, unchanged: 0, errors: 0, warnings: 0 };
  for (const row of rows) if (row.action) counts[row.action]++;
  for (const i of issues) {
    if (i.severity === 'error') counts.errors++;
    else counts.warnings++;
  }
  // The routes keep their order; a changed route keeps its place, new ones come last.
  const routes = [...working.values()];
  return { device: { ...base, routes }, issues, rows, counts };
}
