/** `kubectl get pods|services|nodes` over /api/kubernetes, in kubectl's own columns. */
import { API } from '@edgenet/network-config';
import type { Kubernetes } from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import { msg, text } from '../messages';
import type { KubectlCommand } from '../parser';
import { emitFailure, type Handler, isObject, localError, okBody, send } from './env';

function columns(all: boolean, extra: readonly Column[], base: readonly Column[]): Column[] {
  return [...(all ? [{ property: 'namespace', label: 'NAMESPACE' }] : []), ...base, ...extra];
}

export const kubectlGet: Handler<KubectlCommand> = async (env) => {
  const { command } = env;
  const res = await send(env, 'GET', API.kubernetes);
  const k8s = okBody<Kubernetes>(
    res,
    [200],
    (b) => isObject(b) && Array.isArray(b.components) && Array.isArray(b.services),
  );
  if (!k8s) return emitFailure(env, res);

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
          ip: p.ip,
          node: p.node,
        })),
    );
    cols = columns(
      all,
      wide
        ? [
            { property: 'ip', label: 'IP' },
            { property: 'node', label: 'NODE' },
          ]
        : [],
      [
        { property: 'name', label: 'NAME' },
        { property: 'ready', label: 'READY' },
        { property: 'status', label: 'STATUS' },
      ],
    );
  } else if (command.resource === 'services') {
    rows = k8s.services
      .filter((s) => inNamespace(s.namespace))
      .map((s) => ({
        namespace: s.namespace,
        name: s.name,
        type: s.type,
        clusterIp: s.clusterIp,
        externalIp: s.externalIp,
        ports: s.ports,
      }));
    cols = columns(
      all,
      [],
      [
        { property: 'name', label: 'NAME' },
        { property: 'type', label: 'TYPE' },
        { property: 'clusterIp', label: 'CLUSTER-IP' },
        { property: 'externalIp', label: 'EXTERNAL-IP' },
        { property: 'ports', label: 'PORT(S)' },
      ],
    );
  } else {
    // Nodes are not namespaced: -n and -A change nothing, as in kubectl.
    rows = k8s.nodes.map((n) => ({
      name: n.name,
      status: n.status,
      roles: n.role === 'master' ? 'master' : null,
      internalIp: n.ip,
      externalIp: null,
    }));
    cols = [
      { property: 'name', label: 'NAME' },
      { property: 'status', label: 'STATUS' },
      { property: 'roles', label: 'ROLES' },
      ...(wide
        ? [
            { property: 'internalIp', label: 'INTERNAL-IP' },
            { property: 'externalIp', label: 'EXTERNAL-IP' },
          ]
        : []),
    ];
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
  env.out.objects(rows, { kind: 'kubectl', columns: cols });
};
