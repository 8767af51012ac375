/**
 * Runs lines and scripts: parse, bind, dispatch to a handler, collect PowerShell-formatted
 * output. Never throws for a user's mistake or a server's refusal: those come back as error
 * records in the output, with `error: true` and a non-zero exit code.
 */
import { CMDLETS, type CmdletInfo, KUBECTL, NSLOOKUP } from './cmdlets';
import { CommandError, type ErrorRecord, formatErrorRecord } from './error-record';
import { formatJson, formatKubectlTable, formatList, formatTable } from './format';
import { getHcsKubeClusterNetworkInfo, setHcsKubeClusterNetworkInfo } from './handlers/compute';
import { getHcsApplianceInfo, getNetAdapter } from './handlers/device';
import type { Handler, HandlerEnv, Output, ShellContext } from './handlers/env';
import { getCommand, getHelp, helpArticle } from './handlers/help';
import { kubectlRun } from './handlers/kubectl';
import { testNetConnection } from './handlers/probe';
import { addHcsNetRoute, getHcsNetRoute, removeHcsNetRoute } from './handlers/routes';
import {
  addHcsExternalVirtualSwitch,
  addHcsVirtualNetwork,
  getHcsExternalVirtualSwitch,
  getHcsVirtualNetwork,
  removeHcsVirtualNetwork,
} from './handlers/virtual-switches';
import type { ConsoleLimits, LimitExceeded } from './limits';
import { text } from './messages';
import { type Command, parseScript } from './parser';

const HANDLERS: Readonly<Record<string, Handler>> = {
  'Add-HcsNetRoute': addHcsNetRoute,
  'Get-HcsNetRoute': getHcsNetRoute,
  'Remove-HcsNetRoute': removeHcsNetRoute,
  'Get-HcsKubeClusterNetworkInfo': getHcsKubeClusterNetworkInfo,
  'Set-HcsKubeClusterNetworkInfo': setHcsKubeClusterNetworkInfo,
  'Get-HcsExternalVirtualSwitch': getHcsExternalVirtualSwitch,
  'Get-NetAdapter': getNetAdapter,
  'Get-HcsApplianceInfo': getHcsApplianceInfo,
  'Get-Help': getHelp,
  'Get-Command': getCommand,
  'Add-HcsExternalVirtualSwitch': addHcsExternalVirtualSwitch,
  'Add-HcsVirtualNetwork': addHcsVirtualNetwork,
  'Get-HcsVirtualNetwork': getHcsVirtualNetwork,
  'Remove-HcsVirtualNetwork': removeHcsVirtualNetwork,
  'Test-NetConnection': testNetConnection,
};

export type OutputStream = 'output' | 'warning' | 'info' | 'error';

export interface OutputChunk {
  /** `output` is the result (stdout); the others are for the user (stderr in a terminal). */
  stream: OutputStream;
  text: string;
}

export interface RunResult {
  /** Every chunk's text, in order: what a console shows. */
  output: string;
  chunks: OutputChunk[];
  /** Some statement failed (a parse, binding or server error). */
  error: boolean;
  /** 0, or 1 when `error`. */
  exitCode: number;
  /** Statements that ran (a parser error runs none). */
  statementsRun: number;
  /** Every statement of the source, in order, and what became of it. */
  statements: StatementReport[];
  /** The bound (output size, time) that stopped the line early, or null. */
  stoppedBy: LimitExceeded | null;
}

export interface StatementReport {
  /** The statement's source text (cut to 200 characters). */
  text: string;
  /** `succeeded`/`failed`: it ran; `notRun`: a syntax error, or an earlier stop. */
  outcome: 'succeeded' | 'failed' | 'notRun';
}

export interface RunOptions {
  /** Called for each chunk as it is produced (stream a long script's output). */
  onChunk?: (chunk: OutputChunk) => void;
  /**
   * Bounds of a running line: past `maxOutputChars` the output is cut and, like past
   * `timeBudgetMs`, no further statement runs (the result's `stoppedBy` says which).
   */
  limits?: Partial<Pick<ConsoleLimits, 'maxOutputChars' | 'timeBudgetMs'>>;
  /**
   * Awaited between statements: a server passes a macrotask (`setImmediate`) so that other
   * requests are served while a long line runs.
   */
  pause?: () => Promise<void>;
  /** Clock for the time budget (tests). */
  now?: () => number;
}

