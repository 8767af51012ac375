/**
 * POST /api/console (issue 5's Console page, bounded by issue 10): one line of the device
 * cmdlets, its answer, and the problem of a line past a bound. The figures of the bounds live in
 * `@edgenet/hcs-shell` (`CONSOLE_LIMITS`) beside the engine they protect; the server states them in
 * the endpoint's OpenAPI description.
 */
import Type, { type Static } from 'typebox';
import { problemMembers } from './problem';

export const ConsoleRequestSchema = Type.Object(
  {
    /** Past `maxLineLength` characters: 422 `console.lineTooLong` (the body limit is 64 KiB). */
    line: Type.String({ maxLength: 60_000 }),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')])),
    /** Console width in columns (tables are cut, help wrapped to it). */
    width: Type.Optional(Type.Integer({ minimum: 20, maximum: 500 })),
  },
  { additionalProperties: false },
);

/** One statement of the line and what became of it. */
export const ConsoleStatementSchema = Type.Object({
  text: Type.String(),
  outcome: Type.Union([Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('notRun')]),
});

export const ConsoleChunkSchema = Type.Object({
  stream: Type.Union([
    Type.Literal('output'),
    Type.Literal('warning'),
    Type.Literal('info'),
    Type.Literal('error'),
  ]),
  text: Type.String(),
});

export const ConsoleAnswerSchema = Type.Object({
  /** Every chunk's text in order: what the console shows. */
  output: Type.String(),
  chunks: Type.Array(ConsoleChunkSchema),
  error: Type.Boolean(),
  exitCode: Type.Integer(),
  statementsRun: Type.Integer(),
  statements: Type.Array(ConsoleStatementSchema),
});

export const CONSOLE_LIMIT_NAMES = [
  'lineLength',
  'statements',
  'nesting',
  'outputSize',
  'timeBudget',
] as const;

/**
 * 422 (or 429 `console.busy`): a line past one of the console's bounds. `limit` names the bound,
 * `max` its figure; `statements` says exactly which statements ran before the stop (none for the
 * bounds checked before running: length, statements, nesting), and `output`/`chunks` what they
 * printed.
 */
export const ConsoleLimitProblemSchema = Type.Object({
  ...problemMembers,
  retryAfterSeconds: Type.Optional(Type.Integer()),
  limit: Type.Optional(Type.Union(CONSOLE_LIMIT_NAMES.map((n) => Type.Literal(n)))),
  max: Type.Optional(Type.Integer()),
  statementsRun: Type.Optional(Type.Integer()),
  statements: Type.Optional(Type.Array(ConsoleStatementSchema)),
  output: Type.Optional(Type.String()),
  chunks: Type.Optional(Type.Array(ConsoleChunkSchema)),
});

export type ConsoleRequest = Static<typeof ConsoleRequestSchema>;
export type ConsoleAnswer = Static<typeof ConsoleAnswerSchema>;
export type ConsoleStatement = Static<typeof ConsoleStatementSchema>;
export type ConsoleLimitProblem = Static<typeof ConsoleLimitProblemSchema>;
