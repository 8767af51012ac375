import { describe, expect, it } from 'vitest';
import { CMDLETS, KUBECTL, runLine, type ShellContext, syntaxOf } from '../src/index';
import { check, FakeApi } from './fake-api';

const ctx: ShellContext = { client: new FakeApi(), check, locale: 'en', width: 100 };

describe('Get-Help', () => {
  it.each([...CMDLETS.map((c) => c.name), KUBECTL.name])(
    'describes %s: synopsis, syntax, parameters, examples',
    async (name) => {
      const result = await runLine(`Get-Help ${name}`, ctx);
      expect(result.exitCode).toBe(0);
      const info = [...CMDLETS, KUBECTL].find((c) => c.name === name);
      for (const section of [
        'NAME',
        'SYNOPSIS',
        'SYNTAX',
        'DESCRIPTION',
        'PARAMETERS',
        'EXAMPLE 1',
      ]) {
        expect(result.output).toContain(section);
      }
      for (const p of info?.parameters ?? [])
        expect(result.output).toContain(p.display ?? `-${p.name}`);
      for (const e of info?.examples ?? []) expect(result.output).toContain(e.code);
      // Every example parses (a help page must not teach a line the console refuses).
      for (const e of info?.examples ?? []) {
        const run = await runLine(`${e.code} -?`.replace(/^kubectl .*/, 'kubectl --help'), ctx);
        expect(run.exitCode).toBe(0);
      }
    },
  );

  it('gives the syntax as PowerShell writes it', async () => {
    const info = CMDLETS.find((c) => c.name === 'Add-HcsNetRoute');
    expect(info && syntaxOf(info)).toEqual([
      'Add-HcsNetRoute -InterfaceAlias <String> -DestinationPrefix <String> -NextHop <String> [-RouteMetric <Int32>] [<CommonParameters>]',
    ]);
    const get = CMDLETS.find((c) => c.name === 'Get-NetAdapter');
    expect(get && syntaxOf(get)).toEqual([
      'Get-NetAdapter [[-Name] <String>] [-Physical] [-AsJson] [<CommonParameters>]',
    ]);
    const { output } = await runLine('Get-Help Add-HcsNetRoute', ctx);
    expect(output).toMatch(/-RouteMetric <Int32>\n[\s\S]*?Default value\s+256/);
  });

  it('shows the same article for "<cmdlet> -?"', async () => {
    expect((await runLine('Remove-HcsNetRoute -?', ctx)).output).toBe(
      (await runLine('Get-Help Remove-HcsNetRoute', ctx)).output,
    );
  });

  it('shows only the examples with -Examples', async () => {
    const { output } = await runLine('Get-Help Get-HcsNetRoute -Examples', ctx);
    expect(output).toContain('EXAMPLE 1');
    expect(output).not.toContain('PARAMETERS');
  });

  it('shows one parameter with -Parameter', async () => {
    const { output } = await runLine('Get-Help Add-HcsNetRoute -Parameter NextHop', ctx);
    expect(output).toContain('-NextHop <String>');
    expect(output).not.toContain('-RouteMetric');
  });

  it('lists the commands without a name, or for a wildcard', async () => {
    expect((await runLine('Get-Help', ctx)).output).toContain('Set-HcsKubeClusterNetworkInfo');
    const routes = (await runLine('Get-Help *Route*', ctx)).output;
    expect(routes).toContain('Add-HcsNetRoute');
    expect(routes).not.toContain('Get-NetAdapter');
  });

  it('says when there is no such help', async () => {
    const result = await runLine('Get-Help Get-HcsNetRoutes', ctx);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('Get-Help could not find Get-HcsNetRoutes');
    expect(result.output).toContain('Did you mean Get-HcsNetRoute?');
  });
});

describe('Get-Command', () => {
  it('lists the commands', async () => {
    const { output } = await runLine('Get-Command *Hcs*', ctx);
    expect(output).toContain('Cmdlet      Add-HcsNetRoute');
    expect(output).not.toContain('kubectl');
  });
});
