/**
 * The shell over an in-memory fake of the API: which requests each line sends, and how answers
 * are printed. The round trip against the real server is the lead's end-to-end test.
 */
import { ARTICLE_CMDLETS, VIRTUAL_SWITCH_FIELDS } from '@edgenet/network-config/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { runLine, runScript, type ShellContext } from '../src/index';
import { check, FakeApi } from './fake-api';

let api: FakeApi;
let ctx: ShellContext;

beforeEach(() => {
  api = new FakeApi();
  ctx = {
    client: api,
    check,
    locale: 'en',
    width: 120,
    now: () => Date.parse('2026-12-01T10:00:00Z'),
  };
});

/** The requests a line sent, without the port-list reads used to match alias case. */
function writes() {
  return api.requests
    .filter((r) => !(r.method === 'GET' && r.path === '/api/ports'))
    .map(({ method, path, body }) => ({ method, path, body }));
}

describe('the SPEC §1.3 lines send the right requests', () => {
  it('Add-HcsNetRoute posts the route, metric included', async () => {
    const result = await runLine(ARTICLE_CMDLETS.addConnectedRoute, ctx);
    expect(writes()).toEqual([
      {
        method: 'POST',
        path: '/api/routes',
        body: {
          interfaceAlias: 'Port3',
          destinationPrefix: '192.168.20.0/24',
          nextHop: '192.168.20.1',
          routeMetric: 100,
        },
      },
    ]);
    expect(result.exitCode).toBe(0);
  });

  it('Get-HcsNetRoute asks for one interface', async () => {
    await runLine('Get-HcsNetRoute -InterfaceAlias Port3', ctx);
    expect(writes()).toEqual([
      { method: 'GET', path: '/api/routes?interfaceAlias=Port3', body: undefined },
    ]);
  });

  it('Remove-HcsNetRoute deletes by interface and destination', async () => {
    api.routes.push({
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.21.0/24',
      nextHop: '192.168.20.1',
      routeMetric: 256,
      status: { active: true, reason: null },
    });
    const result = await runLine(
      'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"',
      ctx,
    );
    expect(writes()).toEqual([
      {
        method: 'DELETE',
        path: '/api/routes?interfaceAlias=Port3&destinationPrefix=192.168.21.0%2F24',
        body: undefined,
      },
    ]);
    expect(result).toMatchObject({ output: '', error: false, exitCode: 0 });
  });
});

