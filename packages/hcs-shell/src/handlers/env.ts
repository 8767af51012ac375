/**
 * What every handler works with: the context, the output sink, and the helpers that turn HTTP
 * answers (problem+json with issues) into PowerShell error records naming the parameters.
 */
import type { ApiIssue, Problem } from '@edgenet/network-config/contract';
import {
  type ApiAnswer,
  ApiError,
  type CallArgs,
  type ContractChecker,
  ContractViolation,
  createApiClient,
  type EndpointName,
} from '@edgenet/network-config/contract/client';
import { type ApiClient, ApiClientError, type ApiResponse, type HttpMethod } from '../api-client';
import type { CmdletInfo } from '../cmdlets';
import { CommandError, type ErrorCategory, type ErrorRecord } from '../error-record';
import type { Column, OutputObject } from '../format';
import { type Locale, type LocalizedText, msg, text } from '../messages';
import type { CmdletCommand, Command } from '../parser';

export interface ShellContext {
  /** The transport every request goes through (`ApiTransport`: HTTP in the CLI, in-process in the server). */
  client: ApiClient;
  /**
   * Checks every answer against the contract's endpoint table (tests; the CLI with
   * `EDGENET_CHECK_ANSWERS=1`): an answer off the contract is then an error record saying so,
   * instead of a wrong value printed. Without it, answers are trusted as the table types them.
   */
  check?: ContractChecker;
  locale: Locale;
  /** Write every command's output as JSON (the CLI's --json), as if -AsJson were given. */
  json?: boolean;
  /** Console width in columns: tables are cut and help is wrapped to it. */
  width?: number;
  /**
   * Reads a file named on the line (`kubectl apply -f FILE`; `-` is standard input). Absent where
   * there are no files (the web Console): such lines say so.
   */
  readFile?: (path: string) => Promise<string>;
  /** The current time (kubectl's AGE); the real clock when absent. */
  now?: () => number;
}

export type View =
  | { kind: 'table'; columns: readonly Column[] }
  | { kind: 'list'; properties?: readonly string[] }
  | { kind: 'kubectl'; columns: readonly Column[] };

export interface Output {
  /** Objects in their default view, or as JSON (an array, or one object with `single`). */
  objects(items: readonly OutputObject[], view: View, options?: { single?: boolean }): void;
  /** Plain text on the output stream (help). */
  text(value: string): void;
  /** `WARNING: …` on the warning stream. */
  warning(message: LocalizedText): void;
  /** A note on the information stream (kubectl's "No resources found"). */
  info(message: LocalizedText): void;
  /** A non-terminating error; the statement fails. */
  error(record: ErrorRecord): void;
  /** `VERBOSE: …`, shown only with -Verbose. */
  verbose(message: string): void;
}

export interface HandlerEnv<C extends Command = CmdletCommand> {
  ctx: ShellContext;
  out: Output;
  command: C;
  /** The command's metadata (parameters, issue path mapping). */
  info: CmdletInfo;
  /** -AsJson was given, or the context asks for JSON. */
  asJson: boolean;
}

export type Handler<C extends Command = CmdletCommand> = (env: HandlerEnv<C>) => Promise<void>;

function commandName(env: HandlerEnv<Command>): string {
  if (env.command.kind === 'cmdlet') return env.command.name;
  return env.command.verb === 'nslookup' ? 'nslookup' : 'kubectl';
}

