import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from './tokenizer';

/** The values of one statement's tokens: arguments as their value, parameters as `-Name[:]`. */
function values(source: string): string[] {
  const [statement] = tokenize(source);
  return (statement?.tokens ?? []).map((t: Token) =>
    t.kind === 'argument' ? t.value : `-${t.name}${t.colon ? ':' : ''}`,
  );
}

describe('tokenize', () => {
  it('splits bare words and parameters', () => {
    expect(values('Get-HcsNetRoute -InterfaceAlias Port3')).toEqual([
      'Get-HcsNetRoute',
      '-InterfaceAlias',
      'Port3',
    ]);
  });

  it('removes double quotes and keeps what they hold as one argument', () => {
    expect(values('x -A "Port 3" "192.168.20.0/24"')).toEqual([
      'x',
      '-A',
      'Port 3',
      '192.168.20.0/24',
    ]);
  });

  it("reads '' inside single quotes as one quote, and nothing else as special", () => {
    expect(values("x 'it''s' '`n$x'")).toEqual(['x', "it's", '`n$x']);
  });

  it('applies backtick escapes and "" inside double quotes', () => {
    expect(values('x "a`tb" "say ""hi""" "`"q`"" "`u{263A}"')).toEqual([
      'x',
      'a\tb',
      'say "hi"',
      '"q"',
      '☺',
    ]);
  });

  it('applies backtick escapes in bare words', () => {
    expect(values('x a`tb a` b')).toEqual(['x', 'a\tb', 'a b']);
  });

  it('joins quoted parts of a bare word, and splits a quoted token from what follows', () => {
    expect(values('x ab"c d"e')).toEqual(['x', 'abc de']);
    expect(values('x "ab"cd')).toEqual(['x', 'ab', 'cd']);
  });

  it('treats a quoted dash word as a value, not a parameter', () => {
    const [statement] = tokenize('x "-Foo"');
    expect(statement?.tokens[1]).toMatchObject({ kind: 'argument', value: '-Foo', quoted: true });
  });

  it('reads -Name:value as a parameter with a colon followed by its argument', () => {
    expect(values('x -RouteMetric:100 -A:"b c" -Switch:$false')).toEqual([
      'x',
      '-RouteMetric:',
      '100',
      '-A:',
      'b c',
      '-Switch:',
      'False',
    ]);
  });

  it('reads $true, $false and $null as constants', () => {
    const [statement] = tokenize('x $true $False $null');
    expect(
      statement?.tokens.slice(1).map((t) => (t.kind === 'argument' ? t.constant : null)),
    ).toEqual(['true', 'false', 'null']);
  });

  it('takes typographic quotes and dashes from copied documentation', () => {
    expect(values('Get-HcsNetRoute –InterfaceAlias “Port3” ‘x’')).toEqual([
      'Get-HcsNetRoute',
      '-InterfaceAlias',
      'Port3',
      'x',
    ]);
  });

  it('reads negative numbers and kubectl flags with = as words', () => {
    expect(values('x -1 --namespace=kube-system -n=a')).toEqual([
      'x',
      '-1',
      '--namespace=kube-system',
      '-n=a',
    ]);
  });

  it('drops # comments at the start of a token, and keeps # inside a word', () => {
    expect(values('x a#b # a comment "with quotes')).toEqual(['x', 'a#b']);
    expect(tokenize('# only a comment')).toEqual([]);
  });

  it('drops <# block comments #>, across lines', () => {
    const statements = tokenize('<# one\ntwo #> x -A b <# c #> d');
    expect(statements).toHaveLength(1);
    expect(statements[0]?.tokens.map((t) => t.text)).toEqual(['x', '-A', 'b', 'd']);
  });

  it('splits statements at ; and newlines, and joins lines ending with a backtick', () => {
    const statements = tokenize('a 1; b 2\r\nc `\n  3\n\n');
    expect(statements.map((s) => s.tokens.map((t) => t.text).join(' '))).toEqual([
      'a 1',
      'b 2',
      'c 3',
    ]);
  });

  it('records extents as offsets in the source', () => {
    const [statement] = tokenize('  Get-X -A "b c"');
    expect(statement?.tokens.map((t) => t.extent)).toEqual([
      { start: 2, end: 7 },
      { start: 8, end: 10 },
      { start: 11, end: 16 },
    ]);
    expect(statement?.extent).toEqual({ start: 2, end: 16 });
  });

  it('reports a missing closing quote as a parser error from the quote on', () => {
    const [statement] = tokenize('x -A "Port3');
    expect(statement?.error?.record).toMatchObject({
      errorId: 'TerminatorExpectedAtEndOfString',
      category: 'ParserError',
      extent: { start: 5, end: 11 },
    });
    expect(tokenize("x 'a")[0]?.error?.record.errorId).toBe('TerminatorExpectedAtEndOfString');
  });

  it('accepts a closing quote at the very end of the line', () => {
    const [statement] = tokenize('x -A "b"');
    expect(statement?.error).toBeNull();
    expect(values("x 'b'")).toEqual(['x', 'b']);
  });

  it.each([
    ['Get-HcsNetRoute | Format-Table', '|'],
    ['Get-HcsNetRoute > out.txt', '>'],
    ['x -A (Get-Date)', '('],
    ['x -A @(1)', '@('],
    ['x -A 1,2', ','],
    ['x { }', '{'],
    ['x -A "$(1)"', '$('],
  ])('refuses %s', (source, op) => {
    const error = tokenize(source)[0]?.error;
    expect(error?.record.errorId).toBe('UnsupportedSyntax');
    expect(error?.record.message.en).toContain(`'${op}'`);
  });

  it('refuses variables, in bare words and in double quotes', () => {
    expect(tokenize('x $port')[0]?.error?.record.errorId).toBe('VariableIsUndefined');
    expect(tokenize('x "Port$n"')[0]?.error?.record.message.en).toContain("'$n'");
    expect(values('x "cost: 5$" a$')).toEqual(['x', 'cost: 5$', 'a$']);
  });
});
