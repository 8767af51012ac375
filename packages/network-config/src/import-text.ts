/**
 * Reading an import (SPEC §7.3): the text of a file in one of the formats the console takes, cut
 * into numbered lines, each read into one operation (add a route, remove one, set the cluster
 * CIDRs) or into issues that say why it cannot be read. The `ps1` format needs PowerShell's own
 * parser and lives in `@edgenet/hcs-shell` (`parsePs1Import`); it yields the same `ImportLine`s.
 *
 * Accepted everywhere: a UTF-8 BOM, `\r\n`, `\r` and `\n` mixed, blank lines, and comment lines
 * (`#` …; `//` too in CSV). Pure: no I/O.
 */
import {
  isMap,
  isSeq,
  type LineCounter,
  parseDocument,
  LineCounter as YamlLineCounter,
} from 'yaml';
import { type Issue, issue, paramText } from './issues';
import type { RouteInput } from './route-config';

/** The formats `POST /api/import` reads. */
export const IMPORT_FORMATS = ['ps1', 'table', 'csv', 'iproute2', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** What one line asks for. `add` replaces a route with the same interface and destination. */
export type ImportOp =
  | { kind: 'add'; route: RouteInput }
  | { kind: 'remove'; interfaceAlias: string; destinationPrefix: string }
  | { kind: 'cidrs'; podCidr: string; serviceCidr: string };

/** One meaningful line of the text (comments and blank lines are left out). */
export interface ImportLine {
  /** 1-based line number in the text as pasted. */
  line: number;
  text: string;
  /** Null when the line cannot be read (then `issues` holds at least one error). */
  op: ImportOp | null;
  /** Issues with paths relative to the line (`destinationPrefix`, or '' for the whole line). */
  issues: Issue[];
}

/** How the import maps `dev` names of `ip route` lines: the Kubernetes VMs' NICs (ours). */
export const VM_NIC_DEVICES = { internal: 'eth0', external: 'eth1' } as const;

/** The text's lines, numbered from 1, without a leading BOM; any mix of line endings. */
export function splitLines(text: string): { line: number; text: string }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t }));
}

function isSkipped(text: string, extraComment?: string): boolean {
  const t = text.trim();
  return (
    t === '' || t.startsWith('#') || (extraComment !== undefined && t.startsWith(extraComment))
  );
}

const EXAMPLES: Record<Exclude<ImportFormat, 'ps1' | 'json'>, string> = {
  table: 'Port3  10.128.0.0/16  192.168.20.1  100',
  csv: 'Port3,10.128.0.0/16,192.168.20.1,100',
  iproute2: 'ip route replace 10.128.0.0/16 via 192.168.20.1 dev eth1 metric 100',
};
const FORMAT_NAMES: Record<ImportFormat, string> = {
  ps1: 'PowerShell',
  table: 'Get-HcsNetRoute output',
  csv: 'CSV',
  iproute2: 'ip route',
  json: 'JSON',
};

function unreadable(
  format: Exclude<ImportFormat, 'ps1' | 'json'>,
  line: number,
  text: string,
): ImportLine {
  return {
    line,
    text,
    op: null,
    issues: [
      issue('', 'import.lineUnreadable', {
        format: FORMAT_NAMES[format],
        expected: EXAMPLES[format],
      }),
    ],
  };
}

function addLine(line: number, text: string, route: RouteInput): ImportLine {
  return { line, text, op: { kind: 'add', route }, issues: [] };
}