/** Sends a request; a transport failure becomes a ConnectionError record. */
async function send(
  env: HandlerEnv<Command>,
  method: HttpMethod,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ApiResponse> {
  try {
    env.out.verbose(`${method} ${path}`);
    const res = await env.ctx.client.request(method, path, body, headers);
    if (!res || typeof res.status !== 'number') throw new Error('the API client gave no answer.');
    env.out.verbose(`HTTP ${res.status}`);
    return res;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const auth = error instanceof ApiClientError && error.kind === 'authentication';
    const localized =
      error instanceof ApiClientError && error.localized
        ? error.localized
        : auth
          ? text(detail, detail)
          : msg.connectionFailed(detail);
    throw new CommandError({
      message: localized,
      errorId: error instanceof ApiClientError ? error.code : 'ConnectionFailure',
      category: auth ? 'AuthenticationError' : 'ConnectionError',
      exception: auth ? 'AuthenticationException' : 'HttpRequestException',
      command: commandName(env),
      target: '',
      extent: env.command.extent,
      layout: env.command.kind === 'kubectl' ? 'native' : 'cmdlet',
    });
  }
}

/** What one call of an endpoint came to: its typed answer, or the status and problem of a refusal. */
type Outcome<K extends EndpointName> =
  | { ok: true; answer: ApiAnswer<K> }
  | { ok: false; status: number; problem: Problem | null; offContract: boolean };

/**
 * Calls an endpoint through the typed client over the context's transport (each request shown
 * with -Verbose; a transport failure is a ConnectionError record). A refusal (non-2xx) and an
 * answer the checker finds off the contract come back as `ok: false`, for the caller to print.
 */
export async function attempt<K extends EndpointName>(
  env: HandlerEnv<Command>,
  name: K,
  ...args: CallArgs<K>
): Promise<Outcome<K>> {
  const transport: ApiClient = {
    request: (method, path, body, headers) => send(env, method, path, body, headers),
  };
  const api = createApiClient(transport, env.ctx.check ? { check: env.ctx.check } : {});
  try {
    return { ok: true, answer: await api.call(name, ...args) };
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, status: error.status, problem: error.problem, offContract: false };
    }
    if (error instanceof ContractViolation) {
      env.out.verbose(error.message);
      return { ok: false, status: error.status, problem: null, offContract: true };
    }
    throw error;
  }
}

/** Calls an endpoint; on a refusal, prints it (`emitFailure`) and answers null. */
export async function call<K extends EndpointName>(
  env: HandlerEnv<Command>,
  name: K,
  ...args: CallArgs<K>
): Promise<ApiAnswer<K> | null> {
  const outcome = await attempt(env, name, ...args);
  if (outcome.ok) return outcome.answer;
  emitFailure(env, outcome);
  return null;
}

function categoryForStatus(status: number): ErrorCategory {
  switch (status) {
    case 400:
    case 422:
      return 'InvalidArgument';
    case 401:
      return 'AuthenticationError';
    case 403:
      return 'PermissionDenied';
    case 404:
      return 'ObjectNotFound';
    case 409:
      return 'ResourceExists';
    case 412:
    case 428:
      return 'InvalidOperation';
    case 429:
      return 'LimitsExceeded';
    case 503:
      return 'ResourceUnavailable';
    default:
      return status >= 200 && status < 300 ? 'InvalidResult' : 'NotSpecified';
  }
}

function categoryForIssue(code: string, status: number): ErrorCategory {
  if (code === 'compute.locked') return 'InvalidOperation';
  if (code === 'route.duplicate' || status === 409) return 'ResourceExists';
  if (code.endsWith('Unknown') || code.endsWith('.unknown')) return 'ObjectNotFound';
  return 'InvalidArgument';
}

/** The cmdlet parameter an issue path names (`destinationPrefix` → DestinationPrefix). */
export function parameterForPath(path: string, info: CmdletInfo): string | null {
  const segments = path.split(/[.[\]]/).filter(Boolean);
  const candidates = [path, segments[0] ?? '', segments[segments.length - 1] ?? ''];
  for (const candidate of candidates) {
    const mapped = info.issuePaths?.[candidate];
    if (mapped) return mapped;
    const direct = info.parameters.find((p) => p.name.toLowerCase() === candidate.toLowerCase());
    if (direct) return direct.name;
  }
  return null;
}

/** What a warning needs: its severity and its text. */
type IssueLike = Pick<ApiIssue, 'severity'> & { message: LocalizedText };

/** Prints the warnings among an answer's issues. */
export function emitWarnings(env: HandlerEnv<Command>, issues: readonly IssueLike[] = []): void {
  for (const issue of issues) {
    if (issue.severity === 'warning') env.out.warning(issue.message);
  }
}

