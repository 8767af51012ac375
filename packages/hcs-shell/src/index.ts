/**
 * @edgenet/hcs-shell — the device's PowerShell cmdlets (Add-HcsNetRoute, …) and kubectl views
 * over the edgenet HTTP API: parser, handlers and PowerShell-style output. Pure TypeScript: no
 * Node APIs and no I/O of its own; every request goes through the ApiClient the caller gives.
 */
export type { ApiClient, ApiResponse, HttpMethod } from './api-client';
export { ApiClientError } from './api-client';
export type { CmdletInfo, HelpExample, ParameterInfo, ParameterType } from './cmdlets';
export { ALIASES, CMDLETS, commandNames, findCommand, KUBECTL } from './cmdlets';
export type { CompletionHints } from './complete';
export { complete, lastWord } from './complete';
export type { ErrorCategory, ErrorRecord, Extent, FormatErrorOptions } from './error-record';
export { CommandError, formatErrorRecord } from './error-record';
export type { Column, OutputObject } from './format';
export { formatList, formatTable } from './format';
export type { ShellContext } from './handlers/env';
export { helpArticle, syntaxOf } from './handlers/help';
export { parsePs1Import } from './import-ps1';
export type { ConsoleLimitName, ConsoleLimits, LimitExceeded } from './limits';
export { CONSOLE_LIMITS, checkLineLimits, nestingDepth, statementCount } from './limits';
export type { Locale, LocalizedText } from './messages';
export { SESSION_BANNER } from './messages';
export type {
  CmdletCommand,
  Command,
  KubectlCommand,
  KubectlResource,
  ParameterValue,
  ParsedStatement,
} from './parser';
export { parseCommandLine, parseScript } from './parser';
export type {
  OutputChunk,
  OutputStream,
  RunOptions,
  RunResult,
  RunScriptOptions,
  StatementReport,
} from './shell';
export { runLine, runScript } from './shell';
export type { ArgumentToken, ParameterToken, Statement, Token } from './tokenizer';
export { tokenize } from './tokenizer';
