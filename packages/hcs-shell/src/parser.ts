/**
 * Binds tokenized statements to commands, as PowerShell's parameter binder does: the command
 * name is case-insensitive; named parameters are case-insensitive and may be abbreviated to
 * any unique prefix; `-Name value` and `-Name:value`; switches; positional arguments where a
 * parameter declares a position; then the mandatory check. Each failure is PowerShell's own
 * error (NamedParameterNotFound, AmbiguousParameter, ParameterAlreadyBound, …).
 * `kubectl` lines are parsed as kubectl parses its flags.
 */
import {
  ACTION_PREFERENCES,
  bindableParameters,
  type CmdletInfo,
  commandNames,
  findCommand,
  KUBECTL,
  type ParameterInfo,
} from './cmdlets';
import { CommandError, type ErrorCategory, type Extent } from './error-record';
import { type LocalizedText, msg, text } from './messages';
import { closest } from './suggest';
import { type Statement, type Token, tokenize } from './tokenizer';

export type ParameterValue = string | number | boolean;

export interface CmdletCommand {
  kind: 'cmdlet';
  /** The cmdlet's canonical name (`Add-HcsNetRoute`), whatever case or alias was typed. */
  name: string;
  /** Bound parameters by canonical name; switches are `true`/`false`, Int32 are numbers. */
  parameters: Record<string, ParameterValue>;
  /** Where each bound parameter's value was written, so errors can point at it. */
  argumentExtents: Record<string, Extent>;
  /** `-?` was given: show help instead of running. */
  help: boolean;
  extent: Extent;
}

export type KubectlResource = 'pods' | 'services' | 'nodes';

export interface KubectlCommand {
  kind: 'kubectl';
  resource: KubectlResource;
  /** The namespace to list, or null for every namespace (`-A`). */
  namespace: string | null;
  /** Resource names to show (`kubectl get pods coredns-…`); empty for all. */
  names: string[];
  output: 'default' | 'wide';
  /** `--help`, `-h`, `-?` or no arguments: show help instead of running. */
  help: boolean;
  extent: Extent;
}

export type Command = CmdletCommand | KubectlCommand;

export interface ParsedStatement {
  /** The bound command, or null when `error` is set. */
  command: Command | null;
  error: CommandError | null;
  extent: Extent;
}

function bindingError(
  message: LocalizedText,
  errorId: string,
  command: string | null,
  extent: Extent,
  options: { category?: ErrorCategory; exception?: string; hint?: LocalizedText } = {},
): CommandError {
  return new CommandError({
    message,
    errorId,
    category: options.category ?? 'InvalidArgument',
    exception: options.exception ?? 'ParameterBindingException',
    command,
    target: '',
    extent,
    layout: 'cmdlet',
    ...(options.hint ? { hint: options.hint } : {}),
  });
}

function dotnetType(type: ParameterInfo['type']): string {
  if (type === 'Int32') return 'System.Int32';
  if (type === 'SwitchParameter') return 'System.Management.Automation.SwitchParameter';
  if (type === 'Boolean') return 'System.Boolean';
  if (type === 'ActionPreference') return 'System.Management.Automation.ActionPreference';
  return 'System.String';
}

/** PowerShell's [int] conversion of literal text: decimal or 0x hex, within Int32. */
function toInt32(value: string): number | null {
  const t = value.trim();
  let n: number;
  if (/^[+-]?\d+$/.test(t)) n = Number(t);
  else if (/^0x[0-9a-f]+$/i.test(t)) n = Number.parseInt(t.slice(2), 16);
  else return null;
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}

function resolveParameter(
  cmdlet: CmdletInfo,
  token: Extract<Token, { kind: 'parameter' }>,
): ParameterInfo {
  const typed = token.name.toLowerCase();
  const all = bindableParameters(cmdlet);
  const exact = all.find((p) => p.name.toLowerCase() === typed);
  if (exact) return exact;
  const matches = all.filter((p) => p.name.toLowerCase().startsWith(typed));
  const [only] = matches;
  if (matches.length === 1 && only) return only;
  if (matches.length > 1) {
    throw bindingError(
      msg.parameterAmbiguous(
        token.name,
        matches.map((p) => p.name),
      ),
      'AmbiguousParameter',
      cmdlet.name,
      token.extent,
    );
  }
  const near = closest(
    token.name,
    all.map((p) => p.name),
  );
  throw bindingError(
    msg.parameterNotFound(token.name),
    'NamedParameterNotFound',
    cmdlet.name,
    token.extent,
    {
      ...(near.length > 0 ? { hint: msg.didYouMean(near.map((n) => `-${n}`)) } : {}),
    },
  );
}

