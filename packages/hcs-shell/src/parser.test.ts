import { describe, expect, it } from 'vitest';
import type { CommandError } from './error-record';
import { type CmdletCommand, type KubectlCommand, parseCommandLine, parseScript } from './parser';

function cmdlet(line: string): CmdletCommand {
  const command = parseCommandLine(line);
  if (command?.kind !== 'cmdlet') throw new Error(`not a cmdlet: ${line}`);
  return command;
}

function kubectl(line: string): KubectlCommand {
  const command = parseCommandLine(line);
  if (command?.kind !== 'kubectl') throw new Error(`not kubectl: ${line}`);
  return command;
}

function failure(line: string): CommandError['record'] {
  try {
    parseCommandLine(line);
  } catch (error) {
    return (error as CommandError).record;
  }
  throw new Error(`parsed without error: ${line}`);
}

describe('the SPEC §1.3 lines', () => {
  it('binds Add-HcsNetRoute with quoted values and an Int32 metric', () => {
    expect(
      cmdlet(
        'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
      ),
    ).toMatchObject({
      name: 'Add-HcsNetRoute',
      parameters: {
        InterfaceAlias: 'Port3',
        DestinationPrefix: '192.168.20.0/24',
        NextHop: '192.168.20.1',
        RouteMetric: 100,
      },
      help: false,
    });
  });

  it('binds Get-HcsNetRoute with a bare value', () => {
    expect(cmdlet('Get-HcsNetRoute -InterfaceAlias Port3').parameters).toEqual({
      InterfaceAlias: 'Port3',
    });
  });

  it('binds Remove-HcsNetRoute', () => {
    expect(
      cmdlet('Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"')
        .parameters,
    ).toEqual({ InterfaceAlias: 'Port3', DestinationPrefix: '192.168.21.0/24' });
  });
});

describe('parameter binding', () => {
  const expected = {
    InterfaceAlias: 'Port3',
    DestinationPrefix: '10.0.0.0/8',
    NextHop: '192.168.20.1',
  };

  it('matches cmdlet and parameter names case-insensitively', () => {
    const c = cmdlet(
      'add-hcsnetroute -interfacealias Port3 -DESTINATIONPREFIX 10.0.0.0/8 -nexthop 192.168.20.1',
    );
    expect(c.name).toBe('Add-HcsNetRoute');
    expect(c.parameters).toEqual(expected);
  });

  it('takes parameters in any order', () => {
    expect(
      cmdlet(
        'Add-HcsNetRoute -NextHop 192.168.20.1 -DestinationPrefix 10.0.0.0/8 -InterfaceAlias Port3',
      ).parameters,
    ).toEqual(expected);
  });

  it('takes unique prefixes of parameter names', () => {
    expect(
      cmdlet('Add-HcsNetRoute -Int Port3 -Des 10.0.0.0/8 -Ne 192.168.20.1 -R 5').parameters,
    ).toEqual({
      ...expected,
      RouteMetric: 5,
    });
  });

  it('takes -Name:value and -Name: value', () => {
    expect(
      cmdlet(
        'Add-HcsNetRoute -InterfaceAlias:Port3 -DestinationPrefix: 10.0.0.0/8 -NextHop:"192.168.20.1" -RouteMetric:7',
      ).parameters,
    ).toEqual({ ...expected, RouteMetric: 7 });
  });

  it('takes switches, with -Switch:$false turning one off', () => {
    expect(cmdlet('Get-NetAdapter -Physical -AsJson').parameters).toEqual({
      Physical: true,
      AsJson: true,
    });
    expect(cmdlet('Get-NetAdapter -Physical:$false').parameters).toEqual({ Physical: false });
  });

  it('binds positional arguments where a parameter has a position', () => {
    expect(cmdlet('Get-Help Add-HcsNetRoute -Examples').parameters).toEqual({
      Name: 'Add-HcsNetRoute',
      Examples: true,
    });
    expect(cmdlet('help add-hcsnetroute').name).toBe('Get-Help');
  });

  it('reads -? as a request for help, without the mandatory check', () => {
    expect(cmdlet('Add-HcsNetRoute -?').help).toBe(true);
  });

  it('converts Int32 values, decimal or hex', () => {
    expect(
      cmdlet('Add-HcsNetRoute -Int:Port3 -Dest 1.0.0.0/8 -N 1.1.1.1 -RouteMetric 0x10').parameters
        .RouteMetric,
    ).toBe(16);
  });

  it('takes the common parameters and canonicalises action preferences', () => {
    expect(cmdlet('Get-HcsNetRoute -ErrorAction silentlycontinue -Verbose').parameters).toEqual({
      ErrorAction: 'SilentlyContinue',
      Verbose: true,
    });
  });

  it('points each value at its source text', () => {
    const c = cmdlet('Get-HcsNetRoute -InterfaceAlias "Port3"');
    expect(c.argumentExtents.InterfaceAlias).toEqual({ start: 32, end: 39 });
  });
});