describe('routes', () => {
  it('leaves the metric out when it is not given, so the server applies 256', async () => {
    await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -NextHop 192.168.20.1',
      ctx,
    );
    expect(writes()[0]?.body).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '10.0.0.0/8',
      nextHop: '192.168.20.1',
    });
  });

  it('sends the interface alias as the device spells it', async () => {
    await runLine(
      'Add-HcsNetRoute -InterfaceAlias port3 -DestinationPrefix 10.0.0.0/8 -NextHop 192.168.20.1',
      ctx,
    );
    expect(writes()[0]?.body).toMatchObject({ interfaceAlias: 'Port3' });
  });

  it('prints the added route as a list, after the warnings of the 201 answer', async () => {
    const result = await runLine(ARTICLE_CMDLETS.addConnectedRoute, ctx);
    expect(result.chunks.map((c) => c.stream)).toEqual(['warning', 'output']);
    expect(result.output).toBe(
      [
        "WARNING: Destination 192.168.20.0/24 is inside Port3's own subnet 192.168.20.0/24; the route is redundant.",
        '',
        'InterfaceAlias    : Port3',
        'DestinationPrefix : 192.168.20.0/24',
        'NextHop           : 192.168.20.1',
        'RouteMetric       : 100',
        'Status            : Active',
        'Reason            :',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists routes as a table with status and reason', async () => {
    await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -NextHop 192.168.20.1',
      ctx,
    );
    await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port1 -DestinationPrefix 10.9.0.0/16 -NextHop 192.168.100.1 -RouteMetric 5',
      ctx,
    );
    const result = await runLine('Get-HcsNetRoute', ctx);
    expect(result.output).toBe(
      [
        '',
        'InterfaceAlias DestinationPrefix NextHop       RouteMetric Status   Reason',
        '-------------- ----------------- -------       ----------- ------   ------',
        'Port3          10.0.0.0/8        192.168.20.1          256 Active',
        'Port1          10.9.0.0/16       192.168.100.1           5 Inactive Port1 is not the compute port (Port3).',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with -AsJson, and with the context json option', async () => {
    await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -NextHop 192.168.20.1',
      ctx,
    );
    const asJson = await runLine('Get-HcsNetRoute -AsJson', ctx);
    expect(JSON.parse(asJson.output)).toEqual([
      {
        InterfaceAlias: 'Port3',
        DestinationPrefix: '10.0.0.0/8',
        NextHop: '192.168.20.1',
        RouteMetric: 256,
        Status: 'Active',
        Reason: null,
      },
    ]);
    const viaContext = await runLine('Get-HcsNetRoute', { ...ctx, json: true });
    expect(viaContext.output).toBe(asJson.output);
    expect(
      JSON.parse((await runLine('Get-HcsNetRoute -InterfaceAlias Port4 -AsJson', ctx)).output),
    ).toEqual([]);
  });

  it('prints one error record per issue, naming the parameter and pointing at its value', async () => {
    const line =
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.5/24 -NextHop 10.1.1.1';
    const result = await runLine(line, ctx);
    expect(result).toMatchObject({ error: true, exitCode: 1 });
    expect(result.chunks.filter((c) => c.stream === 'error')).toHaveLength(2);
    expect(result.output).toBe(
      [
        "Add-HcsNetRoute : Cannot validate argument on parameter 'DestinationPrefix'. 192.168.20.5/24 has host bits set. Did you mean 192.168.20.0/24?",
        'At line:1 char:58',
        `+ ${line}`,
        `+ ${' '.repeat(57)}${'~'.repeat('192.168.20.5/24'.length)}`,
        '    + CategoryInfo          : InvalidArgument: (192.168.20.5/24:String) [Add-HcsNetRoute], ParameterBindingValidationException',
        '    + FullyQualifiedErrorId : prefix.hostBits,Add-HcsNetRoute',
        "Add-HcsNetRoute : Cannot validate argument on parameter 'NextHop'. Next hop 10.1.1.1 is outside Port3's subnet 192.168.20.0/24.",
        'At line:1 char:83',
        `+ ${line}`,
        `+ ${' '.repeat(82)}${'~'.repeat('10.1.1.1'.length)}`,
        '    + CategoryInfo          : InvalidArgument: (10.1.1.1:String) [Add-HcsNetRoute], ParameterBindingValidationException',
        '    + FullyQualifiedErrorId : route.nextHopOutsideSubnet,Add-HcsNetRoute',
        '',
      ].join('\n'),
    );
  });

  it('shows the server messages in Japanese with locale ja', async () => {
    const result = await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.5/24 -NextHop 10.1.1.1',
      { ...ctx, locale: 'ja' },
    );
    expect(result.output).toContain(
      "Add-HcsNetRoute : パラメーター 'DestinationPrefix' の引数を確認できません。192.168.20.5/24 にはホスト部のビットが含まれています。192.168.20.0/24 のことですか?",
    );
  });

  it('leaves out the warnings of a refused change, keeping its errors', async () => {
    api.request = async () => ({
      status: 422,
      headers: {},
      body: {
        type: 'about:blank',
        title: 'Invalid route',
        status: 422,
        issues: [
          {
            path: 'destinationPrefix',
            code: 'route.defaultRoute',
            severity: 'warning',
            params: {},
            message: { en: 'A route to 0.0.0.0/0 takes over.', ja: '既定のルートです。' },
          },
          {
            path: 'nextHop',
            code: 'route.nextHopIsInterface',
            severity: 'error',
            params: {},
            message: { en: 'Next hop is the interface.', ja: '次ホップはインターフェイスです。' },
          },
        ],
      },
    });
    const result = await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 0.0.0.0/0 -NextHop 192.168.20.10',
      ctx,
    );
    expect(result.output).not.toContain('WARNING');
    expect(result.output).toContain("parameter 'NextHop'. Next hop is the interface.");
  });

  it('reports a duplicate route as ResourceExists', async () => {
    const line =
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -NextHop 192.168.20.1';
    await runLine(line, ctx);
    const result = await runLine(line, ctx);
    expect(result.output).toContain(
      'Add-HcsNetRoute : A route to 10.0.0.0/8 on Port3 already exists; remove it first to change it.',
    );
    expect(result.output).toContain('ResourceExists: (10.0.0.0/8:String) [Add-HcsNetRoute]');
    expect(result.output).toContain('FullyQualifiedErrorId : route.duplicate,Add-HcsNetRoute');
  });

  it('reports removing an unknown route as ObjectNotFound', async () => {
    const result = await runLine(
      'Remove-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8',
      ctx,
    );
    expect(result.output).toContain(
      'Remove-HcsNetRoute : No custom route to 10.0.0.0/8 exists on Port3. Get-HcsNetRoute lists the routes.',
    );
    expect(result.output).toContain('ObjectNotFound: (:) [Remove-HcsNetRoute]');
  });

  it('refuses to list the routes of an interface the device does not have', async () => {
    const result = await runLine('Get-HcsNetRoute -InterfaceAlias Port9', ctx);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("No interface named 'Port9' exists on this device.");
    expect(writes()).toEqual([]);
  });

  it('does not send anything when the line does not bind', async () => {
    const result = await runLine('Add-HcsNetRoute -InterfaceAlias Port3 -NextHop 1.1.1.1', ctx);
    expect(result.output).toMatch(/missing mandatory parameters: DestinationPrefix\./);
    expect(api.requests).toEqual([]);
  });
});

