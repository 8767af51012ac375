/**
 * PowerShell error records: what a failed statement prints. Three layouts, as PowerShell has:
 * a cmdlet's error (`Add-HcsNetRoute : message` / `At line:1 char:1` / the line with `~~~`
 * under the culprit / `+ CategoryInfo` / `+ FullyQualifiedErrorId`), a parser error (position
 * first, then the message), and a native command's (`kubectl`) plain `error: …` line.
 */
import type { Locale, LocalizedText } from './messages';

/** Offsets into the source text (the line or the whole script), end exclusive. */
export interface Extent {
  start: number;
  end: number;
}

/** PowerShell's ErrorCategory names (the subset this console uses). */
export type ErrorCategory =
  | 'NotSpecified'
  | 'InvalidArgument'
  | 'InvalidData'
  | 'InvalidOperation'
  | 'ObjectNotFound'
  | 'ParserError'
  | 'PermissionDenied'
  | 'ResourceExists'
  | 'ResourceUnavailable'
  | 'ConnectionError'
  | 'AuthenticationError'
  | 'LimitsExceeded'
  | 'InvalidResult';

export interface ErrorRecord {
  message: LocalizedText;
  /** The first half of FullyQualifiedErrorId: a PowerShell id or an issue/problem code. */
  errorId: string;
  category: ErrorCategory;
  /** The .NET-like exception name shown after CategoryInfo. */
  exception: string;
  /** The cmdlet that failed, or null (parser errors, unknown commands). */
  command: string | null;
  /** The object the error is about (CategoryInfo's `(target:Type)`), or ''. */
  target: string;
  extent: Extent | null;
  layout: 'cmdlet' | 'parser' | 'native';
  /** An extra line after the record: a suggestion. */
  hint?: LocalizedText;
}

/** Thrown by the parser and by handlers; carries the record to print. */
export class CommandError extends Error {
  readonly record: ErrorRecord;

  constructor(record: ErrorRecord) {
    super(record.message.en);
    this.name = 'CommandError';
    this.record = record;
  }
}

export interface SourcePosition {
  /** 1-based line and column (PowerShell's `At line:L char:C`). */
  line: number;
  column: number;
  /** The whole text of that line. */
  lineText: string;
  /** Offset of the line's first character in the source. */
  lineStart: number;
}

export function positionOf(source: string, offset: number): SourcePosition {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = lineStart;
  while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
  return {
    line,
    column: offset - lineStart + 1,
    lineText: source.slice(lineStart, lineEnd),
    lineStart,
  };
}

export interface FormatErrorOptions {
  locale: Locale;
  /** A script's name: `At <name>:<line> char:<col>` instead of `At line:<line> char:<col>`. */
  scriptName?: string;
}

/** The `At line:1 char:17` / `+ line` / `+ ~~~~` block, or '' without an extent. */
function positionBlock(record: ErrorRecord, source: string, options: FormatErrorOptions): string {
  if (!record.extent) return '';
  const pos = positionOf(source, record.extent.start);
  const where = options.scriptName ? `${options.scriptName}:${pos.line}` : `line:${pos.line}`;
  const lineEnd = pos.lineStart + pos.lineText.length;
  const width = Math.max(1, Math.min(record.extent.end, lineEnd) - record.extent.start);
  const pad = ' '.repeat(pos.column - 1);
  return `At ${where} char:${pos.column}\n+ ${pos.lineText}\n+ ${pad}${'~'.repeat(width)}\n`;
}

/** Renders a record as PowerShell prints it (`$ErrorView = 'NormalView'`), ending with \n. */
export function formatErrorRecord(
  record: ErrorRecord,
  source: string,
  options: FormatErrorOptions,
): string {
  const message = record.message[options.locale];
  const hint = record.hint ? `${record.hint[options.locale]}\n` : '';
  if (record.layout === 'native') return `error: ${message}\n${hint}`;
  const target = record.target ? `${record.target}:String` : ':';
  const categoryInfo = `${record.category}: (${target}) [${record.command ?? ''}], ${record.exception}`;
  const fqid = record.command ? `${record.errorId},${record.command}` : record.errorId;
  const tail =
    `    + CategoryInfo          : ${categoryInfo}\n` + `    + FullyQualifiedErrorId : ${fqid}\n`;
  if (record.layout === 'parser') {
    return `${positionBlock(record, source, options)}${message}\n${tail}${hint}`;
  }
  const who = record.command ?? (record.target || 'edgenet');
  return `${who} : ${message}\n${positionBlock(record, source, options)}${tail}${hint}`;
}
