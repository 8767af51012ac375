/**
 * Reads a PowerShell script for import (SPEC §7.3) with the console's own tokenizer and parameter
 * binder, so a line means on import exactly what it means when `edgenet-ps -f` runs it:
 * `Add-HcsNetRoute` and `Remove-HcsNetRoute` lines, and `Set-HcsKubeClusterNetworkInfo`. Every
 * other command, and every line PowerShell could not run, is an issue on its line.
 */
import { type ImportLine, issue } from '@edgenet/network-config';
import { parseScript } from './parser';

/** Offsets where each line starts (`\r\n`, `\r` and `\n` all end a line). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 13 && source.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line of an offset (binary search over the line starts). */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const text = (value: unknown): string => (value === undefined ? '' : String(value));

/** The script's statements as import lines, numbered by the line each statement starts on. */
export function parsePs1Import(source: string): ImportLine[] {
  const starts = lineStarts(source);
  const lineText = (n: number) => {
    const start = starts[n - 1] ?? 0;
    const end = starts[n] ?? source.length;
    return source
      .slice(start, end)
      .replace(/[\r\n]+$/, '')
      .replace(/^\uFEFF/, '');
  };
  return parseScript(source).map((statement): ImportLine => {
    const line = lineAt(starts, statement.extent.start);
    const base = { line, text: lineText(line) };
    if (statement.error) {
      const { message } = statement.error.record;
      return {
        ...base,
        op: null,
        issues: [issue('', 'import.scriptError', { en: message.en, ja: message.ja })],
      };
    }
    const command = statement.command;
    if (command?.kind !== 'cmdlet' || command.help) {
      const name = command?.kind === 'cmdlet' ? command.name : 'kubectl';
      return {
        ...base,
        op: null,
        issues: [issue('', 'import.commandUnsupported', { command: name })],
      };
    }
    const p = command.parameters;
    switch (command.name) {
      case 'Add-HcsNetRoute':
        return {
          ...base,
          op: {
            kind: 'add',
            route: {
              interfaceAlias: text(p.InterfaceAlias),
              destinationPrefix: text(p.DestinationPrefix),
              nextHop: text(p.NextHop),
              ...(typeof p.RouteMetric === 'number' ? { routeMetric: p.RouteMetric } : {}),
            },
          },
          issues: [],
        };
      case 'Remove-HcsNetRoute':
        return {
          ...base,
          op: {
            kind: 'remove',
            interfaceAlias: text(p.InterfaceAlias),
            destinationPrefix: text(p.DestinationPrefix),
          },
          issues: [],
        };
      case 'Set-HcsKubeClusterNetworkInfo':
        return {
          ...base,
          op: { kind: 'cidrs', podCidr: text(p.PodSubnet), serviceCidr: text(p.ServiceSubnet) },
          issues: [],
        };
      default:
        return {
          ...base,
          op: null,
          issues: [issue('', 'import.commandUnsupported', { command: command.name })],
        };
    }
  });
}
