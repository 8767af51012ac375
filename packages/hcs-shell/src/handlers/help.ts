/** Get-Help and Get-Command, from the command table (cmdlets.ts). */
import {
  CMDLETS,
  type CmdletInfo,
  findCommand,
  hasWildcard,
  KUBECTL,
  NSLOOKUP,
  type ParameterInfo,
  wildcardMatch,
} from '../cmdlets';
import { CommandError } from '../error-record';
import { wrap } from '../format';
import { msg } from '../messages';
import { closest } from '../suggest';
import { type Handler, stringParam } from './env';

const ALL_COMMANDS: readonly CmdletInfo[] = [...CMDLETS, KUBECTL, NSLOOKUP];

function parameterSyntax(p: ParameterInfo): string {
  const value = p.type === 'SwitchParameter' ? '' : ` <${p.type}>`;
  const name = p.position === null ? `-${p.name}` : `[-${p.name}]`;
  const inner = `${name}${value}`;
  return p.mandatory ? inner : `[${inner}]`;
}

/** The syntax line(s): `Add-HcsNetRoute -InterfaceAlias <String> … [-RouteMetric <Int32>]`. */
export function syntaxOf(info: CmdletInfo): string[] {
  if (info.syntax) return [...info.syntax];
  const ordered = [...info.parameters].sort((a, b) => {
    const pa = a.position ?? Number.MAX_SAFE_INTEGER;
    const pb = b.position ?? Number.MAX_SAFE_INTEGER;
    return pa - pb;
  });
  const common = info.commandType === 'Cmdlet' ? ['[<CommonParameters>]'] : [];
  return [[info.name, ...ordered.map(parameterSyntax), ...common].join(' ')];
}

function parameterBlock(p: ParameterInfo, width: number): string {
  const head = p.display ?? `-${p.name}${p.type === 'SwitchParameter' ? '' : ` <${p.type}>`}`;
  const facts = [
    ['Required?', String(p.mandatory)],
    ['Position?', p.position === null ? 'named' : String(p.position)],
    ['Default value', p.defaultValue ?? (p.type === 'SwitchParameter' ? 'False' : '')],
    ['Accept pipeline input?', 'false'],
    ['Accept wildcard characters?', String(p.acceptsWildcards)],
  ];
  const factLines = facts.map(([k, v]) => `        ${(k as string).padEnd(28)} ${v}`.trimEnd());
  return `    ${head}\n${wrap(p.description, width, 8)}\n\n${factLines.join('\n')}\n`;
}

const COMMON_PARAMETERS_HELP =
  'This cmdlet supports the common parameters: Verbose, Debug, ErrorAction, WarningAction, InformationAction, ErrorVariable, WarningVariable, InformationVariable, OutVariable, OutBuffer and PipelineVariable. In this console, -ErrorAction SilentlyContinue hides an error and lets a script go on, -ErrorAction Stop ends it, -WarningAction SilentlyContinue hides warnings and -Verbose prints each request sent to the device; the others have no effect.';

function examplesBlock(info: CmdletInfo, width: number): string {
  return info.examples
    .map(
      (e, i) =>
        `    ${'-'.repeat(26)} EXAMPLE ${i + 1} ${'-'.repeat(26)}\n\n` +
        `    PS C:\\> ${e.code}\n\n${wrap(e.remarks, width, 4)}\n`,
    )
    .join('\n');
}

function heading(title: string, body: string): string {
  return `${title}\n${body}\n`;
}

/** The whole help article, or its examples only. */
export function helpArticle(
  info: CmdletInfo,
  options: { width?: number; examplesOnly?: boolean } = {},
): string {
  const width = Math.min(Math.max(options.width ?? 80, 40), 120);
  const parts = [
    '',
    heading('NAME', `    ${info.name}`),
    heading('SYNOPSIS', wrap(info.synopsis, width, 4)),
  ];
  if (options.examplesOnly) {
    parts.push('', examplesBlock(info, width));
    return `${parts.join('\n')}\n`;
  }
  parts.push(
    '',
    heading(
      'SYNTAX',
      syntaxOf(info)
        .map((s) => wrap(s, width, 4))
        .join('\n\n'),
    ),
    '',
    heading('DESCRIPTION', wrap(info.description, width, 4)),
    '',
    heading(
      'PARAMETERS',
      [
        ...info.parameters.map((p) => parameterBlock(p, width)),
        ...(info.commandType === 'Cmdlet'
          ? [`    <CommonParameters>\n${wrap(COMMON_PARAMETERS_HELP, width, 8)}\n`]
          : []),
      ].join('\n'),
    ),
    heading('INPUTS', '    None. This command does not take pipeline input.'),
    '',
    heading('OUTPUTS', wrap(info.outputs, width, 4)),
    '',
  );
  if (info.notes) parts.push(heading('NOTES', wrap(info.notes, width, 4)), '');
  parts.push(examplesBlock(info, width));
  if (info.related.length > 0) {
    parts.push(heading('RELATED LINKS', info.related.map((r) => `    ${r}`).join('\n')));
  }
  return `${parts.join('\n')}\n`;
}

