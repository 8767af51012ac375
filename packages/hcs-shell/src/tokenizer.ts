/**
 * PowerShell's argument-mode tokenizer, reduced to what a console of literal cmdlet calls
 * needs: bare words, single- and double-quoted strings (with PowerShell's escapes), parameters
 * (`-Name`, `-Name:value`), `#` and `<# #>` comments, `;` and newlines between statements, and
 * backtick line continuation. Anything that would need an evaluator (pipelines, variables,
 * sub-expressions, script blocks, arrays, redirection) is refused with a parser error rather
 * than silently taken as text: a route command must mean exactly what it says.
 *
 * Like PowerShell, it also takes the typographic quotes and dashes that word processors put
 * into copied commands (‘ ’ “ ” – —).
 */
import { CommandError, type Extent } from './error-record';
import { type LocalizedText, msg } from './messages';

export interface ArgumentToken {
  kind: 'argument';
  /** The value after quote removal and escapes. */
  value: string;
  /** True when any part of the word was quoted (a quoted `-x` is a value, not a parameter). */
  quoted: boolean;
  /** `$true`, `$false` or `$null` written as the whole argument. */
  constant: 'true' | 'false' | 'null' | null;
  /** The source text of the token. */
  text: string;
  extent: Extent;
}

export interface ParameterToken {
  kind: 'parameter';
  /** The name as typed, without the dash and colon. */
  name: string;
  /** `-Name:value` form: the next token is this parameter's argument, whatever it looks like. */
  colon: boolean;
  text: string;
  extent: Extent;
}

export type Token = ArgumentToken | ParameterToken;

export interface Statement {
  tokens: Token[];
  /** From the first token's start to the last token's end. */
  extent: Extent;
  /** The first syntax error in this statement; the statement must not run. */
  error: CommandError | null;
}

const DASHES = '-\u2013\u2014\u2015';
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E';
/** Characters that end a bare word (and are operators this console refuses). */
const WORD_TERMINATORS = ';|&,<>)';
const UNSUPPORTED_AT_START = '|&,<>(){}';

/** `set.includes(c)` for one character; '' and undefined are in no set. */
const isOneOf = (set: string, c: string | undefined) =>
  c !== undefined && c.length === 1 && set.includes(c);
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\uFEFF';
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';
const isParamStart = (c: string | undefined) => c !== undefined && /[\p{L}_?]/u.test(c);
const isParamChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_?-]/u.test(c);

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const VARIABLE_NAME = /^[\p{L}\p{N}_]+(?::[\p{L}\p{N}_]+)?/u;

function parserError(
  message: LocalizedText,
  errorId: string,
  extent: Extent,
  exception = 'ParentContainsErrorRecordException',
): CommandError {
  return new CommandError({
    message,
    errorId,
    category: 'ParserError',
    exception,
    command: null,
    target: '',
    extent,
    layout: 'parser',
  });
}

class Tokenizer {
  private i = 0;
  private readonly statements: Statement[] = [];
  private tokens: Token[] = [];
  private error: CommandError | null = null;

  constructor(private readonly src: string) {}

  run(): Statement[] {
    const { src } = this;
    while (this.i < src.length) {
      const c = src[this.i] as string;
      const next = src[this.i + 1];
      if (isSpace(c)) {
        this.i++;
      } else if (c === '`' && isNewline(next)) {
        // Line continuation: the newline is whitespace.
        this.i += next === '\r' && src[this.i + 2] === '\n' ? 3 : 2;
      } else if (isNewline(c) || c === ';') {
        this.i += c === '\r' && next === '\n' ? 2 : 1;
        this.endStatement();
      } else if (c === '#') {
        while (this.i < src.length && !isNewline(src[this.i])) this.i++;
      } else if (c === '<' && next === '#') {
        const close = src.indexOf('#>', this.i + 2);
        if (close < 0) {
          this.fail(
            parserError(msg.missingBlockCommentEnd(), 'MissingEndOfComment', {
              start: this.i,
              end: src.length,
            }),
          );
          this.i = src.length;
        } else {
          this.i = close + 2;
        }
      } else if (
        isOneOf(UNSUPPORTED_AT_START, c) ||
        (c === '@' && (next === '(' || next === '{')) ||
        (c === '$' && (next === '(' || next === '{'))
      ) {
        const op = c === '@' || c === '$' ? `${c}${next}` : c;
        // Only a statement's first error is kept: build no other (8,000 '(' cost 108 ms).
        if (!this.error) {
          this.fail(
            parserError(msg.unsupportedOperator(op), 'UnsupportedSyntax', {
              start: this.i,
              end: this.i + op.length,
            }),
          );
        }
        this.i += op.length;
      } else if (isOneOf(DASHES, c) && isParamStart(next)) {
        this.readParameterOrWord();
      } else {
        this.readArgument();
      }
    }
    this.endStatement();
    return this.statements;
  }

  private fail(error: CommandError): void {
    if (!this.error) this.error = error;
  }

  private endStatement(): void {
    if (this.tokens.length > 0 || this.error) {
      const first = this.tokens[0];
      const last = this.tokens[this.tokens.length - 1];
      const extent =
        first && last
          ? { start: first.extent.start, end: last.extent.end }
          : (this.error?.record.extent ?? { start: 0, end: 0 });
      this.statements.push({ tokens: this.tokens, extent, error: this.error });
    }
    this.tokens = [];
    this.error = null;
  }

