/**
 * kubectl over the API: `get pods|services|nodes` from /api/kubernetes in kubectl's own columns
 * (RESTARTS and AGE included), and services (SPEC §9): `expose`, `create service`, `apply -f`,
 * `delete svc`, `get svc -o yaml`; and `nslookup` answering from CoreDNS's point of view.
 */
import {
  formatServiceManifest,
  reservedServiceAddresses,
  resolveServiceName,
} from '@edgenet/network-config';
import type { AnswerOf, InputOf } from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import { msg, text } from '../messages';
import type { KubectlCommand } from '../parser';
import {
  attempt,
  call,
  emitFailure,
  emitWarnings,
  type Handler,
  type HandlerEnv,
  localError,
} from './env';

type Env = HandlerEnv<KubectlCommand>;

/** kubectl's header for each property of a row. */
const LABELS = {
  namespace: 'NAMESPACE',
  name: 'NAME',
  ready: 'READY',
  status: 'STATUS',
  restarts: 'RESTARTS',
  age: 'AGE',
  ip: 'IP',
  node: 'NODE',
  type: 'TYPE',
  clusterIp: 'CLUSTER-IP',
  externalIp: 'EXTERNAL-IP',
  internalIp: 'INTERNAL-IP',
  ports: 'PORT(S)',
  selector: 'SELECTOR',
  roles: 'ROLES',
} as const;

type Property = keyof typeof LABELS;

/** The columns of `properties`, with NAMESPACE first for `-A` and `wide` ones last for `-o wide`. */
function columns(
  properties: readonly Property[],
  options: { all?: boolean; wide?: readonly Property[] | false } = {},
): Column[] {
  const names: Property[] = [
    ...(options.all ? (['namespace'] as const) : []),
    ...properties,
    ...(options.wide ? options.wide : []),
  ];
  return names.map((property) => ({ property, label: LABELS[property] }));
}