describe('binding errors, as PowerShell words them', () => {
  it('names an unknown parameter, and suggests a close one', () => {
    const record = failure('Add-HcsNetRoute -Foo bar');
    expect(record.message.en).toBe(
      "A parameter cannot be found that matches parameter name 'Foo'.",
    );
    expect(record.errorId).toBe('NamedParameterNotFound');
    expect(record.command).toBe('Add-HcsNetRoute');
    expect(record.extent).toEqual({ start: 16, end: 20 });
    expect(failure('Add-HcsNetRoute -NextHp x').hint?.en).toBe('Did you mean -NextHop?');
  });

  it('lists the matches of an ambiguous prefix', () => {
    const record = failure('Add-HcsNetRoute -I Port3');
    expect(record.errorId).toBe('AmbiguousParameter');
    expect(record.message.en).toBe(
      "Parameter cannot be processed because the parameter name 'I' is ambiguous. Possible matches include: -InterfaceAlias -InformationAction -InformationVariable.",
    );
  });

  it('names the missing mandatory parameters', () => {
    const record = failure('Add-HcsNetRoute -InterfaceAlias Port3');
    expect(record.errorId).toBe('MissingMandatoryParameter');
    expect(record.message.en).toBe(
      'Cannot process command because of one or more missing mandatory parameters: DestinationPrefix NextHop.',
    );
    expect(record.extent).toEqual({ start: 0, end: 15 });
  });

  it('refuses a parameter given twice, even by two spellings', () => {
    const record = failure('Get-HcsNetRoute -InterfaceAlias Port3 -interfacea Port4');
    expect(record.errorId).toBe('ParameterAlreadyBound');
    expect(record.message.en).toMatch(
      /^Cannot bind parameter because parameter 'InterfaceAlias' is specified more than once\./,
    );
  });

  it('needs a value after a non-switch parameter', () => {
    expect(failure('Get-HcsNetRoute -InterfaceAlias')).toMatchObject({
      errorId: 'MissingArgument',
      message: {
        en: "Missing an argument for parameter 'InterfaceAlias'. Specify a parameter of type 'System.String' and try again.",
      },
    });
    expect(failure('Get-HcsNetRoute -InterfaceAlias -AsJson').errorId).toBe('MissingArgument');
  });

  it('refuses arguments no parameter takes by position', () => {
    expect(failure('Get-HcsNetRoute Port3')).toMatchObject({
      errorId: 'PositionalParameterNotFound',
      message: { en: "A positional parameter cannot be found that accepts argument 'Port3'." },
    });
  });

  it('refuses text for an Int32', () => {
    expect(failure('Add-HcsNetRoute -Int a -Dest b -Ne c -RouteMetric high')).toMatchObject({
      errorId: 'ParameterArgumentTransformationError',
      category: 'InvalidData',
    });
  });

  it('refuses an empty string for a mandatory parameter', () => {
    expect(failure('Remove-HcsNetRoute -InterfaceAlias "" -DestinationPrefix x').errorId).toBe(
      'ParameterArgumentValidationErrorEmptyStringNotAllowed',
    );
  });

  it('refuses an unknown action preference', () => {
    expect(failure('Get-HcsNetRoute -ErrorAction Maybe').message.en).toContain(
      'SilentlyContinue, Stop',
    );
  });

  it('does not know an unknown command, and suggests a close one', () => {
    const record = failure('Get-HcsNetRoutes');
    expect(record.errorId).toBe('CommandNotFoundException');
    expect(record.message.en).toMatch(/^The term 'Get-HcsNetRoutes' is not recognized/);
    expect(record.hint?.en).toBe('Did you mean Get-HcsNetRoute?');
  });

  it('words the errors in Japanese too', () => {
    expect(failure('Add-HcsNetRoute -Foo bar').message.ja).toBe(
      "パラメーター名 'Foo' に一致するパラメーターが見つかりません。",
    );
  });
});