describe('compute', () => {
  it('Get-HcsKubeClusterNetworkInfo prints the documented table Id PodSubnet ServiceSubnet', async () => {
    expect((await runLine('Get-HcsKubeClusterNetworkInfo', ctx)).output).toBe(
      '\nId                                   PodSubnet     ServiceSubnet\n' +
        '--                                   ---------     -------------\n' +
        '6dbf23c3-f146-4d57-bdfc-76cad714cfd1 172.27.0.0/16 172.28.0.0/16\n\n',
    );
    expect(
      JSON.parse((await runLine('Get-HcsKubeClusterNetworkInfo -AsJson', ctx)).output),
    ).toEqual({
      Id: '6dbf23c3-f146-4d57-bdfc-76cad714cfd1',
      PodSubnet: '172.27.0.0/16',
      ServiceSubnet: '172.28.0.0/16',
    });
  });

  it('Set-HcsKubeClusterNetworkInfo puts the whole document back with If-Match', async () => {
    const result = await runLine(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16',
      ctx,
    );
    expect(result.exitCode).toBe(0);
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put).toEqual({
      method: 'PUT',
      path: '/api/compute',
      endpoint: 'updateCompute',
      headers: { 'if-match': '"7"' },
      body: {
        computePort: 'Port3',
        nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
        serviceIpRange: { start: '192.168.20.60', end: '192.168.20.69' },
        podCidr: '10.96.0.0/16',
        serviceCidr: '10.97.0.0/16',
      },
    });
    expect(result.output).toContain('job job-1');
  });

  it('retries once when the revision went stale in between', async () => {
    const request = api.request.bind(api);
    let bumped = false;
    api.request = async (method, path, body, headers) => {
      if (method === 'PUT' && !bumped) {
        bumped = true;
        api.revision++;
      }
      return request(method, path, body, headers);
    };
    const result = await runLine(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16',
      ctx,
    );
    expect(result.exitCode).toBe(0);
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('shows the compute.locked issues once compute is Configured, on the parameters', async () => {
    api.compute.state = 'Configured';
    const result = await runLine(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16',
      ctx,
    );
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(
      "Set-HcsKubeClusterNetworkInfo : Cannot validate argument on parameter 'PodSubnet'. podCidr cannot change while compute is Configured; disable compute first.",
    );
    expect(result.output).toContain("parameter 'ServiceSubnet'");
    expect(result.output).toContain(
      'FullyQualifiedErrorId : compute.locked,Set-HcsKubeClusterNetworkInfo',
    );
    expect(result.output).toContain('InvalidOperation: (10.96.0.0/16:String)');
  });

  it('Get-HcsExternalVirtualSwitch prints the documented fields of every switch', async () => {
    const lines = (await runLine('Get-HcsExternalVirtualSwitch', ctx)).output.split('\n');
    // The documented fields, in the documented order (SPEC §8).
    expect(lines.filter(Boolean).map((l) => l.split(':')[0]?.trim())).toEqual([
      ...VIRTUAL_SWITCH_FIELDS,
    ]);
    expect(lines).toContain('Name                          : vswitch-Port3');
    expect(lines).toContain('InterfaceAlias                : {Port3}');
    expect(lines).toContain('EnabledForCompute             : True');
    api.compute.computePort = null;
    expect((await runLine('Get-HcsExternalVirtualSwitch', ctx)).output).toBe('');
  });
});

describe('device', () => {
  it('Get-NetAdapter -Physical lists the ports', async () => {
    const result = await runLine('Get-NetAdapter -Physical', ctx);
    expect(result.output.split('\n').slice(1, 4)).toEqual([
      'Name  InterfaceDescription                ifIndex Status       MacAddress        LinkSpeed',
      '----  --------------------                ------- ------       ----------        ---------',
      'Port1 QLogic 2x1GE+2x25GE QL41234HMCU NIC       3 Up           00-0E-1E-7E-F8-01    1 Gbps',
    ]);
    // Every port has its own MAC address, the same on every run.
    const again = await runLine('Get-NetAdapter -AsJson', ctx);
    const macs = JSON.parse(again.output).map((a: { MacAddress: string }) => a.MacAddress);
    expect(new Set(macs).size).toBe(macs.length);
    expect(JSON.parse((await runLine('Get-NetAdapter -AsJson', ctx)).output)[0].MacAddress).toBe(
      macs[0],
    );
  });

  it('Get-NetAdapter filters by name, and says so when nothing matches', async () => {
    expect((await runLine('Get-NetAdapter Port3 -AsJson', ctx)).output).toContain(
      '"Name": "Port3"',
    );
    expect(JSON.parse((await runLine('Get-NetAdapter Port* -AsJson', ctx)).output)).toHaveLength(4);
    const none = await runLine('Get-NetAdapter Port9', ctx);
    expect(none.output).toContain(
      "No MSFT_NetAdapter objects found with property 'Name' equal to 'Port9'.",
    );
  });

  it('Get-HcsApplianceInfo prints a list', async () => {
    const { output } = await runLine('Get-HcsApplianceInfo', ctx);
    expect(output).toContain('Model                   : Azure Stack Edge Pro GPU');
    expect(output).toContain('IsClustered             : False');
  });
});

describe('kubectl', () => {
  beforeEach(() => {
    api.compute.state = 'Configured';
  });

  it('kubectl get pods -n kube-system', async () => {
    expect((await runLine('kubectl get pods -n kube-system', ctx)).output).toBe(
      [
        'NAME                       READY   STATUS    RESTARTS   AGE',
        'coredns-5d78c9869d-abcde   1/1     Running   0          60m',
        'coredns-5d78c9869d-fghij   1/1     Running   2          3d',
        '',
      ].join('\n'),
    );
  });

  it('kubectl get pods -n metallb-system', async () => {
    expect((await runLine('kubectl get pods -n metallb-system', ctx)).output).toContain(
      'speaker-x7k2p',
    );
  });

  it('kubectl get svc -A', async () => {
    expect((await runLine('kubectl get svc -A', ctx)).output).toBe(
      [
        'NAMESPACE     NAME         TYPE           CLUSTER-IP    EXTERNAL-IP     PORT(S)          AGE',
        'default       kubernetes   ClusterIP      172.28.0.1    <none>          443/TCP          3d',
        'kube-system   kube-dns     ClusterIP      172.28.0.10   <none>          53/UDP,53/TCP    3d',
        'default       web          LoadBalancer   172.28.14.3   192.168.20.60   80:31080/TCP     4m30s',
        'default       queue        LoadBalancer   172.28.14.4   <pending>       5672:30001/TCP   60s',
        '',
      ].join('\n'),
    );
  });

  it('kubectl get svc -o wide adds the selector', async () => {
    expect((await runLine('kubectl get svc web -o wide', ctx)).output).toBe(
      [
        'NAME   TYPE           CLUSTER-IP    EXTERNAL-IP     PORT(S)        AGE     SELECTOR',
        'web    LoadBalancer   172.28.14.3   192.168.20.60   80:31080/TCP   4m30s   app=web',
        '',
      ].join('\n'),
    );
  });

  it('says there is nothing in an empty namespace, without failing', async () => {
    const result = await runLine('kubectl get pods -n nothing-here', ctx);
    expect(result).toMatchObject({
      exitCode: 0,
      output: 'No resources found in nothing-here namespace.\n',
    });
    expect(result.chunks[0]?.stream).toBe('info');
  });

  it('fails plainly when the cluster is not running', async () => {
    api.compute.state = 'NotConfigured';
    const result = await runLine('kubectl get pods -n kube-system', ctx);
    expect(result.exitCode).toBe(1);
    expect(result.output).toBe(
      'error: The Kubernetes cluster is not running: compute is NotConfigured. Enable compute on a port (the Compute page) first.\n',
    );
  });
});

describe('runScript', () => {
  const script = [
    '# add two routes, then list them',
    'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.1.0.0/16 -NextHop 192.168.20.1',
    'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.1.0.0/16 -NextHop 192.168.20.1',
    'Get-HcsNetRoute `',
    '  -InterfaceAlias Port3',
  ].join('\n');

  it('stops at the first error, and places it by script line', async () => {
    const result = await runScript(script, ctx, { scriptName: 'routes.ps1' });
    expect(result).toMatchObject({ error: true, exitCode: 1, statementsRun: 2 });
    expect(result.output).toContain('At routes.ps1:3 char:58');
    expect(result.output).not.toContain('InterfaceAlias DestinationPrefix');
  });

  it('goes on after errors with continueOnError', async () => {
    const result = await runScript(script, ctx, { continueOnError: true });
    expect(result).toMatchObject({ error: true, exitCode: 1, statementsRun: 3 });
    expect(result.output).toContain('InterfaceAlias DestinationPrefix');
  });

  it('runs nothing when any line has a syntax error, as PowerShell does', async () => {
    const result = await runScript('Get-HcsNetRoute\nGet-HcsNetRoute -InterfaceAlias "Port3', ctx, {
      continueOnError: true,
    });
    expect(result.statementsRun).toBe(0);
    expect(api.requests).toEqual([]);
    expect(result.output).toContain('The string is missing the terminator: ".');
  });

  it('goes on past an error hidden by -ErrorAction SilentlyContinue', async () => {
    const result = await runScript(
      'Remove-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -ErrorAction SilentlyContinue\nGet-HcsApplianceInfo',
      ctx,
    );
    expect(result).toMatchObject({ error: false, exitCode: 0, statementsRun: 2 });
    expect(result.output).not.toContain('Remove-HcsNetRoute :');
  });

  it('stops a line at -ErrorAction Stop even between ; statements', async () => {
    const result = await runLine(
      'Remove-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8 -ErrorAction Stop; Get-HcsApplianceInfo',
      ctx,
    );
    expect(result.statementsRun).toBe(1);
    const both = await runLine(
      'Remove-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.0.0.0/8; Get-HcsApplianceInfo',
      ctx,
    );
    expect(both.statementsRun).toBe(2);
  });

  it('streams chunks as they come', async () => {
    const seen: string[] = [];
    await runScript('Get-HcsApplianceInfo\nGet-HcsKubeClusterNetworkInfo', ctx, {
      onChunk: (c) => seen.push(c.stream),
    });
    expect(seen).toEqual(['output', 'output']);
  });
});

describe('transport and other failures', () => {
  it('turns a rejected request into a ConnectionError record, without a stack trace', async () => {
    api.down = true;
    const result = await runLine('Get-HcsNetRoute', ctx);
    expect(result.output).toBe(
      [
        'Get-HcsNetRoute : Cannot reach the edgenet server: connection refused (http://localhost:8080).',
        'At line:1 char:1',
        '+ Get-HcsNetRoute',
        '+ ~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ConnectionError: (:) [Get-HcsNetRoute], HttpRequestException',
        '    + FullyQualifiedErrorId : ConnectionFailure,Get-HcsNetRoute',
        '',
      ].join('\n'),
    );
  });

  it('shows a problem without issues by its message', async () => {
    api.request = async () => ({
      status: 403,
      headers: {},
      body: {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        code: 'password.changeRequired',
        message: {
          en: 'Change the initial password first.',
          ja: '最初にパスワードを変更してください。',
        },
      },
    });
    const result = await runLine('Get-HcsApplianceInfo', { ...ctx, locale: 'ja' });
    expect(result.output).toContain('Get-HcsApplianceInfo : 最初にパスワードを変更してください。');
    expect(result.output).toContain('PermissionDenied');
    expect(result.output).toContain('password.changeRequired,Get-HcsApplianceInfo');
  });

  it('says when an answer is not what the contract promises', async () => {
    api.request = async () => ({ status: 200, headers: {}, body: 'hello' });
    const result = await runLine('Get-HcsNetRoute', ctx);
    expect(result.output).toContain('an answer this console does not understand (HTTP 200)');
  });

  it('prints each request with -Verbose', async () => {
    const result = await runLine('Get-HcsApplianceInfo -Verbose', ctx);
    expect(result.output.startsWith('VERBOSE: GET /api/device\nVERBOSE: HTTP 200\n')).toBe(true);
  });

  it('hides warnings with -WarningAction SilentlyContinue', async () => {
    const result = await runLine(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.0/24 -NextHop 192.168.20.1 -WarningAction SilentlyContinue',
      ctx,
    );
    expect(result.output).not.toContain('WARNING');
  });
});