/** kubectl's AGE (k8s.io/apimachinery duration.HumanDuration). */
export function formatAge(since: string | undefined, now: number): string {
  if (!since) return '<unknown>';
  const started = Date.parse(since);
  if (Number.isNaN(started)) return '<unknown>';
  const ms = now - started;
  if (ms < -1000) return '<invalid>';
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(seconds / 3600);
  const days = Math.floor(hours / 24);
  const years = Math.floor(days / 365);
  if (seconds < 120) return `${seconds}s`;
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

async function kubernetesView(env: Env): Promise<AnswerOf<'getKubernetes'> | null> {
  return (await call(env, 'getKubernetes'))?.data ?? null;
}

const kubectlGet: Handler<KubectlCommand> = async (env) => {
  const { command } = env;
  const k8s = await kubernetesView(env);
  if (!k8s) return;
  const now = env.ctx.now?.() ?? Date.now();

  const all = command.namespace === null;
  const wide = command.output === 'wide';
  const inNamespace = (ns: string) => all || ns === command.namespace;
  let rows: OutputObject[];
  let cols: Column[];
  if (command.resource === 'pods') {
    rows = k8s.components.flatMap((c) =>
      c.pods
        .filter(() => inNamespace(c.namespace))
        .map((p) => ({
          namespace: c.namespace,
          name: p.name,
          ready: p.ready,
          status: p.status,
          restarts: String(p.restarts ?? 0),
          age: formatAge(p.createdAt, now),
          ip: p.ip,
          node: p.node,
        })),
    );
    cols = columns(['name', 'ready', 'status', 'restarts', 'age'], {
      all,
      wide: wide && ['ip', 'node'],
    });
  } else if (command.resource === 'services') {
    rows = k8s.services
      .filter((s) => inNamespace(s.namespace))
      .map((s) => ({
        namespace: s.namespace,
        name: s.name,
        type: s.type,
        clusterIp: s.clusterIp,
        externalIp: s.externalIp ?? (s.pending ? '<pending>' : null),
        ports: s.ports,
        age: formatAge(s.createdAt, now),
        selector: s.selector ?? null,
      }));
    cols = columns(['name', 'type', 'clusterIp', 'externalIp', 'ports', 'age'], {
      all,
      wide: wide && ['selector'],
    });
  } else {
    // Nodes are not namespaced: -n and -A change nothing, as in kubectl.
    rows = k8s.nodes.map((n) => ({
      name: n.name,
      status: n.status,
      roles: n.role === 'master' ? 'master' : null,
      internalIp: n.ip,
      externalIp: null,
    }));
    cols = columns(['name', 'status', 'roles'], { wide: wide && ['internalIp', 'externalIp'] });
  }

  if (command.names.length > 0) {
    const missing = command.names.find((n) => !rows.some((r) => r.name === n));
    if (missing !== undefined) {
      throw localError(
        env,
        text(
          `${command.resource} "${missing}" not found`,
          `${command.resource} "${missing}" が見つかりません`,
        ),
        'NotFound',
        'ObjectNotFound',
      );
    }
    rows = rows.filter((r) => command.names.includes(String(r.name)));
  }

  if (rows.length === 0) {
    if (k8s.state !== 'Configured') {
      throw localError(
        env,
        msg.clusterNotRunning(k8s.state),
        'ClusterNotRunning',
        'ResourceUnavailable',
      );
    }
    if (env.asJson) {
      env.out.objects([], { kind: 'kubectl', columns: cols });
      return;
    }
    const where = command.resource === 'nodes' || all ? '' : ` in ${command.namespace} namespace`;
    const whereJa = command.resource === 'nodes' || all ? '' : `${command.namespace} 名前空間に`;
    env.out.info(text(`No resources found${where}.`, `${whereJa}リソースが見つかりません。`));
    return;
  }
  if (command.output === 'yaml' && command.resource === 'services') {
    await printServiceYaml(env, rows);
    return;
  }
  if (command.output === 'yaml') {
    throw localError(
      env,
      text(
        '-o yaml is available for services in this console',
        'このコンソールで -o yaml を使えるのはサービスだけです',
      ),
      'OutputUnsupported',
      'InvalidArgument',
    );
  }
  env.out.objects(rows, { kind: 'kubectl', columns: cols });
};

/** `kubectl get svc … -o yaml`: the full documents, as kubectl prints one object or a List. */
async function printServiceYaml(env: Env, rows: readonly OutputObject[]): Promise<void> {
  const list = await call(env, 'listServices');
  if (!list) return;
  const wanted = new Set(rows.map((r) => `${r.namespace}/${r.name}`));
  const docs = list.data.services.filter((s) => wanted.has(`${s.namespace}/${s.name}`));
  env.out.text(formatServiceManifest(docs, env.command.names.length !== 1));
}

/** Sends one service; prints `service/NAME <verb>` as kubectl does. */
async function createService(
  env: Env,
  body: InputOf<'createService'>['body'],
  verb: string,
): Promise<void> {
  const created = await call(env, 'createService', { body });
  if (!created) return;
  emitWarnings(env, created.data.issues);
  env.out.text(`service/${created.data.name} ${verb}\n`);
}

function namespaceOf(command: KubectlCommand): string | undefined {
  return command.namespace === null || command.namespace === 'default'
    ? undefined
    : command.namespace;
}

function portNumber(env: Env, value: string, flag: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n)) {
    throw localError(
      env,
      text(
        `invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`,
        `"${flag}" フラグの引数 "${value}" が無効です: 数値にしてください`,
      ),
      'InvalidArgument',
      'InvalidArgument',
    );
  }
  return n;
}

const kubectlExpose: Handler<KubectlCommand> = async (env) => {
  const { command } = env;
  const target = command.names[0] as string;
  const port = portNumber(env, command.flags['--port'] ?? '', '--port');
  const targetText = command.flags['--target-port'];
  const targetPort =
    targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const type = command.flags['--type'];
  const ip = command.flags['--load-balancer-ip'];
  const selector = command.flags['--selector'];
  const namespace = namespaceOf(command);
  await createService(
    env,
    {
      name: command.flags['--name'] ?? target,
      ...(namespace ? { namespace } : {}),
      ...(type ? { type } : {}),
      ports: [
        {
          port,
          targetPort,
          ...(command.flags['--protocol'] ? { protocol: command.flags['--protocol'] } : {}),
        },
      ],
      // (ours) the simulated cluster runs no workloads: a deployment or pod NAME is app=NAME.
      selector: selector
        ? Object.fromEntries(selector.split(',').map((kv) => kv.split('=', 2) as [string, string]))
        : { app: target },
      ...(ip ? { loadBalancerIP: ip } : {}),
    },
    'exposed',
  );
};