/** The metric as written: a number when it is digits, else the text (the core's check says why). */
function metricOf(text: string | undefined): RouteInput['routeMetric'] {
  if (text === undefined || text === '') return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

// ---- Get-HcsNetRoute table ---------------------------------------------------------------------

/** The columns of a route in the table and CSV formats, in their CSV order (lower case). */
const ROUTE_COLUMNS = ['interfacealias', 'destinationprefix', 'nexthop', 'routemetric'];

/**
 * A table or CSV line as a route, `field(i)` giving the text of `ROUTE_COLUMNS[i]`: unreadable
 * when the alias, prefix or next hop is missing or the line is not `readable` as a whole.
 */
function routeColumns(
  format: 'table' | 'csv',
  line: number,
  raw: string,
  field: (i: number) => string | undefined,
  readable = true,
): ImportLine {
  const alias = field(0);
  const prefix = field(1);
  const nextHop = field(2);
  if (!readable || !alias || !prefix || !nextHop) return unreadable(format, line, raw);
  return addLine(line, raw, {
    interfaceAlias: alias,
    destinationPrefix: prefix,
    nextHop,
    routeMetric: metricOf(field(3)),
  });
}

/**
 * The table `Get-HcsNetRoute` prints: a header naming the columns, a line of dashes, then one row
 * per route. Columns are found by name, so a table without Status/Reason reads as well. Lines
 * before the header (a `PS C:\>` prompt) are skipped.
 */
export function parseRouteTable(text: string): ImportLine[] {
  const out: ImportLine[] = [];
  let columns: string[] | null = null;
  for (const { line, text: raw } of splitLines(text)) {
    if (isSkipped(raw)) continue;
    const words = raw.trim().split(/\s+/);
    if (columns === null) {
      if (words[0]?.toLowerCase() === 'interfacealias') columns = words.map((w) => w.toLowerCase());
      else if (!/^PS\b/.test(raw.trim())) out.push(unreadable('table', line, raw));
      continue;
    }
    if (/^[-\s]+$/.test(raw)) continue;
    if (words[0]?.toLowerCase() === 'interfacealias') continue;
    const at = (name: string) => {
      const i = columns?.indexOf(name) ?? -1;
      return i === -1 ? undefined : words[i];
    };
    out.push(routeColumns('table', line, raw, (i) => at(ROUTE_COLUMNS[i] as string)));
  }
  return out;
}

// ---- CSV ---------------------------------------------------------------------------------------

/** One CSV record (RFC 4180 quoting: "a,b" and "" inside quotes); null when a quote is open. */
function csvFields(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

/** `interfaceAlias,destinationPrefix,nextHop,routeMetric`; the header line is optional. */
export function parseRouteCsv(text: string): ImportLine[] {
  const out: ImportLine[] = [];
  let order = [0, 1, 2, 3];
  let first = true;
  for (const { line, text: raw } of splitLines(text)) {
    if (isSkipped(raw, '//')) continue;
    const fields = csvFields(raw);
    if (first) {
      first = false;
      const names = fields?.map((f) => f.toLowerCase()) ?? [];
      if (names.includes('interfacealias')) {
        order = ROUTE_COLUMNS.map((c) => names.indexOf(c));
        continue;
      }
    }
    const at = (i: number) => {
      const index = order[i] ?? -1;
      return index === -1 ? undefined : fields?.[index];
    };
    out.push(
      routeColumns(
        'csv',
        line,
        raw,
        at,
        fields !== null && fields.length >= 3 && fields.length <= 4,
      ),
    );
  }
  return out;
}

// ---- ip route ----------------------------------------------------------------------------------

/**
 * `ip route add|replace|change|append <dest> [via <gw>] dev <nic> [metric <m>]`, the same without
 * the leading `ip` (the `ip -batch` form the export writes), `ip route del <dest> dev <nic>`, and
 * the lines `ip route show` prints (`<dest> via <gw> dev <nic> …`). `dev` is a VM NIC (`eth1`,
 * the compute port's) or a port name. Words this console does not model (`proto`, `scope`, `src`,
 * `onlink`, …) are read past.
 */
export function parseIpRoute(text: string, computePort: string | null): ImportLine[] {
  const out: ImportLine[] = [];
  for (const { line, text: raw } of splitLines(text)) {
    if (isSkipped(raw)) continue;
    let words = raw.trim().split(/\s+/);
    if (words[0] === 'ip') words = words.slice(1);
    while (words[0] === '-4' || words[0] === '-6') words = words.slice(1);
    let verb = 'replace';
    if (words[0] === 'route' || words[0] === 'r' || words[0] === 'ro') {
      verb = words[1] ?? '';
      words = words.slice(2);
    }
    if (!['add', 'replace', 'change', 'append', 'del', 'delete', 'show'].includes(verb)) {
      out.push(unreadable('iproute2', line, raw));
      continue;
    }
    const [dest, ...rest] = words;
    const options = new Map<string, string>();
    for (let i = 0; i < rest.length; i++) {
      const key = rest[i] as string;
      if (['via', 'dev', 'metric', 'preference', 'priority'].includes(key)) {
        options.set(key === 'preference' || key === 'priority' ? 'metric' : key, rest[i + 1] ?? '');
        i++;
      } else if (['proto', 'scope', 'src', 'table', 'realm', 'mtu', 'type'].includes(key)) i++;
    }
    const dev = options.get('dev');
    if (!dest || !dev || dest === 'default' || dest.startsWith('-')) {
      out.push(unreadable('iproute2', line, raw));
      continue;
    }
    const alias =
      dev === VM_NIC_DEVICES.external ? computePort : /^port\d+$/i.test(dev) ? dev : null;
    if (alias === null) {
      out.push({
        line,
        text: raw,
        op: null,
        issues: [
          issue('interfaceAlias', 'import.nicUnmapped', { dev, external: VM_NIC_DEVICES.external }),
        ],
      });
      continue;
    }
    if (verb === 'del' || verb === 'delete') {
      out.push({
        line,
        text: raw,
        op: { kind: 'remove', interfaceAlias: alias, destinationPrefix: dest },
        issues: [],
      });
      continue;
    }
    const via = options.get('via');
    out.push(
      addLine(line, raw, {
        interfaceAlias: alias,
        destinationPrefix: dest,
        nextHop: via ?? (dest.includes(':') ? '::' : '0.0.0.0'),
        routeMetric: metricOf(options.get('metric')),
      }),
    );
  }
  return out;
}

// ---- json --------------------------------------------------------------------------------------

function jsonFailure(detail: string, line = 1): ImportLine[] {
  return [{ line, text: '', op: null, issues: [issue('', 'import.jsonInvalid', { detail })] }];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : paramText(v));

/**
 * The configuration document that Export → json writes (or a bare list of routes): its `routes`,
 * and the pod and service CIDRs of its `compute`. Ports and the compute port and ranges are the
 * device's own (Network and Compute pages) and are not replayed (ADR 0020). Each route's line is
 * where its object starts, found with the YAML library's parser (JSON is YAML).
 */
export function parseConfigJson(source: string): ImportLine[] {
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'not JSON';
    const at = /line (\d+)/.exec(detail);
    return jsonFailure(detail, at ? Number(at[1]) : 1);
  }
  const lines = splitLines(body);
  const counter: LineCounter = new YamlLineCounter();
  const doc = parseDocument(body, { lineCounter: counter, keepSourceTokens: false });
  const root = doc.contents;
  const routesNode = isSeq(root) ? root : isMap(root) ? root.get('routes', true) : null;
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : counter.linePos(offset).line;
  const lineText = (n: number) => lines[n - 1]?.text ?? '';

  const out: ImportLine[] = [];
  const object = data as Record<string, unknown> | unknown[] | null;
  const routes = Array.isArray(object)
    ? object
    : (object as Record<string, unknown> | null)?.routes;
  if (!Array.isArray(routes)) return jsonFailure('"routes" is not a list');
  const compute = Array.isArray(object) ? undefined : (object as Record<string, unknown>).compute;
  if (compute && typeof compute === 'object') {
    const c = compute as Record<string, unknown>;
    if (typeof c.podCidr === 'string' && typeof c.serviceCidr === 'string') {
      const node = isMap(root) ? root.get('compute', true) : null;
      const n = lineOf((node as { range?: number[] } | null)?.range?.[0]);
      out.push({
        line: n,
        text: lineText(n),
        op: { kind: 'cidrs', podCidr: c.podCidr, serviceCidr: c.serviceCidr },
        issues: [],
      });
    }
  }
  const items = isSeq(routesNode) ? routesNode.items : [];
  routes.forEach((r, i) => {
    const n = lineOf((items[i] as { range?: number[] } | undefined)?.range?.[0]);
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      out.push(...jsonFailure(`routes[${i}] is not a route object`, n));
      return;
    }
    const route = r as Record<string, unknown>;
    const metric = route.routeMetric;
    out.push(
      addLine(n, lineText(n), {
        interfaceAlias: text(route.interfaceAlias),
        destinationPrefix: text(route.destinationPrefix),
        nextHop: text(route.nextHop),
        routeMetric: typeof metric === 'number' || typeof metric === 'string' ? metric : undefined,
      }),
    );
  });
  return out;
}

/** Reads any format but `ps1` (see `@edgenet/hcs-shell`'s `parsePs1Import`). */
export function parseImportText(
  format: Exclude<ImportFormat, 'ps1'>,
  source: string,
  computePort: string | null,
): ImportLine[] {
  switch (format) {
    case 'table':
      return parseRouteTable(source);
    case 'csv':
      return parseRouteCsv(source);
    case 'iproute2':
      return parseIpRoute(source, computePort);
    case 'json':
      return parseConfigJson(source);
  }
}