export interface RunScriptOptions extends RunOptions {
  /** Run the next statements after one fails (default false: stop at the first error). */
  continueOnError?: boolean;
  /** Shown in error positions: `At <scriptName>:3 char:1`. */
  scriptName?: string;
}

function infoOf(command: Command): CmdletInfo {
  if (command.kind === 'kubectl') return command.verb === 'nslookup' ? NSLOOKUP : KUBECTL;
  const info = CMDLETS.find((c) => c.name === command.name);
  if (!info) throw new Error(`no metadata for ${command.name}`);
  return info;
}

/** What the common parameters ask of one statement. */
interface Preferences {
  errorAction?: string;
  warningAction?: string;
  verbose: boolean;
}

function preferencesOf(command: Command): Preferences {
  if (command.kind !== 'cmdlet') return { verbose: false };
  const { ErrorAction, WarningAction, Verbose } = command.parameters;
  return {
    ...(typeof ErrorAction === 'string' ? { errorAction: ErrorAction } : {}),
    ...(typeof WarningAction === 'string' ? { warningAction: WarningAction } : {}),
    verbose: Verbose === true,
  };
}

class Collector {
  readonly chunks: OutputChunk[] = [];
  failed = false;
  /** Characters emitted so far, and the cap (cut there; `overflowed` once reached). */
  size = 0;
  overflowed = false;
  private readonly maxChars: number;

  constructor(
    private readonly ctx: ShellContext,
    private readonly source: string,
    private readonly options: RunScriptOptions,
  ) {
    this.maxChars = options.limits?.maxOutputChars ?? Number.POSITIVE_INFINITY;
  }

  emit(stream: OutputStream, value: string): void {
    if (value === '' || this.overflowed) return;
    let kept = value;
    if (this.size + value.length > this.maxChars) {
      kept = value.slice(0, Math.max(0, this.maxChars - this.size));
      this.overflowed = true;
      if (kept === '') return;
    }
    this.size += kept.length;
    const chunk = { stream, text: kept };
    this.chunks.push(chunk);
    this.options.onChunk?.(chunk);
  }

  error(record: ErrorRecord): void {
    this.failed = true;
    this.emit(
      'error',
      formatErrorRecord(record, this.source, {
        locale: this.ctx.locale,
        ...(this.options.scriptName ? { scriptName: this.options.scriptName } : {}),
      }),
    );
  }

  output(asJson: boolean, prefs: Preferences): Output {
    const { ctx } = this;
    const quiet = (action: string | undefined) =>
      action === 'SilentlyContinue' || action === 'Ignore';
    return {
      objects: (items, view, options = {}) => {
        if (asJson) {
          this.emit('output', formatJson(options.single ? (items[0] ?? null) : items));
        } else if (view.kind === 'table') {
          this.emit('output', formatTable(items, view.columns, ctx.width));
        } else if (view.kind === 'kubectl') {
          this.emit('output', formatKubectlTable(items, view.columns));
        } else {
          this.emit('output', formatList(items, view.properties));
        }
      },
      text: (value) => this.emit('output', value),
      warning: (message) => {
        if (!quiet(prefs.warningAction)) this.emit('warning', `WARNING: ${message[ctx.locale]}\n`);
      },
      info: (message) => this.emit('info', `${message[ctx.locale]}\n`),
      error: (record) => {
        if (!quiet(prefs.errorAction)) this.error(record);
      },
      verbose: (message) => {
        if (prefs.verbose) this.emit('info', `VERBOSE: ${message}\n`);
      },
    };
  }
}