const kubectlCreate: Handler<KubectlCommand> = async (env) => {
  const { command } = env;
  const [type, name] = command.names as [string, string];
  const ports = (command.flags['--tcp'] ?? '').split(',').map((spec) => {
    const [p, t] = spec.split(':', 2);
    const port = portNumber(env, p ?? '', '--tcp');
    const targetPort = t === undefined || t === '' ? port : /^\d+$/.test(t) ? Number(t) : t;
    // kubectl create service names each port PORT-TARGET.
    return { port, targetPort, name: `${port}-${targetPort}` };
  });
  const namespace = namespaceOf(command);
  await createService(
    env,
    {
      name,
      ...(namespace ? { namespace } : {}),
      type: type === 'loadbalancer' ? 'LoadBalancer' : 'ClusterIP',
      ports,
      selector: { app: name },
    },
    'created',
  );
};

const kubectlApply: Handler<KubectlCommand> = async (env) => {
  const file = env.command.flags['--filename'] as string;
  if (!env.ctx.readFile) {
    throw localError(
      env,
      text(
        `cannot read "${file}" here: the web Console has no files. Paste the YAML into "Apply YAML" on the Kubernetes page, or run kubectl apply -f with edgenet-ps.`,
        `ここでは "${file}" を読めません: Web コンソールにはファイルがありません。Kubernetes ページの「YAML を適用」に YAML を貼り付けるか、edgenet-ps で kubectl apply -f を実行してください。`,
      ),
      'FileUnavailable',
      'ResourceUnavailable',
    );
  }
  let manifest: string;
  try {
    manifest = await env.ctx.readFile(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw localError(
      env,
      text(
        `the path "${file}" does not exist (${detail})`,
        `パス "${file}" がありません (${detail})`,
      ),
      'FileNotFound',
      'ObjectNotFound',
    );
  }
  const applied = await call(env, 'applyManifest', { body: { manifest } });
  if (!applied) return;
  const answer = applied.data;
  emitWarnings(env, answer.issues);
  env.out.text(answer.results.map((r) => `service/${r.service.name} ${r.outcome}\n`).join(''));
};

const kubectlDelete: Handler<KubectlCommand> = async (env) => {
  const { command } = env;
  const namespace = command.namespace ?? 'default';
  for (const name of command.names) {
    const deleted = await attempt(env, 'deleteService', { params: { namespace, name } });
    if (deleted.ok) {
      env.out.text(`service "${name}" deleted\n`);
    } else {
      emitFailure(
        env,
        deleted,
        text(
          `Error from server (NotFound): services "${name}" not found`,
          `Error from server (NotFound): サービス "${name}" が見つかりません`,
        ),
      );
    }
  }
};

/** nslookup from a pod of the default namespace: CoreDNS answers with the cluster IP. */
const nslookup: Handler<KubectlCommand> = async (env) => {
  const [name] = env.command.names;
  const k8s = await kubernetesView(env);
  if (!k8s) return;
  const dns = reservedServiceAddresses(k8s.serviceCidr)?.kubeDns ?? '172.28.0.10';
  const running = k8s.services.some((s) => s.name === 'kube-dns');
  if (!running) {
    env.out.text(';; connection timed out; no servers could be reached\n\n');
    throw localError(
      env,
      msg.clusterNotRunning(k8s.state),
      'ClusterNotRunning',
      'ResourceUnavailable',
    );
  }
  const header = `Server:\t\t${dns}\nAddress:\t${dns}#53\n\n`;
  const found = resolveServiceName(String(name), k8s.services);
  env.out.text(
    found
      ? `${header}Name:\t${found.fqdn}\nAddress: ${found.address}\n\n`
      : `${header}** server can't find ${name}: NXDOMAIN\n\n`,
  );
};

/** Dispatches a kubectl (or nslookup) line by its verb. */
export const kubectlRun: Handler<KubectlCommand> = async (env) => {
  switch (env.command.verb) {
    case 'get':
      return kubectlGet(env);
    case 'expose':
      return kubectlExpose(env);
    case 'create':
      return kubectlCreate(env);
    case 'apply':
      return kubectlApply(env);
    case 'delete':
      return kubectlDelete(env);
    case 'nslookup':
      return nslookup(env);
  }
};
