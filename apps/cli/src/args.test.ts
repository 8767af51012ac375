import { describe, expect, it } from 'vitest';
import { joinCommandLine, localeFrom, parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('stops at the first word that is not an option: the rest is the cmdlet', () => {
    expect(
      parseArgs([
        '--json',
        '--url',
        'http://x:1',
        'Get-HcsNetRoute',
        '-InterfaceAlias',
        'Port3',
        '--json',
      ]),
    ).toMatchObject({
      json: true,
      url: 'http://x:1',
      rest: ['Get-HcsNetRoute', '-InterfaceAlias', 'Port3', '--json'],
    });
  });

  it('takes --name=value and short forms', () => {
    expect(parseArgs(['--locale=ja', '-f', 'x.ps1', '--continue-on-error'])).toMatchObject({
      locale: 'ja',
      file: 'x.ps1',
      continueOnError: true,
    });
    expect(parseArgs(['-c', 'Get-HcsNetRoute'])).toMatchObject({ command: 'Get-HcsNetRoute' });
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--url'], '--url needs a value'],
    [['--locale', 'fr'], '--locale must be en or ja'],
    [['-f', 'x.ps1', 'Get-HcsNetRoute'], '--file runs a script'],
    [['-c', 'a', 'b'], 'either with --command'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('joinCommandLine', () => {
  it('rebuilds the SPEC lines the shell passed without quotes', () => {
    expect(
      joinCommandLine([
        'Add-HcsNetRoute',
        '-InterfaceAlias',
        'Port3',
        '-DestinationPrefix',
        '192.168.20.0/24',
        '-NextHop',
        '192.168.20.1',
        '-RouteMetric',
        '100',
      ]),
    ).toBe(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.0/24 -NextHop 192.168.20.1 -RouteMetric 100',
    );
  });

  it('quotes values holding spaces or PowerShell characters again', () => {
    expect(
      joinCommandLine(['Get-X', '-A', 'Port 3', '-B', "it's", '-C', '', '-D', 'a;b', '-E', '$x']),
    ).toBe("Get-X -A 'Port 3' -B 'it''s' -C '' -D 'a;b' -E '$x'");
  });

  it('keeps -Name:value, $true and $false', () => {
    expect(joinCommandLine(['Get-X', '-A:Port 3', '-B:$false', '$true'])).toBe(
      "Get-X -A:'Port 3' -B:$false $true",
    );
  });
});

describe('localeFrom', () => {
  it('prefers --locale, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(localeFrom('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeFrom(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(localeFrom(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeFrom(undefined, {})).toBe('en');
  });
});