describe('kubectl', () => {
  it.each([
    ['kubectl get pods -n kube-system', 'pods', 'kube-system'],
    ['kubectl get pods -n metallb-system', 'pods', 'metallb-system'],
    ['kubectl get svc -A', 'services', null],
    ['kubectl get pods --namespace kube-system', 'pods', 'kube-system'],
    ['kubectl get pods --namespace=kube-system', 'pods', 'kube-system'],
    ['kubectl get po -nkube-system', 'pods', 'kube-system'],
    ['kubectl get services --all-namespaces', 'services', null],
    ['kubectl get nodes', 'nodes', 'default'],
    ['kubectl -n kube-system get pods', 'pods', 'kube-system'],
  ])('%s', (line, resource, namespace) => {
    expect(kubectl(line)).toMatchObject({ resource, namespace, help: false });
  });

  it('takes -o wide and resource names', () => {
    expect(kubectl('kubectl get pods coredns-1 -o wide -n kube-system')).toMatchObject({
      output: 'wide',
      names: ['coredns-1'],
    });
  });

  it.each([
    ['kubectl scale deployment web --replicas=2', 'unknown command "scale"'],
    ['kubectl apply x.yaml', 'must specify one of -f and -k'],
    ['kubectl expose deployment web', "couldn't find port"],
    ['kubectl create service nodeport web --tcp=80', 'Usage: kubectl create service'],
    ['kubectl create deployment web', 'creates only services'],
    ['kubectl delete svc', 'no name was specified'],
    ['kubectl delete pods web', 'that this console can delete'],
    ['kubectl get svc --port=80', 'unknown flag: --port'],
    ['kubectl get', 'You must specify the type of resource'],
    ['kubectl get deployments', 'doesn\'t have a resource type "deployments"'],
    ['kubectl get pods --watch', 'unknown flag: --watch'],
    ['kubectl get pods -w', "unknown shorthand flag: 'w' in -w"],
    ['kubectl get pods -n', 'flag needs an argument: -n'],
    ['kubectl get pods -o json', 'output format "json"'],
  ])('refuses %s as kubectl does', (line, message) => {
    const record = failure(line);
    expect(record.layout).toBe('native');
    expect(record.message.en).toContain(message);
  });

  it('reads the service verbs and their flags', () => {
    expect(
      kubectl('kubectl expose deployment nginx --port=80 --target-port 8080 --type=LoadBalancer'),
    ).toMatchObject({
      verb: 'expose',
      resource: 'deployment',
      names: ['nginx'],
      flags: { '--port': '80', '--target-port': '8080', '--type': 'LoadBalancer' },
    });
    expect(
      kubectl('kubectl create service loadbalancer web --tcp=80:8080 --tcp 443:8443 -n prod'),
    ).toMatchObject({
      verb: 'create',
      names: ['loadbalancer', 'web'],
      namespace: 'prod',
      flags: { '--tcp': '80:8080,443:8443' },
    });
    expect(kubectl('kubectl apply -f svc.yaml')).toMatchObject({
      verb: 'apply',
      flags: { '--filename': 'svc.yaml' },
    });
    expect(kubectl('kubectl delete svc web api -n prod')).toMatchObject({
      verb: 'delete',
      resource: 'services',
      names: ['web', 'api'],
      namespace: 'prod',
    });
    expect(kubectl('kubectl get svc web -o yaml').output).toBe('yaml');
  });

  it('shows help for no arguments or --help', () => {
    expect(kubectl('kubectl').help).toBe(true);
    expect(kubectl('kubectl get --help').help).toBe(true);
  });
});

describe('parseCommandLine and parseScript', () => {
  it('gives null for a blank or comment-only line', () => {
    expect(parseCommandLine('   ')).toBeNull();
    expect(parseCommandLine('# Get-HcsNetRoute')).toBeNull();
  });

  it('ignores a trailing comment', () => {
    expect(cmdlet('Get-HcsNetRoute -InterfaceAlias Port3 # the compute port').parameters).toEqual({
      InterfaceAlias: 'Port3',
    });
  });

  it('refuses two commands on one line', () => {
    expect(failure('Get-HcsNetRoute; Get-NetAdapter').errorId).toBe('MultipleStatements');
  });

  it('parses a script statement by statement, keeping each error with its statement', () => {
    const statements = parseScript('Get-HcsNetRoute\nGet-Foo\n\n# note\nGet-NetAdapter -Physical');
    expect(statements.map((s) => (s.command ? s.command.kind : s.error?.record.errorId))).toEqual([
      'cmdlet',
      'CommandNotFoundException',
      'cmdlet',
    ]);
  });
});