/** Runs one bound command, honouring -?, -AsJson, -ErrorAction, -WarningAction and -Verbose. */
async function runCommand(
  command: Command,
  ctx: ShellContext,
  collector: Collector,
): Promise<void> {
  const info = infoOf(command);
  const prefs = preferencesOf(command);
  const width = ctx.width;
  if (command.help) {
    collector.emit('output', helpArticle(info, width ? { width } : {}));
    return;
  }
  const supportsJson =
    command.kind === 'kubectl' || info.parameters.some((p) => p.name === 'AsJson');
  const asJson =
    (command.kind === 'cmdlet' && command.parameters.AsJson === true) ||
    (ctx.json === true && supportsJson);
  const out = collector.output(asJson, prefs);
  const env: HandlerEnv<Command> = { ctx, out, command, info, asJson };
  try {
    if (command.kind === 'kubectl') {
      await kubectlRun(env as HandlerEnv<typeof command>);
    } else {
      const handler = HANDLERS[command.name];
      if (!handler) throw new Error(`no handler for ${command.name}`);
      await handler(env as HandlerEnv<typeof command>);
    }
  } catch (error) {
    if (error instanceof CommandError) {
      out.error(error.record);
    } else {
      // A bug, not the user's doing: one clear line, no stack trace.
      const detail = error instanceof Error ? error.message : String(error);
      collector.error({
        message: text(
          `Internal error in this console: ${detail}`,
          `このコンソールの内部エラー: ${detail}`,
        ),
        errorId: 'InternalError',
        category: 'NotSpecified',
        exception: 'RuntimeException',
        command: command.kind === 'cmdlet' ? command.name : 'kubectl',
        target: '',
        extent: command.extent,
        layout: 'cmdlet',
      });
    }
  }
}

/**
 * Runs a script: one statement per line (or `;`), `#` and `<# #>` comments, backtick line
 * continuation. As in PowerShell, a syntax error anywhere means nothing runs. Otherwise
 * statements run in order and, unless `continueOnError`, the first failing one stops the rest.
 */
export async function runScript(
  source: string,
  ctx: ShellContext,
  options: RunScriptOptions = {},
): Promise<RunResult> {
  const collector = new Collector(ctx, source, options);
  const statements = parseScript(source);
  const reports: StatementReport[] = statements.map((s) => ({
    text: source.slice(s.extent.start, s.extent.end).slice(0, 200),
    outcome: 'notRun',
  }));
  const now = options.now ?? Date.now;
  const started = now();
  const budget = options.limits?.timeBudgetMs ?? Number.POSITIVE_INFINITY;
  let stoppedBy: LimitExceeded | null = null;
  let statementsRun = 0;
  const syntaxErrors = statements.filter((s) => s.error?.record.layout === 'parser');
  if (syntaxErrors.length > 0) {
    for (const s of syntaxErrors) if (s.error) collector.error(s.error.record);
  } else {
    for (const [index, statement] of statements.entries()) {
      if (index > 0) {
        await options.pause?.();
        const elapsed = now() - started;
        if (elapsed > budget) {
          stoppedBy = { limit: 'timeBudget', max: budget, actual: elapsed };
          break;
        }
      }
      const before = collector.failed;
      collector.failed = false;
      if (statement.error) {
        collector.error(statement.error.record);
      } else if (statement.command) {
        statementsRun++;
        await runCommand(statement.command, ctx, collector);
      }
      const thisFailed = collector.failed;
      const report = reports[index] as StatementReport;
      if (statement.command) report.outcome = thisFailed ? 'failed' : 'succeeded';
      collector.failed = before || thisFailed;
      if (collector.overflowed) {
        const max = options.limits?.maxOutputChars ?? 0;
        stoppedBy = { limit: 'outputSize', max, actual: collector.size + 1 };
        break;
      }
      const stop = statement.command
        ? preferencesOf(statement.command).errorAction === 'Stop'
        : false;
      if (thisFailed && (stop || !options.continueOnError)) break;
    }
  }
  const output = collector.chunks.map((c) => c.text).join('');
  return {
    output,
    chunks: collector.chunks,
    error: collector.failed,
    exitCode: collector.failed || stoppedBy ? 1 : 0,
    statementsRun,
    statements: reports,
    stoppedBy,
  };
}

/**
 * Runs one command line as the interactive console does. Statements separated by `;` all
 * run, as in PowerShell, even when one fails.
 */
export function runLine(
  line: string,
  ctx: ShellContext,
  options: RunOptions = {},
): Promise<RunResult> {
  return runScript(line, ctx, { ...options, continueOnError: true });
}
