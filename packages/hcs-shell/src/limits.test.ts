import { describe, expect, it } from 'vitest';
import { check, FakeApi } from '../test/fake-api';
import { CONSOLE_LIMITS, checkLineLimits, nestingDepth, statementCount } from './limits';
import { runLine } from './shell';
import { tokenize } from './tokenizer';

describe('checkLineLimits', () => {
  it('names the first bound a line breaks, before anything runs', () => {
    expect(checkLineLimits('Get-HcsNetRoute')).toBeNull();
    expect(checkLineLimits('x'.repeat(CONSOLE_LIMITS.maxLineLength + 1))).toMatchObject({
      limit: 'lineLength',
      max: CONSOLE_LIMITS.maxLineLength,
    });
    expect(checkLineLimits('Get-HcsNetRoute;'.repeat(512))).toEqual({
      limit: 'statements',
      max: CONSOLE_LIMITS.maxStatements,
      actual: 512,
    });
    expect(checkLineLimits(`Get-HcsNetRoute ${'('.repeat(8000)}`)).toMatchObject({
      limit: 'nesting',
      actual: 8000,
    });
  });

  it('counts statements as the tokenizer splits them (quotes, comments, empty statements)', () => {
    for (const line of [
      'a; b; c',
      'a;;; b',
      "a 'x;y'; b",
      'a "x;y" ; b ;',
      'a # b; c',
      'a `; b',
      'a\nb\r\nc',
      '',
      '   ;  ',
    ]) {
      expect(statementCount(line), line).toBeGreaterThanOrEqual(tokenize(line).length);
      expect(statementCount(line), line).toBe(tokenize(line).length);
    }
  });

  it('ignores brackets inside quotes', () => {
    expect(nestingDepth("a '((((((((((' (b)")).toBe(1);
    expect(nestingDepth('((a)(b))')).toBe(2);
  });
});

describe('runLine limits', () => {
  const add = (n: number) =>
    `Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.${n}.0.0/16 -NextHop 192.168.20.1`;

  it('stops after the statement that crosses the output bound and says which ran', async () => {
    const api = new FakeApi();
    for (let i = 0; i < 50; i++) {
      api.routes.push({
        interfaceAlias: 'Port3',
        destinationPrefix: `10.9.${i}.0/24`,
        nextHop: '192.168.20.1',
        routeMetric: 1,
        status: { active: true, reason: null },
      });
    }
    const result = await runLine(
      `${add(1)}; Get-HcsNetRoute; ${add(2)}`,
      { client: api, check, locale: 'en' },
      {
        limits: { maxOutputChars: 500 },
      },
    );
    expect(result.stoppedBy).toMatchObject({ limit: 'outputSize', max: 500 });
    expect(result.statements.map((s) => s.outcome)).toEqual(['succeeded', 'succeeded', 'notRun']);
    expect(result.statementsRun).toBe(2);
    expect(result.output.length).toBeLessThanOrEqual(500);
    expect(api.routes.some((r) => r.destinationPrefix === '10.2.0.0/16')).toBe(false);
  });

  it('stops between statements past the time budget, pausing between them', async () => {
    const api = new FakeApi();
    let clock = 0;
    let pauses = 0;
    const result = await runLine(
      `${add(3)}; ${add(4)}; ${add(5)}`,
      { client: api, check, locale: 'en' },
      {
        limits: { timeBudgetMs: 100 },
        now: () => clock,
        pause: async () => {
          pauses++;
          clock += 60;
        },
      },
    );
    expect(pauses).toBe(2);
    expect(result.stoppedBy).toMatchObject({ limit: 'timeBudget', max: 100 });
    expect(result.statements.map((s) => s.outcome)).toEqual(['succeeded', 'succeeded', 'notRun']);
    expect(result.exitCode).toBe(1);
  });
});