  private readParameterOrWord(): void {
    const { src } = this;
    const start = this.i;
    let j = start + 1;
    while (j < src.length && isParamChar(src[j])) j++;
    const after = src[j];
    const name = src.slice(start + 1, j);
    if (after === ':') {
      this.tokens.push({
        kind: 'parameter',
        name,
        colon: true,
        text: src.slice(start, j + 1),
        extent: { start, end: j + 1 },
      });
      this.i = j + 1;
    } else if (
      after === undefined ||
      isSpace(after) ||
      isNewline(after) ||
      isOneOf(WORD_TERMINATORS, after)
    ) {
      this.tokens.push({
        kind: 'parameter',
        name,
        colon: false,
        text: src.slice(start, j),
        extent: { start, end: j },
      });
      this.i = j;
    } else {
      // `-n=kube-system`, `-5x`: not a parameter name, so a bare word.
      this.readArgument();
    }
  }

  private readArgument(): void {
    const { src } = this;
    const start = this.i;
    let value = '';
    let quoted = false;
    let constant: ArgumentToken['constant'] = null;
    const first = src[start] as string;
    if (isOneOf(SINGLE_QUOTES, first) || isOneOf(DOUBLE_QUOTES, first)) {
      // A token that starts with a quote ends at the closing quote ("a"b is two arguments).
      value = this.readQuoted(isOneOf(DOUBLE_QUOTES, first));
      quoted = true;
    } else {
      while (this.i < src.length) {
        const c = src[this.i] as string;
        if (isSpace(c) || isNewline(c) || isOneOf(WORD_TERMINATORS, c)) break;
        if (c === '`') {
          const escaped = src[this.i + 1];
          if (escaped === undefined || isNewline(escaped)) break;
          value += this.readEscape();
        } else if (isOneOf(SINGLE_QUOTES, c)) {
          value += this.readQuoted(false);
          quoted = true;
        } else if (isOneOf(DOUBLE_QUOTES, c)) {
          value += this.readQuoted(true);
          quoted = true;
        } else if (c === '$') {
          const wholeToken = this.i === start;
          const expanded = this.readVariable();
          if (wholeToken && expanded.constant && this.atWordEnd()) {
            constant = expanded.constant;
          }
          value += expanded.value;
        } else {
          value += c;
          this.i++;
        }
      }
    }
    const end = this.i;
    this.tokens.push({
      kind: 'argument',
      value,
      quoted,
      constant,
      text: src.slice(start, end),
      extent: { start, end },
    });
  }

  private atWordEnd(): boolean {
    const c = this.src[this.i];
    return c === undefined || isSpace(c) || isNewline(c) || isOneOf(WORD_TERMINATORS, c);
  }

  /** At a backtick: returns the escaped character and moves past it. */
  private readEscape(): string {
    const { src } = this;
    const c = src[this.i + 1] as string;
    if (c === 'u' && src[this.i + 2] === '{') {
      const close = src.indexOf('}', this.i + 3);
      const hex = close > 0 ? src.slice(this.i + 3, close) : '';
      if (/^[0-9a-fA-F]{1,6}$/.test(hex) && Number.parseInt(hex, 16) <= 0x10ffff) {
        this.i = close + 1;
        return String.fromCodePoint(Number.parseInt(hex, 16));
      }
    }
    this.i += 2;
    return ESCAPES[c] ?? c;
  }

  /** At a `$`: a constant, a lone dollar sign, or a refused variable. */
  private readVariable(): { value: string; constant: ArgumentToken['constant'] } {
    const { src } = this;
    const start = this.i;
    const next = src[start + 1];
    if (next === '(' || next === '{') {
      this.fail(
        parserError(msg.unsupportedOperator(`$${next}`), 'UnsupportedSyntax', {
          start,
          end: start + 2,
        }),
      );
      this.i += 2;
      return { value: '', constant: null };
    }
    const name = VARIABLE_NAME.exec(src.slice(start + 1))?.[0] ?? '';
    this.i = start + 1 + name.length;
    if (name === '') return { value: '$', constant: null };
    const lower = name.toLowerCase();
    if (lower === 'true') return { value: 'True', constant: 'true' };
    if (lower === 'false') return { value: 'False', constant: 'false' };
    if (lower === 'null') return { value: '', constant: 'null' };
    this.fail(
      parserError(msg.unsupportedVariable(name), 'VariableIsUndefined', {
        start,
        end: this.i,
      }),
    );
    return { value: '', constant: null };
  }

  /**
   * A quoted string from its opening quote (straight or typographic): a doubled quote stands for
   * one; inside double quotes, backtick escapes and variables are expanded too.
   */
  private readQuoted(double: boolean): string {
    const { src } = this;
    const quotes = double ? DOUBLE_QUOTES : SINGLE_QUOTES;
    const start = this.i;
    let value = '';
    this.i++;
    while (this.i < src.length) {
      const c = src[this.i] as string;
      if (isOneOf(quotes, c)) {
        if (isOneOf(quotes, src[this.i + 1])) {
          value += double ? '"' : "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return value;
      }
      if (double && c === '`' && this.i + 1 < src.length) {
        value += this.readEscape();
      } else if (double && c === '$') {
        value += this.readVariable().value;
      } else {
        value += c;
        this.i++;
      }
    }
    this.fail(
      parserError(msg.missingTerminator(double ? '"' : "'"), 'TerminatorExpectedAtEndOfString', {
        start,
        end: src.length,
      }),
    );
    return value;
  }
}

/** Splits source text (one line or a whole script) into statements of tokens. */
export function tokenize(source: string): Statement[] {
  return new Tokenizer(source).run();
}