function commandList(infos: readonly CmdletInfo[]) {
  return infos.map((c) => ({
    Name: c.name,
    Category: c.commandType,
    Synopsis: c.synopsis,
  }));
}

export const getHelp: Handler = async (env) => {
  const { ctx, out } = env;
  const name = stringParam(env.command, 'Name');
  const width = ctx.width;
  if (name === undefined) {
    out.text(
      `\nTOPIC\n    edgenet console help\n\nSHORT DESCRIPTION\n${wrap(
        'The cmdlets of the Azure Stack Edge PowerShell interface that manage the compute network, and kubectl get. Type "Get-Help <command>" for a command\'s syntax, parameters and examples, or "<command> -?".',
        Math.min(width ?? 80, 120),
        4,
      )}\n`,
    );
    out.objects(commandList(ALL_COMMANDS), {
      kind: 'table',
      columns: [{ property: 'Name' }, { property: 'Category' }, { property: 'Synopsis' }],
    });
    return;
  }
  const exact = findCommand(name);
  const matches = exact
    ? [exact]
    : hasWildcard(name)
      ? ALL_COMMANDS.filter((c) => wildcardMatch(name, c.name))
      : [];
  const [only] = matches;
  if (!only) {
    const near = closest(
      name,
      ALL_COMMANDS.map((c) => c.name),
    );
    throw new CommandError({
      message: msg.helpNotFound(name),
      errorId: 'HelpNotFound',
      category: 'ResourceUnavailable',
      exception: 'HelpNotFoundException',
      command: 'Get-Help',
      target: name,
      extent: env.command.argumentExtents.Name ?? env.command.extent,
      layout: 'cmdlet',
      ...(near.length > 0 ? { hint: msg.didYouMean(near) } : {}),
    });
  }
  if (matches.length > 1) {
    out.objects(commandList(matches), {
      kind: 'table',
      columns: [{ property: 'Name' }, { property: 'Category' }, { property: 'Synopsis' }],
    });
    return;
  }
  const parameter = stringParam(env.command, 'Parameter');
  if (parameter !== undefined) {
    const found = only.parameters.filter((p) => wildcardMatch(parameter, p.name));
    if (found.length === 0) {
      throw new CommandError({
        message: msg.parameterHelpNotFound(only.name, parameter),
        errorId: 'NoParmsFound',
        category: 'ObjectNotFound',
        exception: 'ArgumentException',
        command: 'Get-Help',
        target: parameter,
        extent: env.command.argumentExtents.Parameter ?? env.command.extent,
        layout: 'cmdlet',
      });
    }
    const w = Math.min(Math.max(width ?? 80, 40), 120);
    out.text(`\n${found.map((p) => parameterBlock(p, w)).join('\n')}\n`);
    return;
  }
  out.text(
    helpArticle(only, {
      ...(width ? { width } : {}),
      examplesOnly: env.command.parameters.Examples === true,
    }),
  );
};

export const getCommand: Handler = async (env) => {
  const name = stringParam(env.command, 'Name');
  const found = ALL_COMMANDS.filter((c) => name === undefined || wildcardMatch(name, c.name));
  if (found.length === 0 && name !== undefined && !hasWildcard(name)) {
    throw new CommandError({
      message: msg.commandNotFound(name),
      errorId: 'CommandNotFoundException',
      category: 'ObjectNotFound',
      exception: 'CommandNotFoundException',
      command: 'Get-Command',
      target: name,
      extent: env.command.argumentExtents.Name ?? env.command.extent,
      layout: 'cmdlet',
    });
  }
  env.out.objects(
    found.map((c) => ({ CommandType: c.commandType, Name: c.name, Synopsis: c.synopsis })),
    {
      kind: 'table',
      columns: [{ property: 'CommandType' }, { property: 'Name' }, { property: 'Synopsis' }],
    },
  );
};