function convertArgument(
  cmdlet: CmdletInfo,
  parameter: ParameterInfo,
  token: Token,
): ParameterValue | null {
  const raw = token.kind === 'argument' ? token.value : token.text;
  const constant = token.kind === 'argument' ? token.constant : null;
  if (parameter.type === 'SwitchParameter') {
    if (constant === 'true' || /^true$/i.test(raw)) return true;
    if (constant === 'false' || /^false$/i.test(raw)) return false;
    throw bindingError(
      msg.cannotConvert(parameter.name, raw, dotnetType(parameter.type)),
      'ParameterArgumentTransformationError',
      cmdlet.name,
      token.extent,
      { category: 'InvalidData', exception: 'ParameterBindingArgumentTransformationException' },
    );
  }
  if (parameter.type === 'Boolean') {
    // PowerShell's [bool] parameters take Boolean values and numbers only, not text.
    if (
      constant === 'true' ||
      (constant === null && token.kind === 'argument' && /^[1-9][0-9]*$/.test(raw) && !token.quoted)
    )
      return true;
    if (constant === 'false' || (token.kind === 'argument' && raw === '0' && !token.quoted))
      return false;
    throw bindingError(
      msg.booleanOnly(parameter.name, raw),
      'ParameterArgumentTransformationError',
      cmdlet.name,
      token.extent,
      { category: 'InvalidData', exception: 'ParameterBindingArgumentTransformationException' },
    );
  }
  if (constant === 'null' || raw === '') {
    if (!parameter.mandatory) return null;
    throw bindingError(
      msg.emptyString(parameter.name),
      'ParameterArgumentValidationErrorEmptyStringNotAllowed',
      cmdlet.name,
      token.extent,
      { category: 'InvalidData', exception: 'ParameterBindingValidationException' },
    );
  }
  if (parameter.type === 'ActionPreference') {
    const found = ACTION_PREFERENCES.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (found) return found;
    throw bindingError(
      text(
        `Cannot bind parameter '${parameter.name}'. Cannot convert value "${raw}" to type "${dotnetType(parameter.type)}". Error: "Unable to match the identifier name ${raw} to a valid enumerator name. Specify one of the following enumerator names and try again: ${ACTION_PREFERENCES.join(', ')}"`,
        `パラメーター '${parameter.name}' をバインドできません。値 "${raw}" を型 "${dotnetType(parameter.type)}" に変換できません。エラー: "識別子名 ${raw} を有効な列挙子名に一致させることができません。次の列挙子名のいずれかを指定して、再試行してください: ${ACTION_PREFERENCES.join(', ')}"`,
      ),
      'CannotConvertArgumentNoMessage',
      cmdlet.name,
      token.extent,
      { exception: 'ParameterBindingException' },
    );
  }
  if (parameter.type === 'Int32') {
    const n = toInt32(raw);
    if (n === null) {
      throw bindingError(
        msg.cannotConvert(parameter.name, raw, dotnetType(parameter.type)),
        'ParameterArgumentTransformationError',
        cmdlet.name,
        token.extent,
        { category: 'InvalidData', exception: 'ParameterBindingArgumentTransformationException' },
      );
    }
    return n;
  }
  return raw;
}

