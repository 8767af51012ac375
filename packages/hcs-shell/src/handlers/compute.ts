/** Get-/Set-HcsKubeClusterNetworkInfo over /api/compute. */
import { formatIssue, normalizeClusterCidr } from '@edgenet/network-config';
import type { InputOf } from '@edgenet/network-config/contract';
import { msg } from '../messages';
import { attempt, call, emitFailure, emitWarnings, type Handler, stringParam } from './env';

export const getHcsKubeClusterNetworkInfo: Handler = async (env) => {
  const answer = await call(env, 'getCompute');
  if (!answer) return;
  const compute = answer.data;
  // The documented output: a table `Id PodSubnet ServiceSubnet` (SPEC §8).
  env.out.objects(
    [{ Id: CLUSTER_NETWORK_ID, PodSubnet: compute.podCidr, ServiceSubnet: compute.serviceCidr }],
    {
      kind: 'table',
      columns: [{ property: 'Id' }, { property: 'PodSubnet' }, { property: 'ServiceSubnet' }],
    },
    { single: true },
  );
};

/** (ours) The simulated cluster network's id: stable, in the GUID form the device prints. */
export const CLUSTER_NETWORK_ID = '6dbf23c3-f146-4d57-bdfc-76cad714cfd1';

/**
 * Reads the compute document, changes the two CIDRs and writes it back with If-Match. A stale
 * revision (someone else wrote in between) is retried once with a fresh read; the server alone
 * decides whether the change is allowed (422 `compute.locked` once compute is Configured).
 */
export const setHcsKubeClusterNetworkInfo: Handler = async (env) => {
  for (let attempts = 0; ; attempts++) {
    const read = await call(env, 'getCompute');
    if (!read) return;
    const compute = read.data;
    // The device's cmdlet takes `10.96.0.1/16` as the network `10.96.0.0/16`, and says so.
    const pod = normalizeClusterCidr(stringParam(env.command, 'PodSubnet') ?? '', 'podCidr');
    const service = normalizeClusterCidr(
      stringParam(env.command, 'ServiceSubnet') ?? '',
      'serviceCidr',
    );
    const body: InputOf<'updateCompute'>['body'] = {
      computePort: compute.computePort,
      nodeIpRange: compute.nodeIpRange,
      serviceIpRange: compute.serviceIpRange,
      podCidr: pod.cidr,
      serviceCidr: service.cidr,
    };
    const put = await attempt(env, 'updateCompute', { body, ifMatch: compute.revision });
    if (!put.ok && put.status === 412 && attempts === 0) continue;
    if (!put.ok) return emitFailure(env, put);
    for (const normalized of [pod.issue, service.issue]) {
      if (normalized)
        env.out.warning({ en: formatIssue(normalized, 'en'), ja: formatIssue(normalized, 'ja') });
    }
    emitWarnings(env, put.answer.data.issues);
    const { job } = put.answer.data;
    if (job) env.out.info(msg.computeJobStarted(job.id));
    return;
  }
};
