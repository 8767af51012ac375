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
  NSLOOKUP,
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

export type KubectlResource = 'pods' | 'services' | 'nodes' | 'deployment' | 'pod';
export type KubectlVerb = 'get' | 'expose' | 'create' | 'apply' | 'delete' | 'nslookup';

/** A kubectl line (or `nslookup`, the other native command of the console). */
export interface KubectlCommand {
  kind: 'kubectl';
  verb: KubectlVerb;
  /** get/delete: what to list or delete; expose: `deployment` or `pod`; create: `services`. */
  resource: KubectlResource;
  /** The namespace to list, or null for every namespace (`-A`). */
  namespace: string | null;
  /**
   * get/delete: resource names (empty for all); expose: the deployment or pod; create: the
   * service type then its name; nslookup: the name, then the server if given.
   */
  names: string[];
  output: 'default' | 'wide' | 'yaml';
  /** Value flags by long name (`--port`, `--tcp`, `--filename`, …); `--tcp` values comma-joined. */
  flags: Record<string, string>;
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
  /** The value cannot become the parameter's type (PowerShell's transformation error). */
  const notConvertible = (
    message = msg.cannotConvert(parameter.name, raw, dotnetType(parameter.type)),
  ) =>
    bindingError(message, 'ParameterArgumentTransformationError', cmdlet.name, token.extent, {
      category: 'InvalidData',
      exception: 'ParameterBindingArgumentTransformationException',
    });
  if (parameter.type === 'SwitchParameter') {
    if (constant === 'true' || /^true$/i.test(raw)) return true;
    if (constant === 'false' || /^false$/i.test(raw)) return false;
    throw notConvertible();
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
    throw notConvertible(msg.booleanOnly(parameter.name, raw));
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
    if (n === null) throw notConvertible();
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

/** The words PowerShell hands a native command (`-n:x` stays one word). */
function nativeArgs(rest: Token[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as Token;
    if (token.kind === 'parameter' && token.colon) {
      const next = rest[i + 1];
      args.push(token.text + (next ? (next.kind === 'argument' ? next.value : next.text) : ''));
      if (next) i++;
    } else {
      args.push(token.kind === 'argument' ? token.value : token.text);
    }
  }
  return args;
}

/** Long flags that take a value, and the verbs that accept each (kubectl's per-command flags). */
const VALUE_FLAGS: Record<string, readonly KubectlVerb[] | 'all'> = {
  '--namespace': 'all',
  '--output': ['get'],
  '--filename': ['apply'],
  '--port': ['expose'],
  '--target-port': ['expose'],
  '--type': ['expose'],
  '--name': ['expose'],
  '--protocol': ['expose'],
  '--load-balancer-ip': ['expose'],
  '--selector': ['expose'],
  '--tcp': ['create'],
};
const SHORT_VALUE_FLAGS: Record<string, string> = {
  n: '--namespace',
  o: '--output',
  f: '--filename',
  l: '--selector',
};
const VERBS: readonly KubectlVerb[] = ['get', 'expose', 'create', 'apply', 'delete'];
const OUTPUTS: Record<KubectlVerb, readonly string[]> = {
  get: ['wide', 'yaml'],
  expose: [],
  create: [],
  apply: [],
  delete: [],
  nslookup: [],
};

/** kubectl's own flag grammar over the words PowerShell hands a native command. */
function bindKubectl(rest: Token[], extent: Extent): KubectlCommand {
  const args = nativeArgs(rest);
  const fail = (en: string, ja: string) => kubectlError(text(en, ja), extent);
  const takesValue = (arg: string) =>
    arg in VALUE_FLAGS || (/^-[a-zA-Z]$/.test(arg) && (arg[1] as string) in SHORT_VALUE_FLAGS);
  // The verb first, as kubectl picks the subcommand before it reads that subcommand's flags.
  const verbAt = args.findIndex((a, i) => !a.startsWith('-') && !takesValue(args[i - 1] ?? ''));
  const verbWord = verbAt < 0 ? undefined : args[verbAt];
  const wantsHelp = args.some((a) => a === '--help' || a === '-h' || a === '-?');
  const verb = VERBS.find((v) => v === verbWord);
  if (verbWord !== undefined && !verb && !wantsHelp) {
    throw fail(
      `unknown command "${verbWord}" for "kubectl": this console runs get, expose, create service, apply -f and delete`,
      `"kubectl" の不明なコマンド "${verbWord}": このコンソールで使えるのは get、expose、create service、apply -f、delete です`,
    );
  }
  const flags = new Map<string, string>();
  let all = false;
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
  const accepts = (flag: string) => {
    const verbs = VALUE_FLAGS[flag];
    return verbs === 'all' || (verbs !== undefined && verb !== undefined && verbs.includes(verb));
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
      if (accepts(flag)) {
        let value: string;
        [value, i] = flagValue(flag, inline, i);
        flags.set(
          flag,
          flag === '--tcp' && flags.has(flag) ? `${flags.get(flag)},${value}` : value,
        );
      } else if (flag === '--all-namespaces') all = inline === undefined || inline === 'true';
      else if (flag === '--help') help = true;
      else throw fail(`unknown flag: ${flag}`, `不明なフラグです: ${flag}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const short = arg[1] as string;
      let inline: string | undefined = arg.slice(2);
      if (inline.startsWith('=') || inline.startsWith(':')) inline = inline.slice(1);
      const long = SHORT_VALUE_FLAGS[short];
      if (long && accepts(long)) {
        let value: string;
        [value, i] = flagValue(`-${short}`, inline, i);
        flags.set(long, value);
      } else if (short === 'A' && inline === '') all = true;
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
  const namespace = flags.get('--namespace');
  const base = {
    kind: 'kubectl' as const,
    verb: verb ?? ('get' as const),
    resource: 'pods' as KubectlResource,
    namespace: all ? null : (namespace ?? 'default'),
    names: [] as string[],
    output: 'default' as KubectlCommand['output'],
    flags: Object.fromEntries(flags),
    help,
    extent,
  };
  if (help) return base;
  const [, resourceName, ...names] = positional;
  const output = flags.get('--output');
  if (output !== undefined && !(verb && OUTPUTS[verb].includes(output))) {
    throw fail(
      `unable to match a printer suitable for the output format "${output}", allowed formats in this console are: ${verb ? OUTPUTS[verb].join(',') || 'none' : 'wide,yaml'}`,
      `出力形式 "${output}" に対応するプリンターがありません。このコンソールで使える形式: ${verb ? OUTPUTS[verb].join(',') || 'なし' : 'wide,yaml'}`,
    );
  }
  if (verb === undefined) {
    throw fail(
      'You must name what to do: kubectl get (pods | services | nodes), expose, create service, apply -f, delete svc.',
      '操作を指定してください: kubectl get (pods | services | nodes)、expose、create service、apply -f、delete svc。',
    );
  }
  const out = {
    ...base,
    output: (output ?? 'default') as KubectlCommand['output'],
  };
  if (verb === 'apply') {
    if (!flags.has('--filename')) {
      throw fail(
        'error: must specify one of -f and -k',
        'エラー: -f か -k のどちらかを指定してください',
      );
    }
    return out;
  }
  if (verb === 'expose') {
    const kind = (resourceName ?? '').toLowerCase();
    const exposeKind = ['deployment', 'deployments', 'deploy'].includes(kind)
      ? 'deployment'
      : ['pod', 'pods', 'po'].includes(kind)
        ? 'pod'
        : null;
    if (exposeKind === null || names.length !== 1) {
      throw fail(
        'You must provide the resource and name to expose: kubectl expose (deployment | pod) NAME --port=PORT',
        '公開するリソースと名前を指定してください: kubectl expose (deployment | pod) NAME --port=PORT',
      );
    }
    if (!flags.has('--port')) {
      throw fail(
        `couldn't find port via --port flag or introspection`,
        '--port フラグでポートを指定してください (ポートを推定できません)',
      );
    }
    return { ...out, resource: exposeKind, names };
  }
  if (verb === 'create') {
    const kind = (resourceName ?? '').toLowerCase();
    const [serviceType, name, ...extra] = names;
    if (kind !== 'service' && kind !== 'svc') {
      throw fail(
        `this console creates only services: kubectl create service (loadbalancer | clusterip) NAME --tcp=PORT:TARGET`,
        'このコンソールで作成できるのはサービスだけです: kubectl create service (loadbalancer | clusterip) NAME --tcp=PORT:TARGET',
      );
    }
    const type = (serviceType ?? '').toLowerCase();
    if ((type !== 'loadbalancer' && type !== 'clusterip') || name === undefined || extra.length) {
      throw fail(
        'Usage: kubectl create service (loadbalancer | clusterip) NAME --tcp=PORT:TARGET',
        '使い方: kubectl create service (loadbalancer | clusterip) NAME --tcp=PORT:TARGET',
      );
    }
    if (!flags.has('--tcp')) {
      throw fail(
        'error: at least one tcp port specifier must be provided',
        'エラー: --tcp でポートを 1 つ以上指定してください',
      );
    }
    return { ...out, resource: 'services', names: [type, name] };
  }
  if (resourceName === undefined) {
    throw fail(
      `You must specify the type of resource to ${verb}: ${verb === 'get' ? 'pods, services (svc) or nodes' : 'services (svc)'}.`,
      `${verb === 'get' ? '取得' : '削除'}するリソースの種類を指定してください: ${verb === 'get' ? 'pods、services (svc)、nodes' : 'services (svc)'}。`,
    );
  }
  const found = RESOURCES[resourceName.toLowerCase()];
  if (!found || (verb === 'delete' && found !== 'services')) {
    throw fail(
      `the server doesn't have a resource type "${resourceName}"${verb === 'delete' && found ? ' that this console can delete' : ''}`,
      `サーバーにはリソースの種類 "${resourceName}" がありません`,
    );
  }
  if (verb === 'delete' && names.length === 0) {
    throw fail(
      'error: resource(s) were provided, but no name was specified',
      'エラー: リソースの種類はありますが、名前が指定されていません',
    );
  }
  return { ...out, resource: found, names };
}

/** `nslookup NAME [SERVER]`, as a pod's shell runs it (dnsutils). */
function bindNslookup(rest: Token[], extent: Extent): KubectlCommand {
  const args = nativeArgs(rest);
  const help = args.length === 0 || args.some((a) => a === '-h' || a === '--help' || a === '-?');
  const positional = args.filter((a) => !a.startsWith('-'));
  return {
    kind: 'kubectl',
    verb: 'nslookup',
    resource: 'services',
    namespace: 'default',
    names: positional.slice(0, 2),
    output: 'default',
    flags: {},
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
  if (command === NSLOOKUP) return bindNslookup(rest, statement.extent);
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