function bindCmdlet(
  cmdlet: CmdletInfo,
  nameToken: Token,
  rest: Token[],
  extent: Extent,
): CmdletCommand {
  const parameters: Record<string, ParameterValue> = {};
  const argumentExtents: Record<string, Extent> = {};
  const bound = new Set<string>();
  let help = false;

  const bind = (parameter: ParameterInfo, value: ParameterValue | null, at: Extent) => {
    bound.add(parameter.name);
    if (value === null) return;
    parameters[parameter.name] = value;
    argumentExtents[parameter.name] = at;
  };

  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as Token;
    if (token.kind === 'parameter') {
      if (token.name === '?') {
        help = true;
        continue;
      }
      const parameter = resolveParameter(cmdlet, token);
      if (bound.has(parameter.name)) {
        throw bindingError(
          msg.parameterAlreadyBound(parameter.name),
          'ParameterAlreadyBound',
          cmdlet.name,
          token.extent,
        );
      }
      const next = rest[i + 1];
      if (parameter.type === 'SwitchParameter' && !token.colon) {
        bind(parameter, true, token.extent);
        continue;
      }
      // `-Name:value` takes the next token whatever it is; `-Name value` needs a value token.
      if (!next || (!token.colon && next.kind === 'parameter')) {
        throw bindingError(
          msg.missingArgument(parameter.name, dotnetType(parameter.type)),
          'MissingArgument',
          cmdlet.name,
          token.extent,
        );
      }
      i++;
      bind(parameter, convertArgument(cmdlet, parameter, next), next.extent);
      continue;
    }
    const positional = cmdlet.parameters
      .filter((p) => p.position !== null && !bound.has(p.name))
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))[0];
    if (!positional) {
      throw bindingError(
        msg.positionalNotFound(token.value),
        'PositionalParameterNotFound',
        cmdlet.name,
        token.extent,
      );
    }
    bind(positional, convertArgument(cmdlet, positional, token), token.extent);
  }

  if (!help) {
    const missing = cmdlet.parameters.filter((p) => p.mandatory && !bound.has(p.name));
    if (missing.length > 0) {
      throw bindingError(
        msg.missingMandatory(missing.map((p) => p.name)),
        'MissingMandatoryParameter',
        cmdlet.name,
        nameToken.extent,
      );
    }
  }
  return { kind: 'cmdlet', name: cmdlet.name, parameters, argumentExtents, help, extent };
}

function kubectlError(message: LocalizedText, extent: Extent): CommandError {
  return new CommandError({
    message,
    errorId: 'NativeCommandError',
    category: 'InvalidArgument',
    exception: 'RemoteException',
    command: 'kubectl',
    target: '',
    extent,
    layout: 'native',
  });
}

const RESOURCES: Record<string, KubectlResource> = {
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  services: 'services',
  service: 'services',
  svc: 'services',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
};

/** kubectl's own flag grammar over the words PowerShell hands a native command. */
function bindKubectl(rest: Token[], extent: Extent): KubectlCommand {
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as Token;
    if (token.kind === 'parameter' && token.colon) {
      // PowerShell passes `-n:x` to a native command as one word.
      const next = rest[i + 1];
      args.push(token.text + (next ? (next.kind === 'argument' ? next.value : next.text) : ''));
      if (next) i++;
    } else {
      args.push(token.kind === 'argument' ? token.value : token.text);
    }
  }
  const fail = (en: string, ja: string) => kubectlError(text(en, ja), extent);
  // The verb first, as kubectl picks the subcommand before it reads that subcommand's flags.
  const takesValue = new Set(['-n', '--namespace', '-o', '--output']);
  const verbAt = args.findIndex((a, i) => !a.startsWith('-') && !takesValue.has(args[i - 1] ?? ''));
  const verbWord = verbAt < 0 ? undefined : args[verbAt];
  const wantsHelp = args.some((a) => a === '--help' || a === '-h' || a === '-?');
  if (verbWord !== undefined && verbWord !== 'get' && !wantsHelp) {
    throw fail(
      `only "kubectl get" is available in this console (pods, services, nodes); got "${verbWord}".`,
      `このコンソールで使えるのは "kubectl get" (pods、services、nodes) だけです。指定された値: "${verbWord}"`,
    );
  }
  let namespace: string | undefined;
  let all = false;
  let output: string | undefined;
  let help = args.length === 0;
  const positional: string[] = [];
  const flagValue = (flag: string, inline: string | undefined, i: number): [string, number] => {
    if (inline !== undefined && inline !== '') return [inline, i];
    const next = args[i + 1];
    if (next === undefined) {
      throw fail(`flag needs an argument: ${flag}`, `フラグには引数が必要です: ${flag}`);
    }
    return [next, i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq < 0 ? arg : arg.slice(0, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (flag === '--namespace') [namespace, i] = flagValue(flag, inline, i);
      else if (flag === '--output') [output, i] = flagValue(flag, inline, i);
      else if (flag === '--all-namespaces') all = inline === undefined || inline === 'true';
      else if (flag === '--help') help = true;
      else throw fail(`unknown flag: ${flag}`, `不明なフラグです: ${flag}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const short = arg[1] as string;
      let inline: string | undefined = arg.slice(2);
      if (inline.startsWith('=') || inline.startsWith(':')) inline = inline.slice(1);
      if (short === 'n') [namespace, i] = flagValue('-n', inline, i);
      else if (short === 'o') [output, i] = flagValue('-o', inline, i);
      else if (short === 'A' && inline === '') all = true;
      else if ((short === 'h' || short === '?') && inline === '') help = true;
      else {
        throw fail(
          `unknown shorthand flag: '${short}' in ${arg}`,
          `不明な短縮フラグです: ${arg} の '${short}'`,
        );
      }
    } else {
      positional.push(arg);
    }
  }
  const [verb, resourceName, ...names] = positional;
  if (!help && verb !== 'get') {
    throw fail(
      'You must name what to get: kubectl get (pods | services | nodes).',
      '取得するものを指定してください: kubectl get (pods | services | nodes)',
    );
  }
  let resource: KubectlResource = 'pods';
  if (!help) {
    if (resourceName === undefined) {
      throw fail(
        'You must specify the type of resource to get: pods, services (svc) or nodes.',
        '取得するリソースの種類を指定してください: pods、services (svc)、nodes。',
      );
    }
    const found = RESOURCES[resourceName.toLowerCase()];
    if (!found) {
      throw fail(
        `the server doesn't have a resource type "${resourceName}"`,
        `サーバーにはリソースの種類 "${resourceName}" がありません`,
      );
    }
    resource = found;
    if (output !== undefined && output !== 'wide') {
      throw fail(
        `unable to match a printer suitable for the output format "${output}", allowed formats in this console are: wide`,
        `出力形式 "${output}" に対応するプリンターがありません。このコンソールで使える形式: wide`,
      );
    }
  }
  return {
    kind: 'kubectl',
    resource,
    namespace: all ? null : (namespace ?? 'default'),
    names,
    output: output === 'wide' ? 'wide' : 'default',
    help,
    extent,
  };
}