/** A refused call, as `attempt` reports it. */
type Refusal = Extract<Outcome<EndpointName>, { ok: false }>;

/**
 * Prints a refused call: one error record per error issue, naming the parameter it is about
 * and pointing at its value; or one record from the problem's own message. Warnings among the
 * issues are printed first, as PowerShell prints warnings before errors. An answer off the
 * contract is said to be one.
 */
export function emitFailure(
  env: HandlerEnv<Command>,
  refusal: Refusal,
  fallback?: LocalizedText,
): void {
  const { command, info } = env;
  const { status, problem, offContract } = refusal;
  const name = commandName(env);
  const layout = command.kind === 'kubectl' ? 'native' : 'cmdlet';
  const issues = problem?.issues ?? [];
  const errors = issues.filter((i) => i.severity !== 'warning');
  // Warnings about a change that was refused are noise next to the reason it was refused.
  if (errors.length === 0) emitWarnings(env, issues);
  if (errors.length > 0) {
    for (const issue of errors) {
      const parameter = parameterForPath(issue.path, info);
      const detail = issue.message;
      const argument =
        parameter && command.kind === 'cmdlet' ? command.argumentExtents[parameter] : undefined;
      const value =
        parameter && command.kind === 'cmdlet' ? command.parameters[parameter] : undefined;
      const category = categoryForIssue(issue.code, status);
      // "Cannot validate argument" suits a refused value, not a conflict with an existing route.
      const validation = parameter !== null && category !== 'ResourceExists';
      env.out.error({
        message: validation
          ? {
              en: msg.validationFailed(parameter as string, detail.en).en,
              ja: msg.validationFailed(parameter as string, detail.ja).ja,
            }
          : detail,
        errorId: issue.code,
        category,
        exception: validation
          ? 'ParameterBindingValidationException'
          : category === 'ResourceExists'
            ? 'ResourceExistsException'
            : 'HttpResponseException',
        command: name,
        target: value === undefined ? '' : String(value),
        extent: argument ?? command.extent,
        layout,
      });
    }
    return;
  }
  const serverText =
    problem?.message ?? (problem?.detail ? text(problem.detail, problem.detail) : null);
  const message = offContract
    ? msg.unexpectedAnswer(status)
    : (status === 404 && fallback) ||
      serverText ||
      fallback ||
      (problem?.title
        ? text(`${problem.title} (HTTP ${status})`, `${problem.title} (HTTP ${status})`)
        : msg.httpStatus(status));
  const retry =
    typeof problem?.retryAfterSeconds === 'number'
      ? text(
          ` Try again in ${problem.retryAfterSeconds} s.`,
          ` ${problem.retryAfterSeconds} 秒後に再試行してください。`,
        )
      : null;
  env.out.error({
    message: retry ? { en: message.en + retry.en, ja: message.ja + retry.ja } : message,
    errorId: problem?.code ?? `Http${status}`,
    category: categoryForStatus(status),
    exception: 'HttpResponseException',
    command: name,
    target: '',
    extent: command.extent,
    layout,
  });
}

/** A record for a failure the console finds itself (not from an HTTP answer). */
export function localError(
  env: HandlerEnv<Command>,
  message: LocalizedText,
  errorId: string,
  category: ErrorCategory,
  options: { parameter?: string; target?: string } = {},
): CommandError {
  const { command } = env;
  const extent =
    options.parameter && command.kind === 'cmdlet'
      ? (command.argumentExtents[options.parameter] ?? command.extent)
      : command.extent;
  return new CommandError({
    message,
    errorId,
    category,
    exception:
      category === 'ObjectNotFound' ? 'ItemNotFoundException' : 'InvalidOperationException',
    command: commandName(env),
    target: options.target ?? '',
    extent,
    layout: command.kind === 'kubectl' ? 'native' : 'cmdlet',
  });
}

/** A string parameter's value, or undefined. */
export function stringParam(command: CmdletCommand, name: string): string | undefined {
  const v = command.parameters[name];
  return typeof v === 'string' ? v : undefined;
}
