/**
 * The bounds of one console line (issue 10): how long it may be, how many statements and how
 * deep a bracket nesting it may hold, how much output it may print and how long it may run. A
 * line past the first three is refused before anything runs (`checkLineLimits`); the last two
 * stop a running line at the end of the statement that crossed them (`runScript`'s `limits`),
 * and the result says which statements ran.
 *
 * The figures are ours, chosen so the worst line stays cheap on the device's two cores: the
 * longest documented line is 128 characters, a pasted runbook a few dozen statements, and
 * `Get-HcsNetRoute` on a 10,000-route table prints ≈ 0.9 MB.
 */
export interface ConsoleLimits {
  /** Characters in the line. */
  maxLineLength: number;
  /** Statements (separated by `;` or newlines). */
  maxStatements: number;
  /** Open brackets `( [ {` at once, outside quotes (the console refuses every one anyway). */
  maxNesting: number;
  /** Characters of output (every stream); the statement crossing it is the last to run. */
  maxOutputChars: number;
  /** Milliseconds the line may run; checked between statements. */
  timeBudgetMs: number;
}

export const CONSOLE_LIMITS: Readonly<ConsoleLimits> = Object.freeze({
  maxLineLength: 8192,
  maxStatements: 32,
  maxNesting: 8,
  maxOutputChars: 1024 * 1024,
  timeBudgetMs: 10_000,
});

export type ConsoleLimitName =
  | 'lineLength'
  | 'statements'
  | 'nesting'
  | 'outputSize'
  | 'timeBudget';

export interface LimitExceeded {
  limit: ConsoleLimitName;
  /** The bound. */
  max: number;
  /** What the line reached (for output and time: at least this much). */
  actual: number;
}

const OPEN = '([{';
const CLOSE = ')]}';
const QUOTES = '\'"\u2018\u2019\u201A\u201B\u201C\u201D\u201E';

/** The deepest bracket nesting of `line`, ignoring brackets inside quotes; stops past `cap`. */
export function nestingDepth(line: string, cap = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (const c of line) {
    if (quote !== null) {
      if (QUOTES.includes(c)) quote = null;
    } else if (QUOTES.includes(c)) {
      quote = c;
    } else if (OPEN.includes(c)) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > cap) return deepest;
      }
    } else if (CLOSE.includes(c) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Counts statements as the tokenizer splits them (`;` and newlines outside quotes), cheaply and
 * without building tokens: an upper bound of what `tokenize` returns (empty statements count).
 */
export function statementCount(line: string, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let content = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== null) {
      if (QUOTES.includes(c)) quote = null;
      continue;
    }
    if (c === '`') {
      i++; // an escaped character (or a line continuation) never ends a statement
      content = true;
    } else if (c === ';' || c === '\n' || c === '\r') {
      if (content) count++;
      content = false;
      if (count > cap) return count;
    } else if (c === '#') {
      // A comment runs to the end of the line.
      while (i + 1 < line.length && line[i + 1] !== '\n' && line[i + 1] !== '\r') i++;
    } else if (c !== ' ' && c !== '\t') {
      if (QUOTES.includes(c)) quote = c;
      content = true;
    }
  }
  return count + (content ? 1 : 0);
}

/** The first bound `line` breaks before it runs, or null: length, then statements, then nesting. */
export function checkLineLimits(
  line: string,
  limits: Pick<ConsoleLimits, 'maxLineLength' | 'maxStatements' | 'maxNesting'> = CONSOLE_LIMITS,
): LimitExceeded | null {
  if (line.length > limits.maxLineLength) {
    return { limit: 'lineLength', max: limits.maxLineLength, actual: line.length };
  }
  const statements = statementCount(line, limits.maxStatements);
  if (statements > limits.maxStatements) {
    return { limit: 'statements', max: limits.maxStatements, actual: statementCount(line) };
  }
  const depth = nestingDepth(line, limits.maxNesting);
  if (depth > limits.maxNesting) {
    return { limit: 'nesting', max: limits.maxNesting, actual: nestingDepth(line) };
  }
  return null;
}