/** Binds one tokenized statement; throws CommandError on a syntax or binding error. */
export function bindStatement(statement: Statement): Command {
  if (statement.error) throw statement.error;
  const [nameToken, ...rest] = statement.tokens;
  if (!nameToken) throw new Error('bindStatement: empty statement');
  const name = nameToken.kind === 'argument' ? nameToken.value : nameToken.text;
  const command = findCommand(name);
  if (!command) {
    const near = closest(name, commandNames());
    throw new CommandError({
      message: msg.commandNotFound(name),
      errorId: 'CommandNotFoundException',
      category: 'ObjectNotFound',
      exception: 'CommandNotFoundException',
      command: null,
      target: name,
      extent: nameToken.extent,
      layout: 'cmdlet',
      ...(near.length > 0 ? { hint: msg.didYouMean(near) } : {}),
    });
  }
  if (command === KUBECTL) return bindKubectl(rest, statement.extent);
  return bindCmdlet(command, nameToken, rest, statement.extent);
}

/**
 * Parses a script (or a line holding `;`-separated statements). Syntax errors and binding
 * errors are reported per statement, so a caller can decide what runs.
 */
export function parseScript(source: string): ParsedStatement[] {
  return tokenize(source).map((statement) => {
    try {
      return { command: bindStatement(statement), error: null, extent: statement.extent };
    } catch (error) {
      if (error instanceof CommandError) {
        return { command: null, error, extent: statement.extent };
      }
      throw error;
    }
  });
}

/**
 * Parses one command line into a command, or null for a blank or comment-only line.
 * Throws CommandError (with a PowerShell error record) when the line does not parse or bind,
 * or holds more than one statement.
 */
export function parseCommandLine(line: string): Command | null {
  const statements = parseScript(line);
  const [first, second] = statements;
  if (!first) return null;
  if (first.error) throw first.error;
  if (second) {
    throw new CommandError({
      message: msg.oneCommandPerLine(),
      errorId: 'MultipleStatements',
      category: 'ParserError',
      exception: 'ParentContainsErrorRecordException',
      command: null,
      target: '',
      extent: second.extent,
      layout: 'parser',
    });
  }
  return first.command;
}
